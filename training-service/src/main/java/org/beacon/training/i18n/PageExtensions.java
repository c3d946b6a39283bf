package org.beacon.training.i18n;

import java.util.Collection;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import org.beacon.commons.i18n.Languages;

/** Small formatting the training pages need; Qute templates have no arithmetic. */
@TemplateExtension
public class PageExtensions {

    static String joined(Collection<?> items, String separator) {
        return String.join(separator, items.stream().map(String::valueOf).toList());
    }

    /** A credit between 0 and 1 as a whole percentage. */
    static long percent(double credit) {
        return Math.round(credit * 100);
    }

    /** The writing direction of a content language ({@code rtl} for Arabic…), for {@code dir} beside {@code lang}. */
    static String direction(String language) {
        return Languages.direction(language);
    }

    /** A content language named in itself ("Français", "العربية"), as a reader looks for it in a list. */
    static String ownName(String language) {
        Locale locale = Locale.forLanguageTag(language);
        String name = locale.getDisplayName(locale);
        return name.isEmpty() ? language : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** A file size in KB, never shown as 0. */
    static long kilobytes(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }
}
