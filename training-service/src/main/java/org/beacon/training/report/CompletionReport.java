package org.beacon.training.report;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.commons.web.ProblemException;
import org.beacon.training.enrolment.EnrolmentStatus;

/**
 * Enrolments and completions grouped by the course's sectors, the trainee's institution (their organization), the
 * course's country overlay, or the institution and the quarter the enrolments started in: staff trained per
 * institution over time, which shows whether training keeps up with turnover (000 L3273). The database
 * aggregates; nothing is loaded row by row.
 */
@ApplicationScoped
public class CompletionReport {

    public static final List<String> DIMENSIONS = List.of("sector", "institution", "country", "institution-quarter");

    public record Row(String key, long enrolments, long completions) {
    }

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<Row> by(String dimension) {
        String key = switch (dimension == null ? "" : dimension) {
            case "sector" -> "s.sector";
            case "institution" -> "coalesce(e.organization, '')";
            case "country" -> "coalesce(c.country, '')";
            case "institution-quarter" -> "coalesce(e.organization, '') || ' · ' || to_char(e.enrolled_at, 'YYYY \"Q\"Q')";
            default -> throw ProblemException.badRequest("Group by one of " + String.join(", ", DIMENSIONS) + ".");
        };
        String sectors = dimension.equals("sector")
                ? " cross join unnest(string_to_array(c.sectors, ',')) as s(sector)" : "";
        List<Object[]> rows = em.createNativeQuery("select " + key + " as k, count(e.id),"
                + " count(e.id) filter (where e.status = ?1)"
                + " from enrolment e join course c on c.id = e.course_id" + sectors
                + " group by k order by k").setParameter(1, EnrolmentStatus.completed.name()).getResultList();
        return rows.stream().map(r -> new Row((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }
}
