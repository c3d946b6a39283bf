package org.beacon.campaign.publicpage;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.beacon.campaign.campaign.Campaign;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.web.ProblemException;

/** Published campaigns for community members: no login, no JavaScript, small. */
@Path("/campaigns/public")
@Produces(MediaType.TEXT_HTML)
public class PublicCampaignPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Campaign> campaigns);

        static native TemplateInstance campaign(Campaign campaign);
    }

    @Inject
    RequestLanguage language;

    @GET
    public TemplateInstance index() {
        return Templates.index(Campaign.published()).setLocale(language.locale());
    }

    @GET
    @Path("/{slug}")
    public TemplateInstance campaign(@PathParam("slug") String slug) {
        Campaign campaign = Campaign.publishedBySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("There is no published campaign at this address."));
        return Templates.campaign(campaign).setLocale(language.locale());
    }
}
