package org.beacon.commons.web;

import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.i18n.RequestLanguage;

/**
 * Numbers, percentages, dates and times as the reader writes them ({@code 30,0 %} in French, Arabic as Java's
 * locale data give it for {@code ar}), in every template: {@code {fmt:percent(value, 1)}},
 * {@code {fmt:date(day)}}, {@code {fmt:dateTime(moment)}}. The reader's language is the page's: the locale the
 * template was rendered with, else the request's interface language, else English. Exports (CSV, JSON) keep their fixed
 * machine formats and do not come here. The formatting itself is {@link ReaderFormats}, for Java code that
 * builds text for a page.
 */
@TemplateExtension(namespace = "fmt")
public class Formats {

    /** A whole or decimal number with the reader's digits and separators. */
    static String number(Number value, @TemplateAttribute("locale") Object locale) {
        return ReaderFormats.number(value, readerLocale(locale));
    }

    /** A number with exactly {@code decimals} fraction digits. */
    static String decimal(Number value, int decimals, @TemplateAttribute("locale") Object locale) {
        return ReaderFormats.decimal(value, decimals, readerLocale(locale));
    }

    /** A percentage given in percent (30 for 30 %) with {@code decimals} fraction digits: {@code 30,0 %} in French. */
    static String percent(Number percentage, int decimals, @TemplateAttribute("locale") Object locale) {
        return ReaderFormats.percent(percentage, decimals, readerLocale(locale));
    }

    /** A day: {@code 2 nov. 2026} in French. */
    static String date(TemporalAccessor day, @TemplateAttribute("locale") Object locale) {
        return ReaderFormats.date(day, readerLocale(locale));
    }

    /** A moment, to the minute, in UTC (the services' clock): {@code 2 nov. 2026, 14:05 UTC} in French. */
    static String dateTime(TemporalAccessor moment, @TemplateAttribute("locale") Object locale) {
        return ReaderFormats.dateTime(moment, readerLocale(locale));
    }

    /**
     * The page's language: the locale the page was rendered with (its messages' language: a public survey opened
     * with {@code ?lang=ar} writes Arabic digits whatever the browser's language), else the request's interface
     * language, else English.
     */
    static Locale readerLocale(Object templateLocale) {
        String language = templateLocale instanceof Locale l ? Languages.supported(l.toLanguageTag())
                : templateLocale == null ? null : Languages.supported(templateLocale.toString());
        if (language != null) {
            return Locale.forLanguageTag(language);
        }
        ArcContainer container = Arc.container();
        if (container != null && container.requestContext().isActive()) {
            return container.instance(RequestLanguage.class).get().locale();
        }
        return Locale.forLanguageTag(Languages.DEFAULT);
    }
}
