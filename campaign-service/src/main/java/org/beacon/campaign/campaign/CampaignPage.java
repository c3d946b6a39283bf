package org.beacon.campaign.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.campaign.i18n.ListedRefusal;
import org.beacon.campaign.campaign.CampaignMaterials.MaterialRow;
import org.beacon.campaign.review.ReviewChecklist;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.Forms;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.jboss.resteasy.reactive.RestForm;

/** One campaign for its managers: settings, texts per language, materials, review and publishing. */
@Path("/campaigns/manage/{id:\\d+}")
@RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
public class CampaignPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance campaign(CampaignDetail campaign, List<MaterialRow> materials,
                List<String> targetGroups, List<String> channels, List<String> materialKinds, List<String> errors);

        static native TemplateInstance translation(CampaignDetail campaign, String language,
                CampaignDetail.TranslationView text, List<String> errors);
    }

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignMaterials materials;

    @Inject
    RequestLanguage language;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance campaign(@PathParam("id") long id) {
        return page(id, List.of());
    }

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response settings(@PathParam("id") long id, @RestForm String defaultLanguage,
            @RestForm List<String> targetGroups, @RestForm String otherTargetGroups, @RestForm List<String> channels,
            @RestForm String otherChannels, @RestForm String places, @RestForm String periodStart,
            @RestForm String periodEnd) {
        return ListedRefusal.submit(() -> {
            CampaignSettings settings = new CampaignSettings(defaultLanguage,
                    merge(targetGroups, otherTargetGroups), merge(channels, otherChannels), parsePlaces(places),
                    date(periodStart), date(periodEnd));
            campaigns.updateSettings(id, settings);
            return home(id);
        }, errors -> page(id, errors));
    }

    @GET
    @Path("/translations")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance translation(@PathParam("id") long id, @QueryParam("language") String contentLanguage) {
        return translationPage(id, contentLanguage, null, List.of());
    }

    @POST
    @Path("/translations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response saveTranslation(@PathParam("id") long id, @RestForm("language") String contentLanguage,
            @RestForm String title, @RestForm String objectives, @RestForm String keyMessages) {
        TranslationText text = new TranslationText(title, objectives, Forms.lines(keyMessages));
        return ListedRefusal.submit(() -> {
            campaigns.putTranslation(id, contentLanguage, text);
            return home(id);
        }, errors -> translationPage(id, contentLanguage,
                new CampaignDetail.TranslationView(contentLanguage, title, objectives, text.keyMessages()), errors));
    }

    @POST
    @Path("/translations/{language}/remove")
    @Produces(MediaType.TEXT_HTML)
    public Response removeTranslation(@PathParam("id") long id, @PathParam("language") String contentLanguage) {
        return ListedRefusal.submit(() -> {
            campaigns.removeTranslation(id, contentLanguage);
            return home(id);
        }, errors -> page(id, errors));
    }

    @POST
    @Path("/materials")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response addMaterial(@PathParam("id") long id, @RestForm String slug, @RestForm String kind) {
        return ListedRefusal.submit(() -> "/campaigns/manage/materials/" + id + "/" + materials.add(id, slug, kind),
                errors -> page(id, errors));
    }

    /** The workflow steps that need no form: send for review, send back, publish, unpublish. A refusal shows the page. */
    @POST
    @Path("/{step: submit|send-back|publish|unpublish}")
    @Produces(MediaType.TEXT_HTML)
    public Response step(@PathParam("id") long id, @PathParam("step") String step) {
        return ListedRefusal.submit(() -> {
            switch (step) {
                case "submit" -> campaigns.submit(id);
                case "send-back" -> campaigns.sendBack(id);
                case "publish" -> campaigns.publish(id);
                default -> campaigns.unpublish(id);
            }
            return home(id);
        }, errors -> page(id, errors));
    }

    @POST
    @Path("/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response approve(@PathParam("id") long id, @RestForm boolean safeAlternatives,
            @RestForm boolean thbSomDistinction, @RestForm boolean sensitivity, @RestForm boolean noIdentifyingImage) {
        return ListedRefusal.submit(() -> {
            campaigns.approve(id, new ReviewChecklist(safeAlternatives, thbSomDistinction, sensitivity,
                    noIdentifyingImage));
            return home(id);
        }, errors -> page(id, errors));
    }

    private TemplateInstance page(long id, List<String> errors) {
        return Templates.campaign(campaigns.detail(id), materials.of(id), Vocabulary.TARGET_GROUPS,
                Vocabulary.CHANNELS, Vocabulary.MATERIAL_KINDS, errors)
                .setLocale(language.locale());
    }

    private TemplateInstance translationPage(long id, String contentLanguage, CampaignDetail.TranslationView typed,
            List<String> errors) {
        Vocabulary.requireLanguageTag(contentLanguage);
        CampaignDetail detail = campaigns.detail(id);
        CampaignDetail.TranslationView text = typed != null ? typed : detail.current().translation(contentLanguage);
        return Templates.translation(detail, contentLanguage, text, errors).setLocale(language.locale());
    }

    private static String home(long id) {
        return "/campaigns/manage/" + id;
    }

    /** Ticked boxes plus whatever was typed under "other", without repeats. */
    private static List<String> merge(List<String> ticked, String other) {
        List<String> all = new ArrayList<>(ticked == null ? List.of() : ticked);
        Forms.commaSeparated(other).stream().filter(item -> !all.contains(item)).forEach(all::add);
        return all;
    }

    /** One place a line: {@code SN} or {@code SN/Dakar}. */
    private static List<CampaignSettings.PlaceInput> parsePlaces(String text) {
        return Forms.lines(text).stream().map(Place::parse)
                .map(p -> new CampaignSettings.PlaceInput(p.country(), p.region()))
                .toList();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(Reason.of("form.not-a-date", text));
        }
    }
}
