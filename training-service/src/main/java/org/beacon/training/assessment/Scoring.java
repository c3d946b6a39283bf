package org.beacon.training.assessment;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.DoubleStream;

import org.beacon.commons.web.ProblemException;

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
            case SINGLE -> clamp(weights(answers, positions(question, answers, response)).findFirst().orElse(0));
            case MULTIPLE -> clamp(weights(answers, positions(question, answers, response)).sum());
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

    /**
     * The answer positions a response to a choice question picks, each once and in the order given: "0", "00" and
     * "+0" are one choice, which earns its weight once. A value that is not the position of one of the question's
     * answers is refused (400), as is more than one answer to a single-choice question.
     */
    public static Set<Integer> positions(Question question, List<QuestionAnswer> answers, List<String> response) {
        Set<Integer> chosen = new LinkedHashSet<>();
        for (String value : response) {
            Integer position = null;
            try {
                position = Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                // refused below, like a number that names no answer
            }
            Integer found = position;
            if (found == null || answers.stream().noneMatch(a -> a.position == found)) {
                throw ProblemException.badRequest("Question " + question.id + ": '" + value
                        + "' is not one of its answers; send answer positions from 0 to " + (answers.size() - 1) + ".");
            }
            chosen.add(found);
        }
        if (question.questionType() == QuestionType.SINGLE && chosen.size() > 1) {
            throw ProblemException.badRequest("Question " + question.id + " takes one answer, not " + chosen.size() + ".");
        }
        return chosen;
    }

    private static DoubleStream weights(List<QuestionAnswer> answers, Set<Integer> positions) {
        return positions.stream().mapToDouble(p -> answers.stream().filter(a -> a.position == p)
                .mapToDouble(a -> a.fraction.doubleValue()).findFirst().orElse(0));
    }

    public static String normal(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
        return decomposed.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static double clamp(double credit) {
        return Math.max(0, Math.min(1, credit));
    }
}
