package org.beacon.campaign.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The address of the campaign-only audit page this service once showed. The gateway's admin audit page is the one
 * audit log of both services (it reads {@link AuditResource}); a bookmark of the old address lands there. The
 * gateway checks the admin role on arrival, so the redirect itself gives nothing away.
 */
@Path("/campaigns/audit")
public class AuditPage {

    /** A path, not a URI resolved against this service's own address: the browser reaches both through the gateway. */
    static final String ADMIN_AUDIT = "/admin/audit";

    @GET
    @PermitAll
    public Response moved() {
        return Response.status(Response.Status.MOVED_PERMANENTLY).header("Location", ADMIN_AUDIT).build();
    }
}
