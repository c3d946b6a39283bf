package org.beacon.campaign.help;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The help directory as JSON. */
@Path("/campaigns/api/help")
@Produces(MediaType.APPLICATION_JSON)
public class HelpDirectoryResource {

    @Inject
    HelpDirectory directory;

    @GET
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "Every hotline, shelter and referral service, active or not")
    public List<HelpView> list() {
        return directory.listed();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN })
    public HelpView get(@PathParam("id") long id) {
        return directory.view(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Add a help resource owned by the user's organization")
    public Response create(@Valid @NotNull HelpResourceInput input) {
        HelpResource created = directory.create(input);
        return Response.created(URI.create("/campaigns/api/help/" + created.id)).entity(directory.view(created.id))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Change a help resource (its organization's managers, or admins; shared entries: admins)")
    public HelpView update(@PathParam("id") long id, @Valid @NotNull HelpResourceInput input) {
        directory.update(id, input);
        return directory.view(id);
    }
}
