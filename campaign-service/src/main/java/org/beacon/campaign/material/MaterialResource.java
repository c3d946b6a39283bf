package org.beacon.campaign.material;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.campaign.review.ReviewChecklist;
import org.beacon.campaign.material.MaterialViews.MaterialView;
import org.beacon.campaign.material.MaterialViews.VariantView;
import org.beacon.commons.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A campaign's materials and their language variants as JSON, under the same rules as the pages. */
@Path("/campaigns/api/campaigns/{id}/materials")
@Produces(MediaType.APPLICATION_JSON)
public class MaterialResource {

    @Inject
    MaterialService materials;

    @GET
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "Materials with, per language, the variant being worked on and the published number")
    public List<MaterialView> list(@PathParam("id") long campaignId) {
        return materials.materials(campaignId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Add a material (poster, leaflet, radio-script, video, social-media-post, sms)")
    public Response add(@PathParam("id") long campaignId, @Valid @NotNull NewMaterial request) {
        MaterialView view = materials.add(campaignId, request);
        return Response.created(URI.create("/campaigns/api/campaigns/" + campaignId + "/materials/" + view.slug()))
                .entity(view).build();
    }

    @GET
    @Path("/{slug}")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN })
    public MaterialView get(@PathParam("id") long campaignId, @PathParam("slug") String slug) {
        return materials.material(campaignId, slug);
    }

    @PUT
    @Path("/{slug}/variants/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Set the title and Markdown text of a language variant",
            description = "Writes into the draft of that language; when the newest variant is published a new draft"
                    + " variant is started. Raw HTML, scripts and images in the Markdown are removed.")
    public VariantView text(@PathParam("id") long campaignId, @PathParam("slug") String slug,
            @PathParam("language") String language, @Valid @NotNull VariantText text) {
        return materials.reviseText(campaignId, slug, language, text);
    }

    @POST
    @Path("/{slug}/variants/{language}/file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Attach a file (form field 'file': PDF, PNG, JPEG, GIF, WebP, MP3, Ogg, MP4, WebM)",
            description = "400 when the type is not accepted or the bytes do not match it, 413 when too large.")
    public VariantView file(@PathParam("id") long campaignId, @PathParam("slug") String slug,
            @PathParam("language") String language, @RestForm("file") FileUpload file) {
        return materials.attachFile(campaignId, slug, language, file);
    }

    @POST
    @Path("/{slug}/variants/{language}/submit")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public VariantView submit(@PathParam("id") long campaignId, @PathParam("slug") String slug,
            @PathParam("language") String language) {
        return materials.submit(campaignId, slug, language);
    }

    @POST
    @Path("/{slug}/variants/{language}/send-back")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public VariantView sendBack(@PathParam("id") long campaignId, @PathParam("slug") String slug,
            @PathParam("language") String language) {
        return materials.sendBack(campaignId, slug, language);
    }

    @POST
    @Path("/{slug}/variants/{language}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    @Operation(summary = "Approve the variant in review with the full checklist (not by its author)")
    public VariantView approve(@PathParam("id") long campaignId, @PathParam("slug") String slug,
            @PathParam("language") String language, @NotNull ReviewChecklist checklist) {
        return materials.approve(campaignId, slug, language, checklist);
    }

    @POST
    @Path("/{slug}/variants/{language}/publish")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public VariantView publish(@PathParam("id") long campaignId, @PathParam("slug") String slug,
            @PathParam("language") String language) {
        return materials.publish(campaignId, slug, language);
    }

    @POST
    @Path("/{slug}/variants/{language}/unpublish")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public VariantView unpublish(@PathParam("id") long campaignId, @PathParam("slug") String slug,
            @PathParam("language") String language) {
        return materials.unpublish(campaignId, slug, language);
    }
}
