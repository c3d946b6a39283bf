package org.beacon.campaign.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.beacon.commons.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit log for admins, as JSON. */
@Path("/campaigns/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    public record AuditView(long id, OffsetDateTime at, String actor, String actorName, String organization,
            String action, String subjectType, Long subjectId, String summary) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.id, e.at, e.actor, e.actorName, e.organization, e.action, e.subjectType,
                    e.subjectId, e.summary);
        }
    }

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Audit log, newest first, 50 entries a page (page counts from 0)")
    public List<AuditView> list(@QueryParam("page") @DefaultValue("0") int page) {
        return audit.page(page).stream().map(AuditView::of).toList();
    }
}
