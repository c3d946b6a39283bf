package org.beacon.training.assessment;

import java.math.BigDecimal;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One answer of a question in one language, with the credit it earns: the answer key, never sent before a submission. */
@Entity
@Table(name = "question_answer")
public class QuestionAnswer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "question_id")
    public Long questionId;
    public String language;
    public int position;
    public String text;
    public BigDecimal fraction;
    public String feedback;
    /** How far from a numerical answer's number a response may be; null for other types. */
    public BigDecimal tolerance;
    /** What a matching item matches; null for other types. */
    @Column(name = "match_text")
    public String match;

    public static List<QuestionAnswer> of(long questionId, String language) {
        return list("questionId = ?1 and language = ?2 order by position", questionId, language);
    }
}
