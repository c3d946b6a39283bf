package org.beacon.campaign.survey;

import java.util.List;

import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/** A form or answer file with problems: nothing from it was stored, and every problem is listed by place. */
public class FormRejected extends ProblemException {

    private final List<FormError> problems;

    public FormRejected(Reason reason, List<FormError> problems) {
        super(400, "Invalid input", reason, problems.stream().map(FormError::toString).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FormError> problems() {
        return problems;
    }
}
