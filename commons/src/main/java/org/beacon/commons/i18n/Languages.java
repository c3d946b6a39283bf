package org.beacon.commons.i18n;

import java.util.List;
import java.util.Locale;

/**
 * The interface languages and how the one for a request is chosen: the user's choice (cookie), else the
 * browser's {@code Accept-Language}, else English (PRODUCT.md §6). Content languages are any BCP-47 tag and are
 * handled by the domain, not here.
 */
public final class Languages {

    /** Cookie set by the gateway's language chooser. */
    public static final String COOKIE = "beacon-lang";
    public static final List<String> SUPPORTED = List.of("en", "fr", "es", "pt", "ar");
    public static final String DEFAULT = "en";

    /**
     * A content language as every service accepts it: a BCP-47 tag of a 2–3 letter primary subtag and subtags of
     * 2–8 letters or digits ({@code fr}, {@code pt-BR}, {@code sr-Latn-RS}). Non-capturing, so it can sit inside a
     * larger pattern, a {@code @Pattern} or a JAX-RS path template.
     */
    public static final String TAG = "[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*";

    private Languages() {
    }

    /** Whether a content language is a tag as {@link #TAG} has it (null is not). */
    public static boolean isTag(String language) {
        return language != null && language.matches(TAG);
    }

    public static String resolve(String cookieValue, String acceptLanguage) {
        String chosen = supported(cookieValue);
        if (chosen != null) {
            return chosen;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String match = supported(range.getRange());
                    if (match != null) {
                        return match;
                    }
                }
            } catch (IllegalArgumentException malformedHeader) {
                // A malformed header is the browser's problem; fall back to the default rather than failing the page.
            }
        }
        return DEFAULT;
    }

    /** The supported UI language for a tag such as {@code fr-CA}, or null. */
    public static String supported(String tag) {
        if (tag == null || tag.isBlank() || tag.equals("*")) {
            return null;
        }
        String primary = Locale.forLanguageTag(tag.trim()).getLanguage();
        return SUPPORTED.contains(primary) ? primary : null;
    }

    /**
     * Whether a language is written right to left, decided by its primary subtag: {@code ar-EG} and {@code fa-AF}
     * are as right-to-left as {@code ar} and {@code fa}. Every page asks here, whatever tag its content carries.
     */
    public static boolean isRightToLeft(String language) {
        String primary = language == null ? "" : Locale.forLanguageTag(language.trim()).getLanguage();
        return "ar".equals(primary) || "fa".equals(primary) || "he".equals(primary) || "ur".equals(primary);
    }

    public static String direction(String language) {
        return isRightToLeft(language) ? "rtl" : "ltr";
    }
}
