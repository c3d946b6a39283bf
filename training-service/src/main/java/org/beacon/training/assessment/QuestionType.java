package org.beacon.training.assessment;

import java.util.Locale;

/**
 * The question types of PRODUCT.md §3 and of Moodle's GIFT format, stored by their lower-case code. A description
 * is text between questions (GIFT's item without an answer block): it is shown, never answered or scored.
 */
public enum QuestionType {
    SINGLE("single"), MULTIPLE("multiple"), TRUEFALSE("truefalse"), SHORT("short"), NUMERICAL("numerical"),
    MATCHING("matching"), DESCRIPTION("description");

    public final String code;

    QuestionType(String code) {
        this.code = code;
    }

    /** Whether a trainee answers it and it counts in the score. */
    public boolean scored() {
        return this != DESCRIPTION;
    }

    public static QuestionType of(String code) {
        for (QuestionType type : values()) {
            if (type.code.equals(code.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown question type " + code);
    }
}
