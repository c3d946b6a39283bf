package org.beacon.training.cohort;

import java.util.List;

import org.beacon.commons.web.ProblemException;

/**
 * A cohort or session form refused field by field: the API answers each field's English text in the problem's
 * {@code errors}, the pages name each field by its label and say what is wrong in the reader's language.
 */
public class CohortRefusal extends ProblemException {

    /** What is wrong with a field; {@code limit} is the size a too long text may not pass. */
    public enum Reason {
        MISSING, TOO_LONG, NOT_A_DATE, NO_SUCH_COURSE, ENDS_BEFORE_START
    }

    public record Field(String field, Reason reason, int limit, String english) {
    }

    private final List<Field> fields;

    CohortRefusal(org.beacon.commons.web.Reason detail, List<Field> fields) {
        super(400, "Invalid input", detail, fields.stream().map(f -> f.field() + ": " + f.english()).toList());
        this.fields = List.copyOf(fields);
    }

    public List<Field> fields() {
        return fields;
    }
}
