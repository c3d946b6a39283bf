package org.beacon.training.report;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.enrolment.EnrolmentStatus;

/**
 * The report package's native SQL: aggregates over enrolments and courses, computed by the database. The report
 * owns no table; it reads these through one class so that a change of their columns has one place to look.
 */
@ApplicationScoped
public class ReportQueries {

    @Inject
    EntityManager em;

    /** Enrolments and completions grouped by one of {@link CompletionReport#DIMENSIONS}; another is a 400. */
    @SuppressWarnings("unchecked")
    List<CompletionReport.Row> completions(String dimension, ReportPeriod period) {
        String key = switch (dimension == null ? "" : dimension) {
            case "sector" -> "s.sector";
            case "institution" -> "coalesce(e.organization, '')";
            case "country" -> "coalesce(c.country, '')";
            case "institution-quarter" -> "coalesce(e.organization, '') || ' · ' || to_char(e.enrolled_at, 'YYYY \"Q\"Q')";
            default -> throw ProblemException.badRequest(
                    Reason.of("report.group-by", String.join(", ", CompletionReport.DIMENSIONS)));
        };
        String sectors = dimension.equals("sector")
                ? " cross join unnest(string_to_array(c.sectors, ',')) as s(sector)" : "";
        List<Object[]> rows = period.bind(em.createNativeQuery("select " + key + " as k, count(e.id),"
                + " count(e.id) filter (where e.status = ?1)"
                + " from enrolment e join course c on c.id = e.course_id" + sectors
                + " where " + ReportPeriod.within("e.enrolled_at", 2, 3)
                + " group by k order by k").setParameter(1, EnrolmentStatus.completed.name()), 2, 3).getResultList();
        return rows.stream().map(r -> new CompletionReport.Row((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue())).toList();
    }
}
