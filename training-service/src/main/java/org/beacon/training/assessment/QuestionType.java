package org.beacon.training.assessment;

import java.util.Locale;

/** The question types of PRODUCT.md §3, stored by their lower-case code. */
public enum QuestionType {
    SINGLE("single"), MULTIPLE("multiple"), TRUEFALSE("truefalse"), SHORT("short");

    public final String code;

    QuestionType(String code) {
        this.code = code;
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
