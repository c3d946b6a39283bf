package org.beacon.training.assessment;

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

    /**
     * Deletes a draft version's assessments and its question bank, so that an import of changed content can fill
     * them again; the caller empties the course package's own content after this.
     */
    public static void deleteOfVersion(long versionId) {
        AssessmentQueries.deleteOfVersion(versionId);
    }

    /** How many questions each assessment of a version asks, by assessment id; one without questions is absent. */
    public static Map<Long, Integer> questionCounts(long versionId) {
        return AssessmentQueries.questionCounts(versionId);
    }

    /** The questions in the order the author gave. */
    public List<Question> questions() {
        return AssessmentQueries.questions(id);
    }

    public void assign(List<Question> questions) {
        AssessmentQueries.assign(id, questions);
    }
}
