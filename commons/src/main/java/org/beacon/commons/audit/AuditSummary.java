package org.beacon.commons.audit;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.ReaderFormats;

/**
 * What an audit entry says, as a message key and its arguments rather than a sentence, so that an admin reads it
 * in their own language (issue 14). Each service keeps its texts in {@code i18n/audit*.properties} (en, fr, es, pt,
 * ar); {@code {0}}, {@code {1}}, … take the arguments:
 * <ul>
 * <li>a {@link Number}: in the reader's digits and separators;</li>
 * <li>a {@link LocalDate}: in the reader's date format;</li>
 * <li>a {@link Language} (a content language tag): its name in the reader's language ("français");</li>
 * <li>a nested {@code AuditSummary}: a word or phrase of the same bundle (a status, a format, a period), in the same
 * language; a word ({@link #word}, {@code group.code}) the bundle does not know is shown as its code;</li>
 * <li>a {@link Collection}: its items, each rendered as above, joined by commas;</li>
 * <li>anything else (slugs, codes, file names, question names) as written.</li>
 * </ul>
 * The arguments are stored as JSON next to the key ({@link #argumentsJson()}), with their kind, so that a stored
 * entry renders later exactly as it would have when it was written.
 */
public record AuditSummary(String key, List<Object> arguments) {

    /** Where each service keeps its audit texts. */
    public static final String BUNDLE = "i18n.audit";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** First-strong isolate and its end: a slug inside an Arabic sentence keeps its own direction. */
    private static final char ISOLATE = '\u2068';
    private static final char END_ISOLATE = '\u2069';

    /** A content language (a BCP-47 tag) shown by its name in the reader's language. */
    public record Language(String tag) {
    }

    public AuditSummary {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("An audit summary needs a message key");
        }
        arguments = List.copyOf(arguments);
    }

    public static AuditSummary of(String key, Object... arguments) {
        return new AuditSummary(key, List.of(arguments));
    }

    /** A word or phrase of the bundle without arguments, to pass as an argument: a status, a format, an outcome. */
    public static AuditSummary word(String key) {
        return new AuditSummary(key, List.of());
    }

    public static Language language(String tag) {
        return new Language(tag);
    }

    /** The content languages named by their tags. */
    public static List<Language> languages(Collection<String> tags) {
        return tags.stream().map(Language::new).toList();
    }

    /** The text in English: what the service also stores as the entry's plain text. */
    public String english() {
        return text(Languages.DEFAULT);
    }

    /** The text in an interface language (English for a language Beacon has no texts in). */
    public String text(String language) {
        String lang = Languages.supported(language) == null ? Languages.DEFAULT : Languages.supported(language);
        Locale locale = Locale.forLanguageTag(lang);
        String pattern = pattern(key, lang);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(index < arguments.size() ? format(arguments.get(index), lang, locale) : "");
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * What a stored entry says in {@code language}: its key and arguments rendered; an entry written before keys
     * were stored ({@code key} null), or whose key this release no longer knows, as its stored text.
     */
    public static String shown(String key, String argumentsJson, String storedText, String language) {
        if (key == null || !known(key)) {
            return storedText;
        }
        try {
            return read(key, argumentsJson).text(language);
        } catch (IllegalArgumentException | UncheckedIOException unreadable) {
            return storedText;
        }
    }

    /** Whether the service's bundle has an English text for the key, the base every language falls back to. */
    public static boolean known(String key) {
        return find(key, Languages.DEFAULT) != null;
    }

    /** The arguments as stored: JSON, each with its kind. */
    public String argumentsJson() {
        try {
            return JSON.writeValueAsString(encode(arguments));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit arguments cannot be written as JSON", e);
        }
    }

    /** A summary as stored: its key and {@link #argumentsJson()} (null or empty for none). */
    public static AuditSummary read(String key, String argumentsJson) {
        if (argumentsJson == null || argumentsJson.isBlank()) {
            return new AuditSummary(key, List.of());
        }
        try {
            JsonNode node = JSON.readTree(argumentsJson);
            if (!node.isArray()) {
                throw new IllegalArgumentException("Audit arguments are not a JSON array");
            }
            return new AuditSummary(key, decodeAll(node));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit arguments are not JSON", e);
        }
    }

    private static ArrayNode encode(Collection<?> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(value -> array.add(encode(value)));
        return array;
    }

    private static JsonNode encode(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof AuditSummary nested) {
            ObjectNode object = nodes.objectNode();
            object.put("key", nested.key());
            object.set("arguments", encode(nested.arguments()));
            return object;
        }
        if (value instanceof Language language) {
            return nodes.objectNode().put("language", language.tag());
        }
        if (value instanceof LocalDate day) {
            return nodes.objectNode().put("date", day.toString());
        }
        if (value instanceof Collection<?> items) {
            return encode(items);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return nodes.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return nodes.numberNode(new BigDecimal(number.toString()));
        }
        return nodes.textNode(String.valueOf(value));
    }

    private static List<Object> decodeAll(JsonNode array) {
        List<Object> values = new ArrayList<>();
        array.forEach(node -> values.add(decode(node)));
        return values;
    }

    private static Object decode(JsonNode node) {
        if (node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            return decodeAll(node);
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isObject()) {
            if (node.hasNonNull("key")) {
                JsonNode nested = node.path("arguments");
                return new AuditSummary(node.get("key").asText(), nested.isArray() ? decodeAll(nested) : List.of());
            }
            if (node.hasNonNull("language")) {
                return new Language(node.get("language").asText());
            }
            if (node.hasNonNull("date")) {
                try {
                    return LocalDate.parse(node.get("date").asText());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("An audit argument's date is unreadable", e);
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            throw new IllegalArgumentException("An audit argument of an unknown kind: "
                    + (fields.hasNext() ? fields.next().getKey() : "{}"));
        }
        return node.asText();
    }

    private static String format(Object argument, String language, Locale locale) {
        if (argument instanceof AuditSummary nested) {
            if (nested.arguments().isEmpty() && !known(nested.key())) {
                // A word of a vocabulary that grew after this release ("kind.hotline"): its code, as the APIs write it.
                return nested.key().substring(nested.key().indexOf('.') + 1);
            }
            return nested.text(language);
        }
        if (argument instanceof Language content) {
            return languageName(content.tag(), locale, language);
        }
        if (argument instanceof Number number) {
            return ReaderFormats.number(number, locale);
        }
        if (argument instanceof LocalDate day) {
            return ReaderFormats.date(day, locale);
        }
        if (argument instanceof Collection<?> items) {
            return items.stream().map(item -> format(item, language, locale))
                    .collect(Collectors.joining(Languages.isRightToLeft(language) ? "، " : ", "));
        }
        String text = String.valueOf(argument);
        return Languages.isRightToLeft(language) && !text.isEmpty() ? ISOLATE + text + END_ISOLATE : text;
    }

    /** A content language's name in the reader's language; a tag the JDK cannot name stays as written. */
    private static String languageName(String tag, Locale reader, String language) {
        if (!Languages.isTag(tag)) {
            return String.valueOf(tag);
        }
        Locale content = Locale.forLanguageTag(tag);
        String name = content.getDisplayName(reader);
        if (name.isBlank() || name.equalsIgnoreCase(tag)) {
            return Languages.isRightToLeft(language) ? ISOLATE + tag + END_ISOLATE : tag;
        }
        return name;
    }

    private static String pattern(String key, String language) {
        String text = find(key, language);
        if (text == null) {
            throw new IllegalArgumentException("No audit text for the key '" + key + "' in " + BUNDLE);
        }
        return text;
    }

    private static String find(String key, String language) {
        try {
            ResourceBundle bundle = bundle(language);
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException noBundle) {
            return null;
        }
    }

    private static ResourceBundle bundle(String language) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
                loader == null ? AuditSummary.class.getClassLoader() : loader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
