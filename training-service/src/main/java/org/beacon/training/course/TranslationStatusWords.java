package org.beacon.training.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.ReaderFormats;
import org.beacon.training.i18n.ReaderMessages;
import org.beacon.training.i18n.TrainingMessages;

/**
 * A translation's status in the reader's words, {@code {completeness.missingWords}}: "2 lessons and 1 module
 * missing in Portuguese". Counts take the plural form the reader's language gives them (CLDR's rules through ICU:
 * Arabic has six), lists are joined as the language joins them, and the language is named in the reader's language.
 */
@TemplateExtension
public class TranslationStatusWords {

    static String missingWords(Texts.Completeness completeness, @TemplateAttribute("locale") Object locale) {
        Locale reader = reader(locale);
        String items = items(completeness.missingItems(), reader);
        return items.isEmpty() ? "" : messages(reader).status_missing_in(items, languageName(completeness.language(), reader));
    }

    static String outdatedWords(Texts.Completeness completeness, @TemplateAttribute("locale") Object locale) {
        Locale reader = reader(locale);
        String items = items(completeness.outdatedItems(), reader);
        return items.isEmpty() ? "" : messages(reader).status_outdated_in(items, languageName(completeness.language(), reader));
    }

    /** "2 lessons, 1 module and the course title or summary", in the order a translator works through them. */
    static String items(Map<String, Long> byKind, Locale reader) {
        TrainingMessages m = messages(reader);
        PluralRules rules = PluralRules.forLocale(ULocale.forLocale(reader));
        List<String> items = new ArrayList<>();
        for (String kind : List.of(ContentText.LESSON, ContentText.MODULE, ContentText.QUESTION, ContentText.GLOSSARY,
                ContentText.COURSE)) {
            Long count = byKind.get(kind);
            if (count == null || count == 0) {
                continue;
            }
            String plural = rules.select(count);
            String number = ReaderFormats.number(count, reader);
            items.add(switch (kind) {
                case ContentText.LESSON -> m.status_lessons(plural, number);
                case ContentText.MODULE -> m.status_modules(plural, number);
                case ContentText.QUESTION -> m.status_questions(plural, number);
                case ContentText.GLOSSARY -> m.status_glossary_terms(plural, number);
                default -> m.status_course_texts();
            });
        }
        return items.isEmpty() ? "" : ListFormatter.getInstance(ULocale.forLocale(reader)).format(items);
    }

    /** A content language named in the reader's language ("Portuguese", "portugais", "البرتغالية"). */
    static String languageName(String tag, Locale reader) {
        Locale language = Locale.forLanguageTag(tag);
        String name = language.getCountry().isEmpty() ? language.getDisplayLanguage(reader) : language.getDisplayName(reader);
        return name.isBlank() ? tag : name;
    }

    private static Locale reader(Object locale) {
        return ReaderMessages.reader(locale);
    }

    private static TrainingMessages messages(Locale reader) {
        return ReaderMessages.of(reader);
    }
}
