package org.beacon.training.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.beacon.training.audit.AuditLog;

/**
 * Enrolments and completions grouped by the course's sectors, the trainee's institution (their organization), the
 * course's country overlay, or the institution and the quarter the enrolments started in: staff trained per
 * institution over time, which shows whether training keeps up with turnover (000 L3273). The database
 * aggregates; nothing is loaded row by row. A period keeps the enrolments that started within it.
 */
@ApplicationScoped
public class CompletionReport {

    public static final List<String> DIMENSIONS = List.of("sector", "institution", "country", "institution-quarter");

    static final List<String> CSV_HEADER = List.of("by", "group", "enrolments", "completions", "from", "to");

    public record Row(String key, long enrolments, long completions) {
    }

    @Inject
    ReportQueries queries;

    @Inject
    AuditLog audit;

    public List<Row> by(String dimension) {
        return by(dimension, ReportPeriod.ALWAYS);
    }

    public List<Row> by(String dimension, ReportPeriod period) {
        return queries.completions(dimension, period);
    }

    /** Every grouping's rows, in the order of {@link #DIMENSIONS}, as one CSV file. */
    public Response csv(ReportPeriod period) {
        List<List<?>> rows = new ArrayList<>();
        for (String dimension : DIMENSIONS) {
            for (Row row : by(dimension, period)) {
                rows.add(Arrays.asList(dimension, row.key(), row.enrolments(), row.completions(), period.from(),
                        period.to()));
            }
        }
        audit.record("report.export", "report", null, "completions csv" + (period.query().isEmpty() ? "" : " " + period.query()));
        return CsvDownload.of(CsvDownload.fileName("completions", period), CSV_HEADER, rows);
    }
}
