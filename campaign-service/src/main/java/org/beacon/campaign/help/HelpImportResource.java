package org.beacon.campaign.help;

import java.io.InputStream;

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
import org.beacon.campaign.i18n.ImportProblem;
import org.beacon.campaign.input.ContentArchive;
import org.beacon.commons.security.Roles;
import org.beacon.campaign.input.InputLimits;
import org.beacon.commons.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path("/campaigns/api/import/help")
public class HelpImportResource {

    @Inject
    InputLimits limits;

    @Inject
    HelpImport help;

    @POST
    @Consumes({ "application/zip", MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import content/help as a zip of <country>.yaml files (idempotent)",
            description = "With dryRun=true: the same checks and refusals and the same report, and nothing stored.")
    public HelpImport.Report importHelp(InputStream zip, @QueryParam("dryRun") boolean dryRun) {
        return help.importArchive(ContentArchive.read(zip, limits.archive()), dryRun);
    }

    /** A refusal with its text in the request's language beside the English (see ImportProblem.Refused). */
    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        return ImportProblem.refused(e, uri);
    }
}
