package org.beacon.commons.text;

import java.util.regex.Pattern;

/**
 * Source references such as "(002 L185)" or "(000 L3145, 003 L523)" point authors and reviewers to the line of a
 * source document a sentence rests on. They mean nothing to trainees and the public, so every text rendered for
 * them goes through {@link #hidden}; authoring and review pages show the text as written.
 */
public final class SourceReferences {

    /** One reference: a three-digit document and a line, or a range of lines ("000 L6474-6480"). */
    private static final String ONE = "\\d{3}\\s?L\\d+(?:\\s?[-–]\\s?L?\\d+)?";

    /** A parenthesised list of references with the spaces before it, so that no gap is left before the stop. */
    private static final Pattern REFERENCES = Pattern.compile(
            "[ \\t\\u00A0]*\\(\\s*" + ONE + "(?:\\s*[,;،]\\s*" + ONE + ")*\\s*\\)");

    private SourceReferences() {
    }

    /** The text without its source references; anything else in brackets ("(2016)", "(Art. 3)") stays. */
    public static String hidden(String text) {
        if (text == null || text.indexOf('(') < 0) {
            return text;
        }
        return REFERENCES.matcher(text).replaceAll("");
    }
}
