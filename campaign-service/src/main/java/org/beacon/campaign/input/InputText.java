package org.beacon.campaign.input;

import java.util.regex.Pattern;

import org.beacon.commons.web.ProblemException;

/**
 * What campaign-service refuses or removes in text it is given, in one place. PostgreSQL cannot store U+0000, so a
 * NUL is refused where the text comes in, naming the field, rather than failing as a 500 when it is written; and
 * characters that reorder or hide text (bidi overrides and isolates, zero-width characters) are removed from what
 * is shown to other people, so a title or a file name reads as what it is.
 * <p>
 * When {@code org.beacon.commons.text.UntrustedText} lands in commons, both methods delegate to it (and this class
 * goes away); the callers stay as they are.
 */
public final class InputText {

    /** U+202A-202E (embeddings, overrides), U+2066-2069 (isolates), U+200B-200D, U+2060, U+FEFF (zero width). */
    private static final Pattern SPOOFING = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200B-\\u200D\\u2060\\uFEFF]");

    private InputText() {
    }

    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** The text unchanged; 400 naming {@code field} when it holds a NUL character. */
    public static String requireStorable(String field, String text) {
        if (hasNul(text)) {
            throw ProblemException.invalid("The text could not be stored.", java.util.List.of(field
                    + ": contains a NUL character (U+0000), which cannot be stored; remove it and send again"));
        }
        return text;
    }

    /** The text without the characters that could make it read as something else; null stays null. */
    public static String shown(String text) {
        return text == null ? null : SPOOFING.matcher(text).replaceAll("");
    }
}
