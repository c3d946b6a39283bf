package org.beacon.campaign.survey.odk;

import java.util.function.Function;

import org.javarosa.core.services.locale.Localizer;
import org.javarosa.core.util.OrderedMap;

/**
 * A form copy's translations, whose texts are built once per form rather than at every change of language. JavaRosa
 * rebuilds every text of a translation (with the default language's under it) each time a language is set, and
 * each time a text is asked in another language than the current one; a copy reused for respondents in several
 * languages would do so at every session (8 % of the service's CPU under a submission load in French). The texts of
 * a form never change once it is read, so they are built by the form's {@link FormEngine} the first time a language
 * is asked, and shared, read only, by all its copies.
 */
final class KeptTranslations extends Localizer {

    private final Function<String, OrderedMap<String, String>> texts;

    /**
     * @param read the localizer a copy was read back with: the languages, default and fallbacks
     * @param texts the form's texts in a language, built once as JavaRosa builds them and shared by the form's copies
     */
    KeptTranslations(Localizer read, Function<String, OrderedMap<String, String>> texts) {
        super(read.getFallbackLocale(), read.getFallbackForm());
        this.texts = texts;
        for (String language : read.getAvailableLocales()) {
            addAvailableLocale(language);
        }
        setDefaultLocale(read.getDefaultLocale());
        if (read.getLocale() != null) {
            setLocale(read.getLocale());
        }
    }

    /** Never changed by the localizer, which only reads the current language's texts and replaces them whole. */
    @Override
    public OrderedMap<String, String> getLocaleData(String language) {
        return language == null || !hasLocale(language) ? null : texts.apply(language);
    }
}
