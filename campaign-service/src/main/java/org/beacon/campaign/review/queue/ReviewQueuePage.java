package org.beacon.campaign.review.queue;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.beacon.campaign.campaign.CampaignService;
import org.beacon.campaign.material.MaterialService;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;

/** What waits for a second pair of eyes in the user's organization. */
@Path("/campaigns/manage/review")
public class ReviewQueuePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<CampaignService.ReviewItem> campaigns,
                List<MaterialService.ReviewItem> materials);
    }

    @Inject
    CampaignService campaigns;

    @Inject
    MaterialService materials;

    @Inject
    RequestLanguage language;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public TemplateInstance queue() {
        return Templates.queue(campaigns.reviewQueue(), materials.reviewQueue()).setLocale(language.locale());
    }
}
