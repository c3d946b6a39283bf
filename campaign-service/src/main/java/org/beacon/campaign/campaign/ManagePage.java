package org.beacon.campaign.campaign;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.security.Roles;

/** The campaign manager's desk: the organization's campaigns. */
@Path("/campaigns/manage")
public class ManagePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance manage(String userName, String organization, List<Campaign> campaigns);
    }

    @Inject
    CampaignService campaigns;

    @Inject
    CurrentUser user;

    @Inject
    RequestLanguage language;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public TemplateInstance manage() {
        return Templates.manage(user.displayName(), user.organization().orElse(""), campaigns.visibleCampaigns())
                .setLocale(language.locale());
    }
}
