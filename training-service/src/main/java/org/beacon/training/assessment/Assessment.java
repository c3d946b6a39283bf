package org.beacon.training.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The pre-test, a module's knowledge check or the post-test of a version: an ordered selection of its questions. */
@Entity
public class Assessment extends PanacheEntityBase {

    public static final String PRETEST = "pretest";
    public static final String CHECK = "check";
    public static final String POSTTEST = "posttest";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "version_id")
    public Long versionId;
    public String kind;
    @Column(name = "module_id")
    public Long moduleId;

    public static List<Assessment> of(long versionId) {
        return list("versionId = ?1 order by id", versionId);
    }

    public static Optional<Assessment> of(long versionId, String kind) {
        return find("versionId = ?1 and kind = ?2 and moduleId is null", versionId, kind).firstResultOptional();
    }

    public static Optional<Assessment> checkOf(long moduleId) {
        return find("moduleId", moduleId).firstResultOptional();
    }

    /** How many questions each assessment of a version asks, by assessment id; one without questions is absent. */
    @SuppressWarnings("unchecked")
    public static Map<Long, Integer> questionCounts(long versionId) {
        Map<Long, Integer> counts = new HashMap<>();
        // Descriptions are text between questions, not questions to answer.
        for (Object[] row : (List<Object[]>) getEntityManager().createNativeQuery("select aq.assessment_id, count(*)"
                + " from assessment_question aq join assessment a on a.id = aq.assessment_id"
                + " join question q on q.id = aq.question_id where a.version_id = ?1 and q.type <> 'description'"
                + " group by aq.assessment_id").setParameter(1, versionId).getResultList()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
        }
        return counts;
    }

    /** The questions in the order the author gave. */
    @SuppressWarnings("unchecked")
    public List<Question> questions() {
        return getEntityManager().createNativeQuery("select q.* from question q join assessment_question aq"
                + " on aq.question_id = q.id where aq.assessment_id = ?1 order by aq.position", Question.class)
                .setParameter(1, id).getResultList();
    }

    public void assign(List<Question> questions) {
        getEntityManager().createNativeQuery("delete from assessment_question where assessment_id = ?1")
                .setParameter(1, id).executeUpdate();
        int position = 0;
        for (Question question : questions) {
            getEntityManager().createNativeQuery("insert into assessment_question (assessment_id, question_id,"
                    + " position) values (?1, ?2, ?3)")
                    .setParameter(1, id).setParameter(2, question.id).setParameter(3, position++).executeUpdate();
        }
    }
}
