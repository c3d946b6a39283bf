package org.beacon.training.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * A question as GIFT expresses it, in one language. {@code line} is where it starts in the file it came from (0
 * when it came from the database), so errors can name the line. Texts that GIFT allows a format for (stem, choice
 * answers, matching items, feedback) keep it as {@link QuestionText} stores it.
 *
 * @param truth the key of a true/false question, null otherwise
 * @param feedbackRight true/false feedback for a right answer (GIFT's second {@code #})
 * @param feedbackWrong true/false feedback for a wrong answer (GIFT's first {@code #})
 */
public record GiftQuestion(String name, QuestionType type, String stem, List<GiftAnswer> answers, Boolean truth,
        String feedbackRight, String feedbackWrong, String generalFeedback, String sourceRef, String legalSource,
        int line) {

    /**
     * One answer; {@code fraction} is the credit it earns, 1 for a right answer, 0.5 for {@code %50%}. A numerical
     * answer's {@code text} is its number and {@code tolerance} how far from it a response may be; a matching
     * pair's {@code text} is the item and {@code match} what it matches (an item left empty is a distractor).
     */
    public record GiftAnswer(String text, double fraction, String feedback, BigDecimal tolerance, String match) {

        public GiftAnswer(String text, double fraction, String feedback) {
            this(text, fraction, feedback, null, null);
        }
    }

    public GiftQuestion withLine(int newLine) {
        return new GiftQuestion(name, type, stem, answers, truth, feedbackRight, feedbackWrong, generalFeedback,
                sourceRef, legalSource, newLine);
    }
}
