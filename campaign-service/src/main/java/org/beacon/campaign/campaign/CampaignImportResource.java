package org.beacon.campaign.campaign;

import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.beacon.campaign.i18n.ListedRefusal;
import org.beacon.campaign.input.ContentArchive;
import org.beacon.campaign.input.InputLimits;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.Problem;
import org.beacon.commons.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path("/campaigns/api/import/campaigns")
public class CampaignImportResource {

    @Inject
    InputLimits limits;

    @Inject
    CampaignImport campaignImport;

    @POST
    @Consumes({ "application/zip", MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import content/campaigns as a zip (<slug>/campaign.yaml, <slug>/materials/*.md)",
            description = "Idempotent: unchanged content changes nothing; changed content becomes a new draft"
                    + " version or variant, never an overwrite of published text. 400 lists every problem, and"
                    + " then nothing is imported. With dryRun=true: the same checks and refusals, the outcome each"
                    + " campaign would have and what the publishing gate would hold against it, and nothing stored.")
    public CampaignImport.Report importCampaigns(InputStream zip, @QueryParam("dryRun") boolean dryRun) {
        return campaignImport.importArchive(ContentArchive.read(zip, limits.archive()), dryRun);
    }

    /**
     * A refused import as problem+json, whose {@code detail} and {@code errors} stay the English of every Beacon API,
     * with {@code detailText} and {@code errorsText} beside them in the request's language ({@code Accept-Language}),
     * as the report has {@code publishingText}: whoever runs the import reads what to fix in their language.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RefusedImport(String type, String title, int status, String detail, String detailText,
            String instance, List<String> errors, List<String> errorsText) {
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        List<String> errorsText = e instanceof ListedRefusal listed ? listed.readerItems() : e.readerErrors();
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(new RefusedImport("about:blank",
                e.title(), e.status(), e.getMessage(), e.readerText(), uri.getPath(), e.errors(), errorsText)).build();
    }
}
