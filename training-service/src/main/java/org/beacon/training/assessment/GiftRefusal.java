package org.beacon.training.assessment;

import java.util.Locale;
import java.util.function.Function;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.web.ReaderFormats;

/**
 * Why a line of a GIFT file (or of the question form, which is written as GIFT) is refused, said when it is shown:
 * "line 12: …" in the reader's language, the line and every count in the reader's digits. The parser and the bank
 * find the problem; {@link Words} says it.
 */
public record GiftRefusal(int line, Function<Words, String> reason) {

    /** The reader's messages and digits. */
    public record Words(GiftMessages messages, Locale reader) {

        public String number(Number value) {
            return ReaderFormats.number(value, reader);
        }

        /**
         * The words of the request's interface language (a page's, or an API client's {@code Accept-Language});
         * English outside a request.
         */
        public static Words ofRequest() {
            ArcContainer container = Arc.container();
            Locale reader = container != null && container.requestContext().isActive()
                    ? container.instance(RequestLanguage.class).get().locale()
                    : Locale.forLanguageTag(Languages.DEFAULT);
            return of(reader);
        }

        /** The words of one interface language. */
        public static Words of(Locale reader) {
            String language = reader.getLanguage();
            return new Words(Languages.DEFAULT.equals(language) ? MessageBundles.get(GiftMessages.class)
                    : MessageBundles.get(GiftMessages.class, Localized.Literal.of(language)), reader);
        }
    }

    /** "line 12: the question has no text." */
    public String text(Words words) {
        return words.messages().gift_line(words.number(line), reason.apply(words));
    }

    /** "questions/bank.fr.gift line 12: …", for a file of a course package. */
    public String text(String file, Words words) {
        return file + " " + text(words);
    }

    /** The reason alone, for the question form, whose question is the only one. */
    public String reason(Words words) {
        return reason.apply(words);
    }
}
