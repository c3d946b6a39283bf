package org.beacon.training.assessment;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.DoubleStream;

import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * Credit for one answer to one question, between 0 and 1, the way Moodle grades the same GIFT question: the
 * weight of the chosen answer for single choice, the sum of the chosen weights (never below 0 or above 1) for
 * multiple choice, 1 for the right truth value, the best matching accepted answer for short answers (case and
 * spacing ignored), the first numerical answer whose tolerance holds the number given (Moodle tries them in the
 * order written), and for matching the share of items matched right (each pair earns its part).
 *
 * <p>A response is a list of values: answer positions for choices, {@code "true"} or {@code "false"}, the typed
 * text or number, or for matching one {@code "item:choice"} per item answered: the item's answer position and the
 * number of the chosen match in {@link #choices}.
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
            case SHORT -> clamp(answers.stream()
                    .filter(a -> normal(QuestionText.plain(a.text)).equals(normal(response.get(0))))
                    .mapToDouble(a -> a.fraction.doubleValue()).max().orElse(0));
            case NUMERICAL -> numerical(question, answers, response).map(a -> clamp(a.fraction.doubleValue()))
                    .orElse(0.0);
            case MATCHING -> matching(question, answers, response);
            case DESCRIPTION -> 0;
        };
    }

    /** The numerical answer a response falls within, as Moodle finds it: the first in the order written. */
    public static Optional<QuestionAnswer> numerical(Question question, List<QuestionAnswer> answers,
            List<String> response) {
        if (response == null || response.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal given = number(question, response.get(0));
        return answers.stream().filter(a -> given.subtract(new BigDecimal(a.text)).abs()
                .compareTo(a.tolerance == null ? BigDecimal.ZERO : a.tolerance) <= 0).findFirst();
    }

    /**
     * A typed number: a decimal comma is read as a point (as many trainees write it), spaces between digit groups
     * are ignored. Anything else is refused (400) rather than scored as wrong, as Moodle asks for a valid number.
     */
    public static BigDecimal number(Question question, String typed) {
        String compact = typedNumber(typed);
        try {
            if (compact.length() > 50) {
                throw new NumberFormatException();
            }
            return new BigDecimal(compact);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(Reason.of("answer.not-a-number", String.valueOf(question.id), typed));
        }
    }

    /**
     * A number as a person types it, written as GIFT and BigDecimal read it: spaces between digit groups dropped, a
     * lone decimal comma read as a point; in any script's digits, with the Arabic decimal and group separators and
     * the direction marks a reader's notation carries ({@code ٣٣٫٥} is 33.5). Trainees' answers and the numbers of
     * the question form are read alike.
     */
    public static String typedNumber(String typed) {
        StringBuilder ascii = new StringBuilder(typed.length());
        typed.strip().codePoints().forEach(c -> {
            if (Character.isDigit(c)) {
                ascii.append((char) ('0' + Character.digit(c, 10)));
            } else if (c == '\u066B') {
                ascii.append('.');
            } else if (c == '\u2212') {
                ascii.append('-');
            } else if (c != '\u066C' && c != '\u061C' && c != '\u200E' && c != '\u200F') {
                ascii.appendCodePoint(c);
            }
        });
        String compact = ascii.toString().replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
        if (compact.indexOf('.') < 0 && compact.indexOf(',') == compact.lastIndexOf(',')) {
            compact = compact.replace(',', '.');
        }
        return compact;
    }

    /** The share of a matching question's items matched right; refuses (400) a value that names no item or match. */
    private static double matching(Question question, List<QuestionAnswer> answers, List<String> response) {
        Map<Integer, Integer> chosen = matches(question, answers, response);
        List<String> choices = choices(answers);
        List<QuestionAnswer> items = answers.stream().filter(a -> !a.text.isEmpty()).toList();
        long right = items.stream().filter(item -> {
            Integer choice = chosen.get(item.position);
            return choice != null && choices.get(choice).equals(item.match);
        }).count();
        return items.isEmpty() ? 0 : (double) right / items.size();
    }

    /**
     * What a matching question's items may match, each text once, in a fixed order that says nothing of the pairs
     * (alphabetical): a choice is sent as its place in this list, so that neither its number nor the page's order
     * gives the key away.
     */
    public static List<String> choices(List<QuestionAnswer> answers) {
        return answers.stream().map(a -> a.match).distinct().sorted().toList();
    }

    /** A matching response read: item position → the place of the chosen match in {@link #choices}. */
    public static Map<Integer, Integer> matches(Question question, List<QuestionAnswer> answers,
            List<String> response) {
        int choices = choices(answers).size();
        Map<Integer, Integer> chosen = new LinkedHashMap<>();
        for (String value : response) {
            String[] parts = value.strip().split(":", -1);
            Integer item = parts.length == 2 ? position(parts[0]) : null;
            Integer match = parts.length == 2 ? position(parts[1]) : null;
            boolean known = item != null && match != null && match >= 0 && match < choices
                    && answers.stream().anyMatch(a -> a.position == item && !a.text.isEmpty());
            if (!known) {
                throw ProblemException.badRequest(Reason.of("answer.not-a-match", String.valueOf(question.id), value));
            }
            if (chosen.put(item, match) != null) {
                throw ProblemException.badRequest(Reason.of("answer.matched-twice", String.valueOf(question.id),
                        String.valueOf(item)));
            }
        }
        return chosen;
    }

    private static Integer position(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The answers that earn full or partial credit, as shown after a submission. */
    public static List<String> rightAnswers(Question question, List<QuestionAnswer> answers) {
        return switch (question.questionType()) {
            case TRUEFALSE -> List.of(String.valueOf(question.truth));
            case NUMERICAL -> answers.stream().filter(a -> a.fraction.signum() > 0).map(Scoring::number).toList();
            case MATCHING -> answers.stream().filter(a -> !a.text.isEmpty())
                    .map(a -> QuestionText.plain(a.text) + " → " + a.match).toList();
            case DESCRIPTION -> List.of();
            default -> answers.stream().filter(a -> a.fraction.signum() > 0).map(a -> QuestionText.plain(a.text))
                    .toList();
        };
    }

    /** A numerical answer as a reader writes it: 3.14 ± 0.01. */
    public static String number(QuestionAnswer answer) {
        return answer.tolerance == null || answer.tolerance.signum() == 0 ? answer.text
                : answer.text + " ± " + Gift.plainNumber(answer.tolerance);
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
                throw ProblemException.badRequest(Reason.of("answer.not-an-answer", String.valueOf(question.id), value,
                        String.valueOf(answers.size() - 1)));
            }
            chosen.add(found);
        }
        if (question.questionType() == QuestionType.SINGLE && chosen.size() > 1) {
            throw ProblemException.badRequest(Reason.of("answer.one-only", String.valueOf(question.id), chosen.size()));
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
