package org.beacon.campaign.audit;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;

/** The audit log for admins, as a page. */
@Path("/campaigns/audit")
public class AuditPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(List<AuditEntry> entries, int page, boolean hasNext);
    }

    @Inject
    AuditLog audit;

    @Inject
    RequestLanguage language;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance audit(@QueryParam("page") @DefaultValue("0") int page) {
        List<AuditEntry> entries = audit.page(page);
        return Templates.audit(entries, Math.max(page, 0), entries.size() == AuditLog.PAGE_SIZE)
                .setLocale(language.locale());
    }
}
