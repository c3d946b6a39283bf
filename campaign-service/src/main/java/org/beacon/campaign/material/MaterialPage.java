package org.beacon.campaign.material;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.campaign.i18n.ListedRefusal;
import org.beacon.campaign.campaign.CampaignDetail;
import org.beacon.campaign.campaign.CampaignService;
import org.beacon.campaign.review.ReviewChecklist;
import org.beacon.campaign.campaign.Vocabulary;
import org.beacon.campaign.material.MaterialViews.MaterialView;
import org.beacon.campaign.material.MaterialViews.VariantView;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A material for its campaign's managers: its languages, then one page per language variant. */
@Path("/campaigns/manage/materials")
@RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
public class MaterialPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance material(CampaignDetail campaign, MaterialView material,
                List<String> languages);

        static native TemplateInstance variant(CampaignDetail campaign, MaterialView material, String language,
                VariantView variant, MaterialService.TextPreview preview, MaterialService.PreviewPages previewPages,
                List<String> translationStatuses,
                List<String> errors, String formTitle, String formMarkdown);
    }

    @Inject
    CampaignService campaigns;

    @Inject
    MaterialService materials;

    @Inject
    RequestLanguage language;

    @GET
    @Path("/{id:\\d+}/{slug}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance material(@PathParam("id") long id, @PathParam("slug") String slug) {
        CampaignDetail campaign = campaigns.detail(id);
        MaterialView material = materials.material(id, slug);
        Set<String> languages = new LinkedHashSet<>(campaign.current().languages());
        material.variants().forEach(v -> languages.add(v.language()));
        return Templates.material(campaign, material, List.copyOf(languages)).setLocale(language.locale());
    }

    @GET
    @Path("/{id:\\d+}/{slug}/{language}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance variant(@PathParam("id") long id, @PathParam("slug") String slug,
            @PathParam("language") String contentLanguage) {
        return variantPage(id, slug, contentLanguage, List.of(), null, null);
    }

    @POST
    @Path("/{id:\\d+}/{slug}/{language}/text")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response text(@PathParam("id") long id, @PathParam("slug") String slug,
            @PathParam("language") String contentLanguage, @RestForm String title, @RestForm String markdown,
            @RestForm String translationStatus) {
        return ListedRefusal.submit(() -> {
            materials.reviseText(id, slug, contentLanguage, new VariantText(title, markdown, translationStatus));
            return here(id, slug, contentLanguage);
        }, errors -> variantPage(id, slug, contentLanguage, errors, title, markdown));
    }

    @POST
    @Path("/{id:\\d+}/{slug}/{language}/file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response file(@PathParam("id") long id, @PathParam("slug") String slug,
            @PathParam("language") String contentLanguage, @RestForm("file") FileUpload file) {
        return ListedRefusal.submit(() -> {
            materials.attachFile(id, slug, contentLanguage, file);
            return here(id, slug, contentLanguage);
        }, errors -> variantPage(id, slug, contentLanguage, errors, null, null));
    }

    /** A page of the variant's PDF as an image, for the reviewer to see what will be printed (its organization only). */
    @GET
    @Path("/{id:\\d+}/{slug}/{language}/preview/{page:\\d{1,3}}")
    @Produces("image/png")
    public Response previewPage(@PathParam("id") long id, @PathParam("slug") String slug,
            @PathParam("language") String contentLanguage, @PathParam("page") int page) {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoStore(true);
        return Response.ok(materials.previewPage(id, slug, contentLanguage, page), "image/png").cacheControl(cache)
                .build();
    }

    /** The workflow steps of a variant that need no form: submit, send back, publish, unpublish. */
    @POST
    @Path("/{id:\\d+}/{slug}/{language}/{step: submit|send-back|publish|unpublish}")
    @Produces(MediaType.TEXT_HTML)
    public Response step(@PathParam("id") long id, @PathParam("slug") String slug,
            @PathParam("language") String contentLanguage, @PathParam("step") String step) {
        return ListedRefusal.submit(() -> {
            switch (step) {
                case "submit" -> materials.submit(id, slug, contentLanguage);
                case "send-back" -> materials.sendBack(id, slug, contentLanguage);
                case "publish" -> materials.publish(id, slug, contentLanguage);
                default -> materials.unpublish(id, slug, contentLanguage);
            }
            return here(id, slug, contentLanguage);
        }, errors -> variantPage(id, slug, contentLanguage, errors, null, null));
    }

    @POST
    @Path("/{id:\\d+}/{slug}/{language}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response approve(@PathParam("id") long id, @PathParam("slug") String slug,
            @PathParam("language") String contentLanguage, @RestForm boolean safeAlternatives,
            @RestForm boolean thbSomDistinction, @RestForm boolean sensitivity, @RestForm boolean noIdentifyingImage) {
        return ListedRefusal.submit(() -> {
            materials.approve(id, slug, contentLanguage, new ReviewChecklist(safeAlternatives, thbSomDistinction,
                    sensitivity, noIdentifyingImage));
            return here(id, slug, contentLanguage);
        }, errors -> variantPage(id, slug, contentLanguage, errors, null, null));
    }

    private TemplateInstance variantPage(long id, String slug, String contentLanguage, List<String> errors,
            String typedTitle, String typedMarkdown) {
        Vocabulary.requireLanguageTag(contentLanguage);
        CampaignDetail campaign = campaigns.detail(id);
        MaterialView material = materials.material(id, slug);
        VariantView variant = material.variant(contentLanguage);
        // A refused form shows what was typed, not what is stored, so nothing typed is lost.
        String formTitle = typedTitle != null ? typedTitle : variant != null ? variant.title() : "";
        String formMarkdown = typedMarkdown != null ? typedMarkdown : variant != null ? variant.bodyMarkdown() : "";
        return Templates.variant(campaign, material, contentLanguage, variant,
                materials.textPreview(id, slug, contentLanguage), materials.previewPages(id, slug, contentLanguage),
                TranslationStatus.VALUES,
                errors, formTitle, formMarkdown).setLocale(language.locale());
    }

    private static String here(long id, String slug, String contentLanguage) {
        return "/campaigns/manage/materials/" + id + "/" + slug + "/" + contentLanguage;
    }
}
