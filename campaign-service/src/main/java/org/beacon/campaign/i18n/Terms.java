package org.beacon.campaign.i18n;

import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.beacon.commons.i18n.Languages;

/**
 * The campaign vocabulary (target groups, channels, material kinds) in the page's language: {@code term:label(group)}.
 * Forms and the API keep the stable tokens; a token a manager typed in that the list does not know is shown as typed.
 */
@TemplateExtension(namespace = "term")
public class Terms {

    static String label(String token, @TemplateAttribute("locale") Object locale) {
        CampaignMessages m = messages(locale);
        return switch (token) {
            case "young-people" -> m.term_young_people();
            case "parents" -> m.term_parents();
            case "potential-migrants" -> m.term_potential_migrants();
            case "returnees" -> m.term_returnees();
            case "domestic-workers" -> m.term_domestic_workers();
            case "employers" -> m.term_employers();
            case "diaspora" -> m.term_diaspora();
            case "radio" -> m.term_radio();
            case "tv" -> m.term_tv();
            case "social-media" -> m.term_social_media();
            case "posters" -> m.term_posters();
            case "theatre" -> m.term_theatre();
            case "school-talks" -> m.term_school_talks();
            case "public-transport" -> m.term_public_transport();
            case "community-meetings" -> m.term_community_meetings();
            case "poster" -> m.term_poster();
            case "leaflet" -> m.term_leaflet();
            case "radio-script" -> m.term_radio_script();
            case "video" -> m.term_video();
            case "social-media-post" -> m.term_social_media_post();
            case "sms" -> m.term_sms();
            default -> token;
        };
    }

    private static CampaignMessages messages(Object locale) {
        String language = locale instanceof Locale l ? Languages.supported(l.getLanguage())
                : locale == null ? null : Languages.supported(locale.toString());
        return language == null || Languages.DEFAULT.equals(language) ? MessageBundles.get(CampaignMessages.class)
                : MessageBundles.get(CampaignMessages.class, Localized.Literal.of(language));
    }
}
