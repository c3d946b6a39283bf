package org.beacon.campaign.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.beacon.commons.text.UntrustedText;

/**
 * Reads one respondent's answers, from the web form or a row of an uploaded file, against the survey definition.
 * Either every answer is valid and they come back packed for storage, or the problems come back by question and
 * nothing is stored.
 */
public final class AnswerSheet {

    /** Integer answers are counts of people or things; beyond this they are typing slips, and sums stay exact. */
    public static final long INTEGER_LIMIT = 1_000_000;

    /** What can be wrong with an answer; the code is what pages and files show for it. */
    public enum Problem {
        MISSING("missing", "an answer is required"),
        NOT_A_CHOICE("not_a_choice", "not one of the choices"),
        ONE_ONLY("one_only", "only one answer is allowed"),
        NOT_A_NUMBER("not_a_number", "not a whole number"),
        OUT_OF_RANGE("out_of_range", "the number is out of range"),
        TOO_LONG("too_long", "the text is too long"),
        /** Badly percent-encoded, or holding a NUL (which PostgreSQL cannot store). */
        UNREADABLE("unreadable", "the answer cannot be read or contains a NUL character (U+0000)");

        private final String code;
        private final String description;

        Problem(String code, String description) {
            this.code = code;
            this.description = description;
        }

        public String code() {
            return code;
        }

        public String description() {
            return description;
        }
    }

    /**
     * Answers packed by question slot (see survey_response), the free texts by question id, the background choice
     * positions (0 = not stated) and the number of knowledge items answered correctly.
     */
    public record Answers(Integer[] packed, Map<Long, String> texts, int ageBand, int gender, int region,
            Integer knowledgeScore) {
    }

    /** Exactly one of answers and problems is meaningful: problems is empty when answers is set. */
    public record Outcome(Answers answers, Map<String, Problem> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private AnswerSheet() {
    }

    /**
     * @param values the raw values given for a question name (several for a multiple choice); blanks are unanswered
     */
    public static Outcome read(SurveyForm form, Function<String, List<String>> values, int maxTextLength) {
        Integer[] packed = new Integer[form.slotCount()];
        Map<Long, String> texts = new LinkedHashMap<>();
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (SurveyForm.Question question : form.answerable()) {
            List<String> given = new ArrayList<>();
            boolean unreadable = false;
            for (String value : Optional.ofNullable(values.apply(question.name())).orElse(List.of())) {
                if (value == null || UntrustedText.containsNul(value)) {
                    // A null value is one that could not be read (see PublicSurveyPage.fields).
                    unreadable = true;
                } else if (!value.isBlank()) {
                    given.add(value);
                }
            }
            if (unreadable) {
                problems.put(question.name(), Problem.UNREADABLE);
                continue;
            }
            if (given.isEmpty()) {
                if (question.required()) {
                    problems.put(question.name(), Problem.MISSING);
                }
                continue;
            }
            Problem problem = null;
            int slot = question.slot() - 1;
            switch (question.kind()) {
                case SurveyQuestion.MULTIPLE -> {
                    int mask = 0;
                    for (String value : given) {
                        Optional<SurveyForm.Choice> choice = question.choice(value.trim());
                        if (choice.isEmpty()) {
                            problem = Problem.NOT_A_CHOICE;
                            break;
                        }
                        mask |= 1 << (choice.get().position() - 1);
                    }
                    packed[slot] = mask;
                }
                case SurveyQuestion.INTEGER -> {
                    if (given.size() > 1) {
                        problem = Problem.ONE_ONLY;
                    } else {
                        try {
                            long number = Long.parseLong(given.get(0).trim());
                            if (Math.abs(number) > INTEGER_LIMIT) {
                                problem = Problem.OUT_OF_RANGE;
                            } else {
                                packed[slot] = (int) number;
                            }
                        } catch (NumberFormatException e) {
                            problem = Problem.NOT_A_NUMBER;
                        }
                    }
                }
                case SurveyQuestion.TEXT -> {
                    String text = String.join("\n", given);
                    if (text.length() > maxTextLength) {
                        problem = Problem.TOO_LONG;
                    } else {
                        packed[slot] = 1;
                        texts.put(question.id(), text);
                    }
                }
                default -> {
                    if (given.size() > 1) {
                        problem = Problem.ONE_ONLY;
                    } else {
                        Optional<SurveyForm.Choice> choice = question.choice(given.get(0).trim());
                        if (choice.isEmpty()) {
                            problem = Problem.NOT_A_CHOICE;
                        } else {
                            packed[slot] = choice.get().position();
                        }
                    }
                }
            }
            if (problem != null) {
                problems.put(question.name(), problem);
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        return new Outcome(new Answers(packed, texts, background(form, packed, SurveyQuestion.AGE_BAND),
                background(form, packed, SurveyQuestion.GENDER), background(form, packed, SurveyQuestion.REGION),
                knowledgeScore(form, packed)), problems);
    }

    private static int background(SurveyForm form, Integer[] packed, String role) {
        return form.withRole(role).map(q -> packed[q.slot() - 1]).map(v -> v == null ? 0 : v).orElse(0);
    }

    /** Correct answers among the knowledge items; none when the respondent answered no knowledge item. */
    private static Integer knowledgeScore(SurveyForm form, Integer[] packed) {
        int answered = 0;
        int correct = 0;
        for (SurveyForm.Question item : form.knowledgeItems()) {
            Integer answer = packed[item.slot() - 1];
            if (answer != null) {
                answered++;
                if (answer.equals(item.answerKey())) {
                    correct++;
                }
            }
        }
        return answered == 0 ? null : correct;
    }
}
