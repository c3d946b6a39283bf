package org.beacon.commons.web;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/**
 * The CLDR plural category of a count in the page's language ("zero", "one", "two", "few", "many", "other": Arabic
 * has six, English two), for messages whose words depend on it: {@code {msg:questions_count(n.plural, fmt:number(n))}}
 * says "١٣ إجابة" and "٥ إجابات" in Arabic, "1 answer" and "2 answers" in English. The page's language is the one
 * {@code fmt:number} writes the count in ({@link Formats}).
 */
@TemplateExtension
public class PluralCategories {

    static String plural(Number count, @TemplateAttribute("locale") Object locale) {
        return PluralRules.forLocale(ULocale.forLocale(Formats.readerLocale(locale))).select(count.doubleValue());
    }
}
