package org.beacon.campaign.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.beacon.commons.audit.AuditFilter;
import org.beacon.commons.audit.AuditRecord;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The audit log for admins, as JSON, filtered here: the gateway's admin page merges it with training-service's and
 * never reads this service's tables.
 */
@Path("/campaigns/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** The reader's language: the gateway sends the admin's as {@code Accept-Language}. */
    @Inject
    RequestLanguage language;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Audit log, newest first: ?organization=&action=&from=2026-12-01&to=2026-12-31&page=0&size=50;"
            + " each summary in the language of Accept-Language (en, fr, es, pt, ar; else English)")
    public List<AuditRecord> list(@QueryParam("organization") String organization,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return AuditEntry.matching(AuditFilter.of(organization, action, from, to, page, size)).stream()
                .map(entry -> entry.record(language.code())).toList();
    }
}
