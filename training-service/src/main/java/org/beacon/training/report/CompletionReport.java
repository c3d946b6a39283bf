package org.beacon.training.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.web.ProblemException;
import org.beacon.training.audit.AuditLog;
import org.beacon.training.enrolment.EnrolmentStatus;

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
    EntityManager em;

    @Inject
    AuditLog audit;

    public List<Row> by(String dimension) {
        return by(dimension, ReportPeriod.ALWAYS);
    }

    @SuppressWarnings("unchecked")
    public List<Row> by(String dimension, ReportPeriod period) {
        String key = switch (dimension == null ? "" : dimension) {
            case "sector" -> "s.sector";
            case "institution" -> "coalesce(e.organization, '')";
            case "country" -> "coalesce(c.country, '')";
            case "institution-quarter" -> "coalesce(e.organization, '') || ' · ' || to_char(e.enrolled_at, 'YYYY \"Q\"Q')";
            default -> throw ProblemException.badRequest("Group by one of " + String.join(", ", DIMENSIONS) + ".");
        };
        String sectors = dimension.equals("sector")
                ? " cross join unnest(string_to_array(c.sectors, ',')) as s(sector)" : "";
        List<Object[]> rows = period.bind(em.createNativeQuery("select " + key + " as k, count(e.id),"
                + " count(e.id) filter (where e.status = ?1)"
                + " from enrolment e join course c on c.id = e.course_id" + sectors
                + " where " + ReportPeriod.within("e.enrolled_at", 2, 3)
                + " group by k order by k").setParameter(1, EnrolmentStatus.completed.name()), 2, 3).getResultList();
        return rows.stream().map(r -> new Row((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
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
