package org.beacon.training.assessment;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Credit for one answer to one question, between 0 and 1, the way Moodle grades the same GIFT question: the
 * weight of the chosen answer for single choice, the sum of the chosen weights (never below 0 or above 1) for
 * multiple choice, 1 for the right truth value, the best matching accepted answer for short answers (case and
 * spacing ignored).
 *
 * <p>A response is a list of values: answer positions for choices, {@code "true"} or {@code "false"}, or the typed
 * text.
 */
public final class Scoring {

    private Scoring() {
    }

    public static double credit(Question question, List<QuestionAnswer> answers, List<String> response) {
        if (response == null || response.isEmpty()) {
            return 0;
        }
        return switch (question.questionType()) {
            case SINGLE -> clamp(answerAt(answers, response.get(0)));
            case MULTIPLE -> clamp(response.stream().distinct().mapToDouble(r -> answerAt(answers, r)).sum());
            case TRUEFALSE -> String.valueOf(question.truth).equalsIgnoreCase(response.get(0).strip()) ? 1 : 0;
            case SHORT -> clamp(answers.stream().filter(a -> normal(a.text).equals(normal(response.get(0))))
                    .mapToDouble(a -> a.fraction.doubleValue()).max().orElse(0));
        };
    }

    /** The answers that earn full or partial credit, as shown after a submission. */
    public static List<String> rightAnswers(Question question, List<QuestionAnswer> answers) {
        if (question.questionType() == QuestionType.TRUEFALSE) {
            return List.of(String.valueOf(question.truth));
        }
        return answers.stream().filter(a -> a.fraction.signum() > 0).map(a -> a.text).toList();
    }

    private static double answerAt(List<QuestionAnswer> answers, String position) {
        try {
            int index = Integer.parseInt(position.strip());
            return answers.stream().filter(a -> a.position == index).mapToDouble(a -> a.fraction.doubleValue())
                    .findFirst().orElse(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static String normal(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
        return decomposed.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static double clamp(double credit) {
        return Math.max(0, Math.min(1, credit));
    }
}
