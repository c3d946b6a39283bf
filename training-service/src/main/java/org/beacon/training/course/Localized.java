package org.beacon.training.course;

import java.util.Map;

/**
 * Texts of one version in the reader's language. A text missing in that language comes from the default
 * language and says so, so that the page can tell the reader (PRODUCT.md §3).
 */
public class Localized {

    /** A text and whether it is a fallback to the default language. */
    public record Text(String value, boolean fallback) {
        @Override
        public String toString() {
            return value;
        }
    }

    private final String language;
    private final String defaultLanguage;
    private final Map<String, String> wanted;
    private final Map<String, String> fallback;

    Localized(String language, String defaultLanguage, Map<String, String> wanted, Map<String, String> fallback) {
        this.language = language;
        this.defaultLanguage = defaultLanguage;
        this.wanted = wanted;
        this.fallback = fallback;
    }

    static String key(String kind, long ownerId, String field) {
        return kind + ':' + ownerId + ':' + field;
    }

    public Text text(String kind, long ownerId, String field) {
        String key = key(kind, ownerId, field);
        String value = wanted.get(key);
        if (value != null) {
            return new Text(value, false);
        }
        value = fallback.get(key);
        return value == null ? new Text("", false) : new Text(value, !language.equals(defaultLanguage));
    }

    /** The language a text is shown in: the one asked for, or the default one when it fell back. */
    public String shownIn(Text text) {
        return text.fallback() ? defaultLanguage : language;
    }

    public String value(String kind, long ownerId, String field) {
        return text(kind, ownerId, field).value();
    }

    public String language() {
        return language;
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }
}
