package org.beacon.commons.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.beacon.commons.text.UntrustedText;

/**
 * What is wrong with a JSON body, in words a client developer can act on: the field as a path
 * ({@code modules[0].title}, or {@code (body)} for the whole body) and the problem ("expected a whole number, got
 * \"seventy\"", "the key 'passMark' appears twice"). Jackson's own messages name Java classes and tokens.
 */
final class JsonProblems {

    static final String BODY = "(body)";
    private static final int SHOWN_VALUE = 40;

    private JsonProblems() {
    }

    static String describe(JsonProcessingException e) {
        return reason(e).english();
    }

    /** The field and the problem as problem+json says it in English: Jackson's own sentence kept where it has one. */
    static Reason reason(JsonProcessingException e) {
        return Reason.of("detail.json-problem", path(e), problem(e));
    }

    /**
     * The field and the problem for a person reading a page: where {@link #reason} keeps Jackson's own English
     * sentence (a syntax error, a value Jackson cannot read), a fixed sentence in the reader's language with the
     * line and column, or the field, instead.
     */
    static Reason readerReason(JsonProcessingException e) {
        Reason problem = problem(e);
        if (!JACKSONS_OWN.contains(problem.key())) {
            return Reason.of("detail.json-problem", path(e), problem);
        }
        boolean placed = e.getLocation() != null && e.getLocation().getLineNr() >= 0;
        boolean syntax = problem.key().startsWith("detail.json-malformed");
        Reason fixed = placed
                ? Reason.of(syntax ? "detail.json-syntax-at" : "detail.json-unreadable-at",
                        e.getLocation().getLineNr(), e.getLocation().getColumnNr())
                : Reason.of(syntax ? "detail.json-syntax" : "detail.json-unreadable");
        return Reason.of("detail.json-problem", path(e), fixed);
    }

    /** The problems whose English text carries Jackson's own sentence. */
    private static final java.util.Set<String> JACKSONS_OWN = java.util.Set.of("detail.json-parser",
            "detail.json-parser-at", "detail.json-malformed", "detail.json-malformed-at");

    static String path(JsonProcessingException e) {
        if (e instanceof JsonMappingException m) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? BODY : path.toString();
        }
        if (e.getProcessor() instanceof JsonParser parser) {
            // A duplicate key is reported in the object that holds it; the message names the key.
            return path(parser.getParsingContext(), !isDuplicate(e));
        }
        return BODY;
    }

    /** The path of a parser's position: where a syntax error or a duplicate key was found. */
    private static String path(JsonStreamContext context, boolean withCurrentName) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null && (withCurrentName || c != context)) {
                path.insert(0, "." + c.getCurrentName());
            }
        }
        String shown = path.toString().replace(".[", "[");
        shown = shown.startsWith(".") ? shown.substring(1) : shown;
        return shown.isEmpty() ? BODY : shown;
    }

    private static boolean isDuplicate(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field '");
    }

    private static Reason problem(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof InvalidFormatException f) {
            if (f.getValue() instanceof String s && UntrustedText.containsNul(s)) {
                return Reason.of("detail.json-nul");
            }
            return Reason.of("detail.json-expected-got", kind(f.getTargetType()), shown(f.getValue()));
        }
        if (e instanceof MismatchedInputException m) {
            if (original.startsWith("Trailing token")) {
                return Reason.of("detail.json-trailing");
            }
            if (original.startsWith("No content to map")) {
                return Reason.of("detail.json-empty");
            }
            if (m.getTargetType() != null) {
                JsonToken token = tokenNamedIn(original);
                return token == null ? Reason.of("detail.json-expected", kind(m.getTargetType()))
                        : Reason.of("detail.json-expected-got", kind(m.getTargetType()), kind(token));
            }
            return Reason.of("detail.json-parser", firstLine(original));
        }
        if (isDuplicate(e)) {
            String key = original.substring("Duplicate field '".length(), original.indexOf('\'', 17));
            return Reason.of("detail.json-duplicate-key", key);
        }
        // Jackson's own sentence names the token: it stays as written, with the place in the reader's digits.
        boolean placed = e.getLocation() != null && e.getLocation().getLineNr() >= 0;
        if (e instanceof JsonMappingException) {
            return placed ? Reason.of("detail.json-parser-at", firstLine(original), e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr()) : Reason.of("detail.json-parser", firstLine(original));
        }
        return placed ? Reason.of("detail.json-malformed-at", e.getLocation().getLineNr(),
                e.getLocation().getColumnNr(), firstLine(original))
                : Reason.of("detail.json-malformed", firstLine(original));
    }

    /**
     * The token Jackson found instead, as its message names it ("from Array value (token
     * `JsonToken.START_ARRAY`)"): the parser has moved on by the time the exception is seen.
     */
    private static JsonToken tokenNamedIn(String message) {
        int at = message.indexOf("(token `JsonToken.");
        if (at < 0) {
            return null;
        }
        int start = at + "(token `JsonToken.".length();
        int end = message.indexOf('`', start);
        try {
            return end < 0 ? null : JsonToken.valueOf(message.substring(start, end));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Reason kind(Class<?> type) {
        if (type == null) {
            return Reason.of("detail.json-kind-other");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return Reason.of("detail.json-kind-whole-number");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return Reason.of("detail.json-kind-number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Reason.of("detail.json-kind-boolean");
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return Reason.of("detail.json-kind-string");
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                values.append(values.isEmpty() ? "" : ", ").append(constant.toString().toLowerCase(Locale.ROOT));
            }
            return Reason.of("detail.json-kind-one-of", values.toString());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return Reason.of("detail.json-kind-list");
        }
        return Reason.of("detail.json-kind-object");
    }

    private static Reason kind(JsonToken token) {
        return Reason.of(switch (token) {
            case START_ARRAY, END_ARRAY -> "detail.json-kind-list";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "detail.json-kind-object";
            case VALUE_STRING -> "detail.json-kind-string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "detail.json-kind-number";
            case VALUE_TRUE, VALUE_FALSE -> "detail.json-kind-boolean";
            case VALUE_NULL -> "detail.json-kind-null";
            default -> "detail.json-kind-other";
        });
    }

    private static String shown(Object value) {
        if (!(value instanceof String s)) {
            // A number as Jackson read it, as written (the client sent it so).
            return String.valueOf(value);
        }
        String cut = s.length() > SHOWN_VALUE ? s.substring(0, SHOWN_VALUE) + "…" : s;
        return "\"" + cut.replace("\0", "\\u0000") + "\"";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
