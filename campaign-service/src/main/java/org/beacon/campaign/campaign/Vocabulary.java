package org.beacon.campaign.campaign;

import java.util.List;

import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * The audiences and channels offered on the campaign form (PRODUCT.md §4). Others can be typed in: campaigns reach
 * groups the list does not foresee, so the API accepts any lower-case token.
 */
public final class Vocabulary {

    public static final String TOKEN = "[a-z0-9]+(-[a-z0-9]+)*";

    public static final List<String> TARGET_GROUPS = List.of("young-people", "parents", "potential-migrants",
            "returnees", "domestic-workers", "employers", "diaspora");
    public static final List<String> CHANNELS = List.of("radio", "tv", "social-media", "posters", "theatre",
            "school-talks", "public-transport", "community-meetings");

    /** The kinds of campaign material. */
    public static final List<String> MATERIAL_KINDS = List.of("poster", "leaflet", "radio-script", "video",
            "social-media-post", "sms");

    private Vocabulary() {
    }

    /** Language tags arrive in paths too, where bean validation does not look. */
    public static void requireLanguageTag(String language) {
        if (!Languages.isTag(language)) {
            throw ProblemException.badRequest(Reason.of("form.not-a-language-tag", language));
        }
    }
}
