package org.beacon.campaign.survey;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.commons.text.UntrustedText;

/** The fields of a survey page as the respondent's browser posted them, by name, each with its values in order. */
final class PostedFields {

    private PostedFields() {
    }

    /**
     * The fields of the form as sent. Decoded here rather than by JAX-RS, because one NUL in an answer (which
     * PostgreSQL cannot store) must not turn the whole answer into an error page: such a value comes back as null,
     * and the question it answers is marked on the form, in the respondent's language, with the other answers kept.
     * A body that is not percent-encoded correctly never gets here: the form reader refuses it first, with a 400
     * page in the reader's language (MalformedInput).
     */
    static Map<String, List<String>> read(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name == null || name.isEmpty() || UntrustedText.containsNul(name)) {
                continue;
            }
            String value = decode(equals < 0 ? "" : pair.substring(equals + 1));
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(UntrustedText.containsNul(value) ? null : value);
        }
        return fields;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The first value sent under a name, or null. */
    static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
