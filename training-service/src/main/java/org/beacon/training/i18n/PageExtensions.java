package org.beacon.training.i18n;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.ReaderFormats;

/** Small formatting the training pages need; Qute templates have no arithmetic. */
@TemplateExtension
public class PageExtensions {

    private static final Pattern MACHINE_NUMBER = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?");

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

    /**
     * The numbers of a text written for machines (a numerical answer key, "16.5 ± 0.5", as the API gives it) in the
     * reader's notation with every decimal they have: "١٦٫٥ ± ٠٫٥" in Arabic, "16,5 ± 0,5" in French.
     */
    static String readerNumbers(String machine, @TemplateAttribute("locale") Object locale) {
        Locale reader = ReaderMessages.reader(locale);
        return MACHINE_NUMBER.matcher(machine).replaceAll(m -> {
            BigDecimal value = new BigDecimal(m.group());
            return Matcher.quoteReplacement(ReaderFormats.decimal(value, Math.max(0, value.scale()), reader));
        });
    }

    /** A file size in KB, never shown as 0. */
    static long kilobytes(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }
}
