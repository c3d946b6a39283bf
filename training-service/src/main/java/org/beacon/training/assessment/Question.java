package org.beacon.training.assessment;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A question of a version's bank. Its texts are per language in content_text (stem and true/false feedback), its
 * answers per language in {@link QuestionAnswer}; the name links the translations (GIFT's {@code ::name::}).
 */
@Entity
public class Question extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "version_id")
    public Long versionId;
    public int position;
    public String name;
    public String type;
    /** The key of a true/false question. */
    public Boolean truth;
    @Column(name = "legal_source")
    public String legalSource;
    @Column(name = "source_ref")
    public String sourceRef;

    public QuestionType questionType() {
        return QuestionType.of(type);
    }

    public static List<Question> of(long versionId) {
        return list("versionId = ?1 order by position", versionId);
    }

    public static Optional<Question> named(long versionId, String name) {
        return find("versionId = ?1 and name = ?2", versionId, name).firstResultOptional();
    }
}
