package org.beacon.training.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.beacon.commons.i18n.Languages;

/** The training messages in the reader's language, for template extensions that compose words in Java. */
public final class ReaderMessages {

    private ReaderMessages() {
    }

    /** The reader's language from a template's {@code locale} attribute; the default language when none is set. */
    public static Locale reader(Object templateLocale) {
        String language = templateLocale instanceof Locale l ? Languages.supported(l.getLanguage())
                : templateLocale == null ? null : Languages.supported(templateLocale.toString());
        return Locale.forLanguageTag(language == null ? Languages.DEFAULT : language);
    }

    public static TrainingMessages of(Locale reader) {
        String language = reader.getLanguage();
        return Languages.DEFAULT.equals(language) ? MessageBundles.get(TrainingMessages.class)
                : MessageBundles.get(TrainingMessages.class, Localized.Literal.of(language));
    }
}
