package org.beacon.training.enrolment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.beacon.training.assessment.Assessment;
import org.beacon.training.period.ReportPeriod;

/**
 * The enrolment package's native SQL: the tables without an entity (lesson_progress, attempt_answer), and what
 * other packages read of enrolments, lessons studied and attempts (cohorts, reports), keyed by course and trainee.
 */
@ApplicationScoped
public class EnrolmentQueries {

    /** One stored answer of an attempt: the response lines and the credit (0..1) it earned. */
    public record StoredAnswer(long questionId, List<String> response, double credit) {
    }

    /** A trainee's enrolment in a course, with the organization they enrolled through. */
    public record EnrolledTrainee(String subject, String name, String organization) {
    }

    /**
     * A trainee's latest enrolment in a course with the work dated within a period: lessons studied, the first
     * pre-test score and the best post-test score. {@code completed}: the post-test was passed by the period's end.
     */
    public record WorkInPeriod(String subject, long enrolmentId, long versionId, boolean completed, long studied,
            BigDecimal pretest, BigDecimal posttest) {
    }

    /** Enrolments started within a period and how many of them are completed, per course, organization and quarter. */
    public record CompletionCount(long courseId, String organization, String quarter, long enrolments,
            long completions) {
    }

    /** Responses are stored as one text, one answer a line, cut to the column's size. */
    private static final int RESPONSE_LIMIT = 2000;

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    Set<Long> studiedLessons(long enrolmentId) {
        return new HashSet<>(((List<Number>) em.createNativeQuery(
                "select lesson_id from lesson_progress where enrolment_id = ?1")
                .setParameter(1, enrolmentId).getResultList()).stream().map(Number::longValue).toList());
    }

    void markStudied(long enrolmentId, long lessonId) {
        em.createNativeQuery("insert into lesson_progress (enrolment_id, lesson_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, enrolmentId).setParameter(2, lessonId).executeUpdate();
    }

    void storeAnswer(long attemptId, long questionId, List<String> response, double credit) {
        String text = String.join("\n", response);
        em.createNativeQuery("insert into attempt_answer (attempt_id, question_id, response, fraction)"
                + " values (?1, ?2, ?3, ?4)")
                .setParameter(1, attemptId).setParameter(2, questionId)
                .setParameter(3, text.length() <= RESPONSE_LIMIT ? text : text.substring(0, RESPONSE_LIMIT))
                .setParameter(4, BigDecimal.valueOf(credit)).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    List<StoredAnswer> answersOf(long attemptId) {
        return ((List<Object[]>) em.createNativeQuery("select question_id, response, fraction"
                + " from attempt_answer where attempt_id = ?1").setParameter(1, attemptId).getResultList()).stream()
                .map(row -> {
                    String response = (String) row[1];
                    return new StoredAnswer(((Number) row[0]).longValue(),
                            response == null || response.isEmpty() ? List.of() : List.of(response.split("\n")),
                            ((Number) row[2]).doubleValue());
                }).toList();
    }

    /**
     * The trainee's enrolment in the course, preferring one through the given organization: an enrolment through
     * that organization counts even when a later one (a new version, after moving elsewhere) was not.
     */
    @SuppressWarnings("unchecked")
    public Optional<EnrolledTrainee> enrolment(long courseId, String subject, String organization) {
        List<Tuple> rows = em.createNativeQuery("select subject, display_name, organization from enrolment"
                + " where course_id = ?1 and subject = ?2"
                + " order by (organization = cast(?3 as varchar)) desc nulls last, id desc limit 1", Tuple.class)
                .setParameter(1, courseId).setParameter(2, subject).setParameter(3, organization).getResultList();
        return rows.stream().map(r -> new EnrolledTrainee(r.get("subject", String.class),
                r.get("display_name", String.class), r.get("organization", String.class))).findFirst();
    }

    /** Which of the trainees are enrolled in the course. */
    @SuppressWarnings("unchecked")
    public Set<String> enrolledAmong(long courseId, Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createNativeQuery("select distinct subject from enrolment where course_id = ?1"
                + " and subject in (?2)").setParameter(1, courseId).setParameter(2, subjects).getResultList());
    }

    /** The trainees who enrolled in the course through the organization (none: without one). */
    @SuppressWarnings("unchecked")
    public List<String> enrolledThrough(long courseId, String organization) {
        return em.createNativeQuery("select distinct subject from enrolment where course_id = ?1"
                + " and organization is not distinct from cast(?2 as varchar)")
                .setParameter(1, courseId).setParameter(2, organization).getResultList();
    }

    /** Each trainee's latest enrolment in the course with the work dated within the period; none for the others. */
    @SuppressWarnings("unchecked")
    public List<WorkInPeriod> latestWork(long courseId, Collection<String> subjects, ReportPeriod period) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        String attempts = "from attempt a where a.enrolment_id = e.id and a.kind = ?%d and "
                + ReportPeriod.within("a.submitted_at", 2, 3);
        List<Tuple> rows = period.bind(em.createNativeQuery("""
                select e.subject, e.id, e.version_id,
                       e.status = ?4 and (cast(?3 as date) is null or e.completed_at < cast(?3 as date) + 1) as completed,
                       (select count(*) from lesson_progress lp where lp.enrolment_id = e.id and %s) as studied,
                       (select a.score %s order by a.id limit 1) as pre,
                       (select max(a.score) %s) as post
                from (select distinct on (subject) * from enrolment where course_id = ?1 and subject in (?7)
                      order by subject, id desc) e
                """.formatted(ReportPeriod.within("lp.studied_at", 2, 3), attempts.formatted(5), attempts.formatted(6)),
                Tuple.class).setParameter(1, courseId), 2, 3)
                .setParameter(4, EnrolmentStatus.completed.name()).setParameter(5, Assessment.PRETEST)
                .setParameter(6, Assessment.POSTTEST).setParameter(7, subjects).getResultList();
        return rows.stream().map(r -> new WorkInPeriod(r.get("subject", String.class),
                r.get("id", Number.class).longValue(), r.get("version_id", Number.class).longValue(),
                r.get("completed", Boolean.class), r.get("studied", Number.class).longValue(),
                r.get("pre", BigDecimal.class), r.get("post", BigDecimal.class))).toList();
    }

    /**
     * Enrolments started within the period and their completions, counted by the database per course, the
     * organization enrolled through ("" for none) and the quarter enrolled in ("2026 Q3").
     */
    @SuppressWarnings("unchecked")
    public List<CompletionCount> completionCounts(ReportPeriod period) {
        List<Tuple> rows = period.bind(em.createNativeQuery("select course_id, coalesce(organization, '') as organization,"
                + " to_char(enrolled_at, 'YYYY \"Q\"Q') as quarter, count(*) as enrolments,"
                + " count(*) filter (where status = ?1) as completions from enrolment"
                + " where " + ReportPeriod.within("enrolled_at", 2, 3)
                + " group by course_id, 2, 3", Tuple.class).setParameter(1, EnrolmentStatus.completed.name()), 2, 3)
                .getResultList();
        return rows.stream().map(r -> new CompletionCount(r.get("course_id", Number.class).longValue(),
                r.get("organization", String.class), r.get("quarter", String.class),
                r.get("enrolments", Number.class).longValue(), r.get("completions", Number.class).longValue())).toList();
    }
}
