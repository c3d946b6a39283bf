package org.beacon.campaign.campaign;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.campaign.review.ReviewChecklist;
import org.beacon.campaign.review.ReviewStatus;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.security.Roles;
import org.beacon.commons.security.UserSummary;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Campaigns as JSON: the same rules as the pages, because both call {@link CampaignService}. */
@Path("/campaigns/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    public record CampaignView(long id, String slug, String title, String organization, String defaultLanguage,
            ReviewStatus status) {
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
    @Operation(summary = "Campaigns of the user's organization (all organizations for admins)")
    public CampaignList list() {
        return new CampaignList(UserSummary.of(user),
                campaigns.visibleCampaigns().stream().map(CampaignView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "A campaign: the version being worked on, the published one and the version history")
    public CampaignDetail get(@PathParam("id") long id) {
        return campaigns.detail(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Start a campaign in the user's organization, with its title in the default language")
    public Response create(@Valid @NotNull NewCampaign request) {
        Campaign campaign = campaigns.create(request);
        return Response.created(URI.create("/campaigns/api/campaigns/" + campaign.id))
                .entity(CampaignView.of(campaign)).build();
    }

    @PUT
    @Path("/{id}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Set default language, target groups, channels, places and period",
            description = "Changes the draft; when the newest version is published or archived a new draft version"
                    + " is started, so published text is never overwritten. 409 while a version is in review.")
    public CampaignDetail settings(@PathParam("id") long id, @Valid @NotNull CampaignSettings settings) {
        campaigns.updateSettings(id, settings);
        return campaigns.detail(id);
    }

    @PUT
    @Path("/{id}/translations/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Set the title, objectives and key messages in one language (same draft rule as settings)")
    public CampaignDetail translation(@PathParam("id") long id, @PathParam("language") String language,
            @Valid @NotNull TranslationText text) {
        campaigns.putTranslation(id, language, text);
        return campaigns.detail(id);
    }

    @DELETE
    @Path("/{id}/translations/{language}")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Remove a language from the draft")
    public CampaignDetail removeTranslation(@PathParam("id") long id, @PathParam("language") String language) {
        campaigns.removeTranslation(id, language);
        return campaigns.detail(id);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Send the draft for review")
    public CampaignDetail submit(@PathParam("id") long id) {
        campaigns.submit(id);
        return campaigns.detail(id);
    }

    @POST
    @Path("/{id}/send-back")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Return the version in review to draft (withdraw, or ask for changes); voids an approval")
    public CampaignDetail sendBack(@PathParam("id") long id) {
        campaigns.sendBack(id);
        return campaigns.detail(id);
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Approve the version in review with the full checklist",
            description = "403 for its author or last editor; 400 naming every unticked checklist item.")
    public CampaignDetail approve(@PathParam("id") long id, @NotNull ReviewChecklist checklist) {
        campaigns.approve(id, checklist);
        return campaigns.detail(id);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Publish the approved version",
            description = "409 listing every place × language without an active help resource; the published"
                    + " version it replaces is archived.")
    public CampaignDetail publish(@PathParam("id") long id) {
        campaigns.publish(id);
        return campaigns.detail(id);
    }

    @POST
    @Path("/{id}/unpublish")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Take the published version off the public page (it is archived)")
    public CampaignDetail unpublish(@PathParam("id") long id) {
        campaigns.unpublish(id);
        return campaigns.detail(id);
    }
}
