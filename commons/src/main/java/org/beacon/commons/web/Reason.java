package org.beacon.commons.web;

import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.i18n.RequestLanguage;

/**
 * Why a request was refused, as a message key and its arguments rather than a sentence: the error page shows it in
 * the reader's language, problem+json in English. The texts are in the service's {@code i18n/refusals*.properties}
 * (en, fr, es, pt, ar), else in commons' {@code errors*.properties} (the {@code detail.*} keys). {@code {0}},
 * {@code {1}}, … take the arguments: a number in the reader's digits and separators, a day or a moment in the
 * reader's format ({@link ReaderFormats}), a nested {@code Reason} (a status word, say) in the same language, a
 * collection as its items joined by commas, anything else as written (names, addresses, identifiers: an
 * identifier that is part of an address is passed as text, so it reads as in the address bar).
 */
public record Reason(String key, List<Object> arguments) {

    /** Where each service keeps its refusal texts. */
    public static final String BUNDLE = "i18n.refusals";
    private static final String COMMONS_BUNDLE = "org.beacon.commons.web.errors";

    public Reason {
        arguments = List.copyOf(arguments);
    }

    public static Reason of(String key, Object... arguments) {
        return new Reason(key, List.of(arguments));
    }

    /** The text in English, the stable wording of problem+json and of the logs. */
    public String english() {
        return text(Languages.DEFAULT);
    }

    /** The text in an interface language (English for a language Beacon has no texts in). */
    public String text(String language) {
        String lang = Languages.supported(language) == null ? Languages.DEFAULT : Languages.supported(language);
        Locale locale = Locale.forLanguageTag(lang);
        String text = pattern(lang);
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int close = c == '{' ? text.indexOf('}', i) : -1;
            if (close > i + 1 && text.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(text.substring(i + 1, close));
                out.append(index < arguments.size() ? format(arguments.get(index), lang, locale) : "");
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The text in the current request's interface language (English outside a request). */
    public String readerText() {
        return text(readerLanguage());
    }

    /** The current request's interface language, else English. */
    static String readerLanguage() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Languages.DEFAULT;
        }
        return container.instance(RequestLanguage.class).get().code();
    }

    /** Whether a text exists for the key in English, the base every language falls back to. */
    public static boolean known(String key) {
        return find(key, Languages.DEFAULT) != null;
    }

    private String pattern(String language) {
        String text = find(key, language);
        if (text == null) {
            throw new IllegalStateException("No refusal text for the key '" + key + "' in " + BUNDLE);
        }
        return text;
    }

    private static String find(String key, String language) {
        for (String base : new String[] { BUNDLE, COMMONS_BUNDLE }) {
            try {
                ResourceBundle bundle = bundle(base, language);
                if (bundle.containsKey(key)) {
                    return bundle.getString(key);
                }
            } catch (MissingResourceException noBundle) {
                // A module without refusal texts of its own (commons' tests) reads only commons' texts.
            }
        }
        return null;
    }

    private static ResourceBundle bundle(String base, String language) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return ResourceBundle.getBundle(base, Locale.forLanguageTag(language),
                loader == null ? Reason.class.getClassLoader() : loader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String format(Object argument, String language, Locale locale) {
        if (argument instanceof Reason nested) {
            return nested.text(language);
        }
        if (argument instanceof Number number) {
            return ReaderFormats.number(number, locale);
        }
        if (argument instanceof LocalDate day) {
            return ReaderFormats.date(day, locale);
        }
        if (argument instanceof TemporalAccessor moment) {
            return ReaderFormats.dateTime(moment, locale);
        }
        if (argument instanceof Collection<?> items) {
            return items.stream().map(item -> format(item, language, locale))
                    .collect(Collectors.joining(Languages.isRightToLeft(language) ? "، " : ", "));
        }
        return String.valueOf(argument);
    }
}
