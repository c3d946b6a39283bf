package org.beacon.campaign.survey.odk;

import java.util.List;
import java.util.stream.Collectors;

/** An XLSForm that cannot be converted, with every problem found rather than only the first, so one fix round suffices. */
public final class XlsFormRefused extends RuntimeException {

    private final transient List<FormProblem> problems;

    public XlsFormRefused(List<FormProblem> problems) {
        super(problems.stream().map(FormProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FormProblem> problems() {
        return problems;
    }
}
