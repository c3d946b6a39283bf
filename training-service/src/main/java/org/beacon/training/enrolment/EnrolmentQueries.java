package org.beacon.training.enrolment;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The enrolment package's native SQL: the tables without an entity (lesson_progress, attempt_answer). */
@ApplicationScoped
public class EnrolmentQueries {

    /** One stored answer of an attempt: the response lines and the credit (0..1) it earned. */
    public record StoredAnswer(long questionId, List<String> response, double credit) {
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
}
