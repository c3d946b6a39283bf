package org.beacon.training.assessment;

import java.util.List;

/**
 * A question as GIFT expresses it, in one language. {@code line} is where it starts in the file it came from (0
 * when it came from the database), so errors can name the line.
 *
 * @param truth the key of a true/false question, null otherwise
 * @param feedbackRight true/false feedback for a right answer (GIFT's second {@code #})
 * @param feedbackWrong true/false feedback for a wrong answer (GIFT's first {@code #})
 */
public record GiftQuestion(String name, QuestionType type, String stem, List<GiftAnswer> answers, Boolean truth,
        String feedbackRight, String feedbackWrong, String generalFeedback, String sourceRef, String legalSource,
        int line) {

    /** One answer; {@code fraction} is the credit it earns, 1 for a right answer, 0.5 for {@code %50%}. */
    public record GiftAnswer(String text, double fraction, String feedback) {
    }

    public GiftQuestion withLine(int newLine) {
        return new GiftQuestion(name, type, stem, answers, truth, feedbackRight, feedbackWrong, generalFeedback,
                sourceRef, legalSource, newLine);
    }
}
