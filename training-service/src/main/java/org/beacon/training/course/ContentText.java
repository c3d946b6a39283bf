package org.beacon.training.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.beacon.training.assessment.QuestionTexts;

/** One translatable text: a field of a course, module, lesson, question or glossary entry in one language. */
@Entity
@Table(name = "content_text")
public class ContentText extends PanacheEntityBase {

    public static final String COURSE = "course";
    public static final String MODULE = "module";
    public static final String LESSON = "lesson";
    public static final String QUESTION = "question";
    public static final String GLOSSARY = "glossary";

    // The fields (content_text.field): one name for the database, the import format and the code.
    public static final String TITLE = "title";
    public static final String SUMMARY = "summary";
    public static final String BODY = "body";
    public static final String EXPLANATION = "explanation";
    // A question's fields are named by the assessment package, whose question bank writes them.
    public static final String STEM = QuestionTexts.STEM;
    public static final String FEEDBACK_RIGHT = QuestionTexts.FEEDBACK_RIGHT;
    public static final String FEEDBACK_WRONG = QuestionTexts.FEEDBACK_WRONG;
    public static final String GENERAL_FEEDBACK = QuestionTexts.GENERAL_FEEDBACK;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "version_id")
    public Long versionId;
    @Column(name = "owner_kind")
    public String ownerKind;
    @Column(name = "owner_id")
    public Long ownerId;
    public String field;
    public String language;
    public String value;
}
