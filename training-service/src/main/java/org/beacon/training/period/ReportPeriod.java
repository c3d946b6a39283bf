package org.beacon.training.period;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.persistence.Query;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * The days a report or an export covers, both ends included; either end may be open. Read from the {@code from}
 * and {@code to} query parameters as YYYY-MM-DD (what a date field sends); anything else is a 400 naming the
 * parameter.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final ReportPeriod ALWAYS = new ReportPeriod(null, null);

    public ReportPeriod {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest(Reason.of("report.period-backwards"));
        }
    }

    public static ReportPeriod of(String from, String to) {
        return new ReportPeriod(day("from", from), day("to", to));
    }

    /**
     * A condition that the moment or day in {@code column} falls within the period, for native SQL whose
     * parameters {@code ?fromParameter} and {@code ?toParameter} are bound with {@link #from()} and {@link #to()}.
     */
    public static String within(String column, int fromParameter, int toParameter) {
        return "(cast(?" + fromParameter + " as date) is null or " + column + " >= cast(?" + fromParameter + " as date))"
                + " and (cast(?" + toParameter + " as date) is null or " + column + " < cast(?" + toParameter
                + " as date) + 1)";
    }

    /** Binds the period's ends to the parameters {@link #within} names; an open end is bound as null. */
    public Query bind(Query query, int fromParameter, int toParameter) {
        // As text, cast to a date in SQL: a null the database can type.
        return query.setParameter(fromParameter, from == null ? null : from.toString())
                .setParameter(toParameter, to == null ? null : to.toString());
    }

    /** The query string that asks for this period again ("from=…&to=…"), empty when it is open at both ends. */
    public String query() {
        StringBuilder query = new StringBuilder();
        if (from != null) {
            query.append("from=").append(from);
        }
        if (to != null) {
            query.append(query.isEmpty() ? "" : "&").append("to=").append(to);
        }
        return query.toString();
    }

    /** The period as the audit log says it, in the reader's language: all time, from, until, or both days. */
    public AuditSummary audited() {
        if (from == null && to == null) {
            return AuditSummary.word("period.always");
        }
        if (to == null) {
            return AuditSummary.of("period.from", from);
        }
        return from == null ? AuditSummary.of("period.to", to) : AuditSummary.of("period.between", from, to);
    }

    private static LocalDate day(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(Reason.of("report.not-a-date", parameter, text.strip()));
        }
    }
}
