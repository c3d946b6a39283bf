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

    /** The codes of {@link Issue}: what can be wrong with an answer. */
    public static final String MISSING = "missing";
    public static final String NOT_A_CHOICE = "not_a_choice";
    public static final String ONE_ONLY = "one_only";
    public static final String NOT_A_NUMBER = "not_a_number";
    public static final String NOT_A_DATE = "not_a_date";
    public static final String OUT_OF_RANGE = "out_of_range";
    public static final String TOO_LONG = "too_long";
    /** Badly percent-encoded, or holding a NUL (which PostgreSQL cannot store). */
    public static final String UNREADABLE = "unreadable";
    /** The answer breaks the question's constraint. */
    public static final String CONSTRAINT = "constraint";
    /** An answer to a question the respondent was not asked (its relevance is false). */
    public static final String NOT_RELEVANT = "not_relevant";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            MISSING, "an answer is required",
            NOT_A_CHOICE, "not one of the choices",
            ONE_ONLY, "only one answer is allowed",
            NOT_A_NUMBER, "not a number",
            NOT_A_DATE, "not a date (YYYY-MM-DD)",
            OUT_OF_RANGE, "the number is out of range",
            TOO_LONG, "the text is too long",
            UNREADABLE, "the answer cannot be read or contains a NUL character (U+0000)",
            CONSTRAINT, "the answer is not allowed",
            NOT_RELEVANT, "the question is not asked with these answers, so it must stay empty");

    /**
     * Why an answer is refused.
     *
     * @param code one of the codes above
     * @param message the form's own text for it in the respondent's language (constraint_message,
     *     required_message), or null: then the page shows its standard text for the code
     */
    public record Issue(String code, String message) {

        public static Issue of(String code) {
            return new Issue(code, null);
        }

        /** The form's message, else a short English description of the code (for files and logs). */
        public String description() {
            return message != null ? message : DESCRIPTIONS.getOrDefault(code, code);
        }
    }

    /**
     * Answers packed by question slot (see survey_response), the free texts by question id, the background choice
     * positions (0 = not stated) and the number of knowledge items answered correctly.
     */
    public record Answers(Integer[] packed, Map<Long, String> texts, int ageBand, int gender, int region,
            Integer knowledgeScore, int[] notAsked) {
    }

    /** Exactly one of answers and problems is meaningful: problems (by field) is empty when answers is set. */
    public record Outcome(Answers answers, Map<String, Issue> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private AnswerSheet() {
    }

    /**
     * @param values the raw values given for a question's field (several for a multiple choice); blanks are unanswered
     * @param language the respondent's language (a BCP-47 tag of the form), for the form's own messages
     */
    public static Outcome read(SurveyForm form, Function<String, List<String>> values, String language,
            int maxTextLength) {
        Integer[] packed = new Integer[form.slotCount()];
        Map<Long, String> texts = new LinkedHashMap<>();
        Map<String, Issue> problems = new LinkedHashMap<>();
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
                problems.put(question.name(), Issue.of(UNREADABLE));
                continue;
            }
            if (given.isEmpty()) {
                if (question.required()) {
                    problems.put(question.name(), Issue.of(MISSING));
                }
                continue;
            }
            String problem = null;
            int slot = question.slot() - 1;
            switch (question.kind()) {
                case SurveyQuestion.MULTIPLE -> {
                    int mask = 0;
                    for (String value : given) {
                        Optional<SurveyForm.Choice> choice = question.choice(value.trim());
                        if (choice.isEmpty()) {
                            problem = NOT_A_CHOICE;
                            break;
                        }
                        mask |= 1 << (choice.get().position() - 1);
                    }
                    packed[slot] = mask;
                }
                case SurveyQuestion.INTEGER -> {
                    if (given.size() > 1) {
                        problem = ONE_ONLY;
                    } else {
                        try {
                            long number = Long.parseLong(given.get(0).trim());
                            if (Math.abs(number) > INTEGER_LIMIT) {
                                problem = OUT_OF_RANGE;
                            } else {
                                packed[slot] = (int) number;
                            }
                        } catch (NumberFormatException e) {
                            problem = NOT_A_NUMBER;
                        }
                    }
                }
                case SurveyQuestion.TEXT -> {
                    String text = String.join("\n", given);
                    if (text.length() > maxTextLength) {
                        problem = TOO_LONG;
                    } else {
                        packed[slot] = 1;
                        texts.put(question.id(), text);
                    }
                }
                default -> {
                    if (given.size() > 1) {
                        problem = ONE_ONLY;
                    } else {
                        Optional<SurveyForm.Choice> choice = question.choice(given.get(0).trim());
                        if (choice.isEmpty()) {
                            problem = NOT_A_CHOICE;
                        } else {
                            packed[slot] = choice.get().position();
                        }
                    }
                }
            }
            if (problem != null) {
                problems.put(question.name(), Issue.of(problem));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        return new Outcome(new Answers(packed, texts, background(form, packed, SurveyQuestion.AGE_BAND),
                background(form, packed, SurveyQuestion.GENDER), background(form, packed, SurveyQuestion.REGION),
                knowledgeScore(form, packed), new int[0]), problems);
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
