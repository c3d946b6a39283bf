package org.beacon.campaign.review.queue;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.beacon.campaign.campaign.Campaign;
import org.beacon.campaign.campaign.CampaignService;
import org.beacon.campaign.material.MaterialService;
import org.beacon.commons.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/campaigns/api/review-queue")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewQueueResource {

    public record ReviewQueue(List<CampaignService.ReviewItem> campaigns, List<MaterialService.ReviewItem> materials) {
    }

    @Inject
    CampaignService campaigns;

    @Inject
    MaterialService materials;

    @GET
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Campaign versions and material variants in review, of the user's organization")
    public ReviewQueue queue() {
        return new ReviewQueue(campaigns.reviewQueue(), materials.reviewQueue());
    }
}
