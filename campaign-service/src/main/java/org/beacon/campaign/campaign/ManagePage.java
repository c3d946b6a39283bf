package org.beacon.campaign.campaign;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.campaign.i18n.ListedRefusal;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.security.Roles;
import org.jboss.resteasy.reactive.RestForm;

/** The campaign manager's desk: the organization's campaigns and the form to start one. */
@Path("/campaigns/manage")
public class ManagePage {

    @CheckedTemplate
    static class Templates {
        /** @param titles the campaigns' titles in the reader's language, where their newest version has it */
        static native TemplateInstance manage(String userName, String organization, List<Campaign> campaigns,
                Map<Long, String> titles, Set<Long> approved, boolean admin, List<String> errors, NewCampaign form);
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
        return page(List.of(), new NewCampaign("", "", language.code()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response create(@RestForm String slug, @RestForm String title, @RestForm String defaultLanguage) {
        NewCampaign form = new NewCampaign(slug, title, defaultLanguage);
        return ListedRefusal.submit(() -> "/campaigns/manage/" + campaigns.create(form).id,
                errors -> page(errors, form));
    }

    private TemplateInstance page(List<String> errors, NewCampaign form) {
        List<Campaign> visible = campaigns.visibleCampaigns();
        return Templates.manage(user.displayName(), user.organization().orElse(""), visible,
                CampaignTranslation.newestTitlesIn(language.code()), campaigns.approvedAmong(visible), user.isAdmin(),
                errors, form).setLocale(language.locale());
    }
}
