package org.beacon.campaign.i18n;

import java.util.Locale;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.i18n.RequestLanguage;

/**
 * The CLDR plural category of a count in the page's language ("one", "two", "few", "many", "other", "zero": Arabic
 * has six), for messages whose words depend on it: {@code {survey:problems(n, n.plural)}} says "١٣ إجابة" and
 * "٥ إجابات" in Arabic, "1 answer" and "2 answers" in English. The page's language is the one {@code fmt:number}
 * writes the count in: the locale the page is rendered with, else the request's interface language.
 */
@TemplateExtension
public class Plurals {

    static String plural(Number count, @TemplateAttribute("locale") Object locale) {
        return PluralRules.forLocale(ULocale.forLocale(reader(locale))).select(count.doubleValue());
    }

    private static Locale reader(Object templateLocale) {
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
