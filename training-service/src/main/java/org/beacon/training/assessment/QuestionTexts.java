package org.beacon.training.assessment;

import java.util.Map;

/**
 * Where a question's translatable texts are kept: the course package's texts of a version (content_text), which
 * implement this so that the bank writes and reads them without depending on that package. The field names are the
 * values of content_text.field, named once here and reused by the course package.
 */
public interface QuestionTexts {

    String STEM = "stem";
    String FEEDBACK_RIGHT = "feedback_right";
    String FEEDBACK_WRONG = "feedback_wrong";
    String GENERAL_FEEDBACK = "general_feedback";

    /** One field of one question, every language's value by language. */
    Map<String, String> questionText(long questionId, String field);

    /** Sets one field of one question in one language; a blank value removes that translation. */
    void putQuestionText(long versionId, long questionId, String field, String language, String value);
}
