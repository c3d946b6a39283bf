package org.beacon.campaign.publicpage;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.campaign.campaign.Campaign;
import org.beacon.campaign.campaign.CampaignTranslation;
import org.beacon.campaign.media.Media;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.storage.MediaUploads;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Published campaigns for community members: no login, no JavaScript, small. A campaign page lives at
 * {@code /campaigns/public/{slug}/{language}}; {@code /campaigns/public/{slug}} sends the reader to their language.
 * Pages may sit in shared caches for a short while, so a busy campaign costs the service little.
 */
@Path("/campaigns/public")
@PermitAll
public class PublicCampaignPage {

    @CheckedTemplate
    static class Templates {
        /** @param titles the published titles in the reader's language, where the campaign has it */
        static native TemplateInstance index(List<Campaign> campaigns, Map<Long, String> titles);

        static native TemplateInstance campaign(PublicCampaignView page);

        static native TemplateInstance notInLanguage(String language, List<PublicCampaignView.LanguageLink> languages);
    }

    @Inject
    RequestLanguage language;

    @Inject
    PublicCampaigns campaigns;

    @Inject
    MediaUploads uploads;

    /** Short, so that unpublishing takes effect within minutes even behind a cache. */
    @ConfigProperty(name = "beacon.public.max-age-seconds", defaultValue = "300")
    int maxAgeSeconds;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index() {
        return cached(Templates.index(Campaign.published(), CampaignTranslation.publishedTitlesIn(language.code()))
                .setLocale(language.locale()));
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.TEXT_HTML)
    public Response chooseLanguage(@PathParam("slug") String slug) {
        String target = campaigns.languageFor(slug, language.code());
        return Response.seeOther(URI.create("/campaigns/public/" + slug + "/" + target))
                .header("Vary", "Accept-Language, Cookie")
                .build();
    }

    @GET
    @Path("/{slug}/{language:" + Languages.TAG + "}")
    @Produces(MediaType.TEXT_HTML)
    public Response campaign(@PathParam("slug") String slug, @PathParam("language") String contentLanguage,
            @QueryParam("place") String place) {
        PublicCampaignView page;
        try {
            page = campaigns.page(slug, contentLanguage, place == null ? "" : place);
        } catch (PublicCampaigns.NotInLanguage missing) {
            // The reader followed a link in a language the campaign lacks: a 404 that leads to the ones it has.
            return Response.fromResponse(cached(Templates.notInLanguage(contentLanguage, missing.languages())
                    .setLocale(language.locale()))).status(404).build();
        }
        return cached(Templates.campaign(page).setLocale(Locale.forLanguageTag(page.language())));
    }

    @GET
    @Path("/media/{id:\\d+}")
    public Response media(@PathParam("id") long id) {
        Media media = campaigns.publicMedia(id);
        // Keys are never reused, so a public file never changes: shared caches may keep it ("public"), which the
        // shared download's cache header leaves implicit.
        return Response.fromResponse(uploads.download(media.stored(), media.fileName, true))
                .header("Cache-Control", null)
                .header("Cache-Control", "public, max-age=86400, immutable")
                .build();
    }

    private Response cached(TemplateInstance page) {
        return Response.ok(page.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "public, max-age=" + maxAgeSeconds)
                .build();
    }
}
