package org.beacon.training.period;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A page's period filter as the reader typed it. A page shows a refused date next to the filter, with what was
 * typed kept, rather than a bare 400 page: the reader fixes one field, not the whole visit. The JSON API and the CSV
 * downloads keep {@link ReportPeriod#of}, which answers a problem naming the parameter.
 */
public record PeriodFilter(String from, String to, ReportPeriod period, List<Refused> refused) {

    /** What is wrong with a filter field ({@code from} or {@code to}). */
    public enum Problem {
        NOT_A_DATE, ENDS_BEFORE_START
    }

    public record Refused(String field, Problem problem) {
    }

    /** Reads the filter; when a field is refused, the period is open at both ends so the page still shows. */
    public static PeriodFilter read(String from, String to) {
        String typedFrom = from == null ? "" : from.strip();
        String typedTo = to == null ? "" : to.strip();
        List<Refused> refused = new ArrayList<>();
        LocalDate first = day("from", typedFrom, refused);
        LocalDate last = day("to", typedTo, refused);
        if (first != null && last != null && last.isBefore(first)) {
            refused.add(new Refused("to", Problem.ENDS_BEFORE_START));
        }
        ReportPeriod period = refused.isEmpty() ? new ReportPeriod(first, last) : ReportPeriod.ALWAYS;
        return new PeriodFilter(typedFrom, typedTo, period, List.copyOf(refused));
    }

    public boolean isRefused() {
        return !refused.isEmpty();
    }

    private static LocalDate day(String field, String typed, List<Refused> refused) {
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            refused.add(new Refused(field, Problem.NOT_A_DATE));
            return null;
        }
    }
}
