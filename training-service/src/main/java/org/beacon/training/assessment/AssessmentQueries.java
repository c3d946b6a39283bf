package org.beacon.training.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;

/**
 * The assessment package's native SQL: the ordered link table assessment_question, which has no entity. Static,
 * like the Panache entity methods that call it.
 */
final class AssessmentQueries {

    private AssessmentQueries() {
    }

    /** Deletes a version's assessments and questions, children before parents (a draft emptied before a re-import). */
    static void deleteOfVersion(long versionId) {
        for (String delete : new String[] {
            "delete from assessment_question where assessment_id in (select id from assessment where version_id = ?1)",
            "delete from assessment where version_id = ?1",
            "delete from question_answer where question_id in (select id from question where version_id = ?1)",
            "delete from question where version_id = ?1",
        }) {
            em().createNativeQuery(delete).setParameter(1, versionId).executeUpdate();
        }
    }

    /** How many questions each assessment of a version asks, by assessment id; one without questions is absent. */
    @SuppressWarnings("unchecked")
    static Map<Long, Integer> questionCounts(long versionId) {
        Map<Long, Integer> counts = new HashMap<>();
        // Descriptions are text between questions, not questions to answer.
        for (Object[] row : (List<Object[]>) em().createNativeQuery("select aq.assessment_id, count(*)"
                + " from assessment_question aq join assessment a on a.id = aq.assessment_id"
                + " join question q on q.id = aq.question_id where a.version_id = ?1 and q.type <> 'description'"
                + " group by aq.assessment_id").setParameter(1, versionId).getResultList()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
        }
        return counts;
    }

    /** An assessment's questions in the order the author gave. */
    @SuppressWarnings("unchecked")
    static List<Question> questions(long assessmentId) {
        return em().createNativeQuery("select q.* from question q join assessment_question aq"
                + " on aq.question_id = q.id where aq.assessment_id = ?1 order by aq.position", Question.class)
                .setParameter(1, assessmentId).getResultList();
    }

    static void assign(long assessmentId, List<Question> questions) {
        em().createNativeQuery("delete from assessment_question where assessment_id = ?1")
                .setParameter(1, assessmentId).executeUpdate();
        int position = 0;
        for (Question question : questions) {
            em().createNativeQuery("insert into assessment_question (assessment_id, question_id,"
                    + " position) values (?1, ?2, ?3)")
                    .setParameter(1, assessmentId).setParameter(2, question.id).setParameter(3, position++)
                    .executeUpdate();
        }
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
