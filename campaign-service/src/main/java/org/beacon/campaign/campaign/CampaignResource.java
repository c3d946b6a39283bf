package org.beacon.campaign.campaign;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.security.Roles;
import org.beacon.commons.security.UserSummary;

@Path("/campaigns/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    public record CampaignView(long id, String slug, String title, String organization, String defaultLanguage,
            String status) {
        public static CampaignView of(Campaign campaign) {
            return new CampaignView(campaign.id, campaign.slug, campaign.title, campaign.organization,
                    campaign.defaultLanguage, campaign.status);
        }
    }

    public record CampaignList(UserSummary user, List<CampaignView> campaigns) {
    }

    @Inject
    CampaignService campaigns;

    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN })
    public CampaignList list() {
        return new CampaignList(UserSummary.of(user),
                campaigns.visibleCampaigns().stream().map(CampaignView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN })
    public CampaignView get(@PathParam("id") long id) {
        return CampaignView.of(campaigns.find(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response create(@Valid @NotNull NewCampaign request) {
        Campaign campaign = campaigns.create(request);
        return Response.created(URI.create("/campaigns/api/campaigns/" + campaign.id))
                .entity(CampaignView.of(campaign)).build();
    }
}
