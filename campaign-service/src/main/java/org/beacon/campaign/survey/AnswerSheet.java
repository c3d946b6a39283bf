package org.beacon.campaign.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.beacon.campaign.survey.odk.FormSession;
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.Reason;

/**
 * Reads one respondent's answers, from the web form, a row of an uploaded file or an ODK submission, against the
 * survey definition. Either every answer is valid and they come back packed for storage, or the problems come back
 * by question field and nothing is stored.
 *
 * <p>Beacon checks what it stores (types, its limits, unreadable text); the form's logic (relevance, required,
 * constraints, choice filters, calculations) is judged by the form's engine, ODK's own JavaRosa, so that the server
 * accepts exactly what ODK Collect would.
 */
public final class AnswerSheet {

    /**
     * Integer and decimal answers are counts and amounts; beyond this they are typing slips, and sums stay exact
     * (decimals are stored in thousandths, so the largest fits an integer: see V33).
     */
    public static final long INTEGER_LIMIT = 1_000_000;
    /** Decimal answers are stored in thousandths; more decimal places are rounded half up. */
    public static final int DECIMAL_PLACES = 3;
    /** Dates are stored as days since 1970-01-01; years outside this range are typing slips. */
    static final int FIRST_YEAR = 1000;
    static final int LAST_YEAR = 9999;

    /** The codes of {@link Issue}: what can be wrong with an answer. */
    public static final String MISSING = "missing";
    public static final String NOT_A_CHOICE = "not_a_choice";
    public static final String ONE_ONLY = "one_only";
    public static final String NOT_A_NUMBER = "not_a_number";
    public static final String NOT_A_DATE = "not_a_date";
    public static final String NOT_A_TIME = "not_a_time";
    public static final String NOT_A_DATE_TIME = "not_a_date_time";
    public static final String OUT_OF_RANGE = "out_of_range";
    /** A date's year outside {@link #FIRST_YEAR} to {@link #LAST_YEAR} (a date-time's, to 5999: see ClockReadings). */
    public static final String YEAR_OUT_OF_RANGE = "year_out_of_range";
    public static final String TOO_LONG = "too_long";
    /** Badly percent-encoded, or holding a NUL (which PostgreSQL cannot store). */
    public static final String UNREADABLE = "unreadable";
    /** The answer breaks the question's constraint. */
    public static final String CONSTRAINT = "constraint";
    /** An answer to a question the respondent was not asked (its relevance is false). */
    public static final String NOT_RELEVANT = "not_relevant";

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

        /**
         * What is wrong, for an answers file and an OpenRosa submission, said where it is shown: the form's message
         * as written (it is in the respondent's language already), else Beacon's short text for the code
         * ({@code issue.*} in refusals*.properties).
         */
        public Reason reason() {
            return message != null ? Reason.of("issue.as-written", message) : Reason.of("issue." + code);
        }

        /** {@link #reason()} for an answer to this question: a decimal question is not asked for a whole number. */
        public Reason reason(SurveyForm.Question question) {
            if (message == null && code.equals(NOT_A_NUMBER) && !question.kind().equals(SurveyQuestion.INTEGER)) {
                return Reason.of("issue.not_a_decimal");
            }
            return reason();
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

    /** One answer as checked by Beacon: what goes into its slot, and the text the form's engine is given. */
    private record Given(Integer packed, String text, String engineText) {
    }

    /**
     * @param values the raw values given for a question's field ({@code grp/q1}; several for a multiple choice);
     *     blanks are unanswered
     * @param language the respondent's language (a BCP-47 tag of the form), for the form's own messages
     */
    public static Outcome read(SurveyForm form, Function<String, List<String>> values, String language,
            int maxTextLength) {
        try (FormSession session = form.engine().start()) {
            return read(form, session, values, language, maxTextLength);
        }
    }

    /**
     * Many respondents' answers to one form, as in an uploaded file. Starting a session initializes the form's logic
     * on a fresh instance; a file of 10,000 rows reuses one session instead, which is exact because every
     * row answers or clears every question before it is judged. A form using {@code once()} keeps a fresh session
     * per row, since once() keeps the first value it computed.
     */
    public static final class Batch {
        private final SurveyForm form;
        private final boolean reuse;
        private FormSession session;

        private Batch(SurveyForm form) {
            this.form = form;
            this.reuse = answersCanBeJudgedAgain(form);
        }

        public Outcome read(Function<String, List<String>> values, String language, int maxTextLength) {
            if (session == null || !reuse) {
                session = form.engine().start();
            }
            return AnswerSheet.read(form, session, values, language, maxTextLength);
        }
    }

    public static Batch batch(SurveyForm form) {
        return new Batch(form);
    }

    /**
     * Whether a session that already holds answers judges new ones exactly as a fresh session would, once every
     * question has been answered or cleared again (see {@code FormEngine.answersCanBeSetAgain}).
     */
    static boolean answersCanBeJudgedAgain(SurveyForm form) {
        return form.xform() == null || form.engine().answersCanBeSetAgain();
    }

    /**
     * Judges answers on a session that may already hold some: every question the form's answer sheet covers is
     * answered or cleared again first (see {@link #answersCanBeJudgedAgain}), so only a question outside it keeps
     * what the session held.
     */
    static Outcome read(SurveyForm form, FormSession session, Function<String, List<String>> values,
            String language, int maxTextLength) {
        Set<String> controls = new HashSet<>(session.questions());
        Map<String, Issue> problems = new LinkedHashMap<>();
        Map<String, Given> given = new HashMap<>();
        for (SurveyForm.Question question : form.answerable()) {
            if (!controls.contains(question.path())) {
                continue; // a calculation: the engine computes it, whatever was sent
            }
            List<String> raw = new ArrayList<>();
            boolean unreadable = false;
            for (String value : Optional.ofNullable(values.apply(question.field())).orElse(List.of())) {
                if (value == null || UntrustedText.containsNul(value)) {
                    // A null value is one that could not be read (see PostedFields.read).
                    unreadable = true;
                } else if (!value.isBlank()) {
                    raw.add(value);
                }
            }
            if (unreadable) {
                session.answer(question.path(), null);
                problems.put(question.field(), Issue.of(UNREADABLE));
                continue;
            }
            if (raw.isEmpty()) {
                // left empty, even where the form has a default: whether it had to be answered is the engine's to
                // say (required, relevant)
                session.answer(question.path(), null);
                continue;
            }
            Object checked = check(question, raw, maxTextLength);
            if (checked instanceof String code) {
                session.answer(question.path(), null);
                problems.put(question.field(), Issue.of(code));
                continue;
            }
            Given answer = (Given) checked;
            if (!session.answer(question.path(), answer.engineText())) {
                problems.put(question.field(), Issue.of(question.isChoice() ? NOT_A_CHOICE : notAValue(question)));
                continue;
            }
            given.put(question.path(), answer);
        }
        for (FormSession.Violation violation : session.violations(language)) {
            form.questionAt(violation.path()).ifPresent(question -> problems.putIfAbsent(question.field(),
                    issue(question, violation)));
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        Integer[] packed = new Integer[form.slotCount()];
        Map<Long, String> texts = new LinkedHashMap<>();
        List<Integer> notAsked = new ArrayList<>();
        for (SurveyForm.Question question : form.answerable()) {
            int slot = question.slot() - 1;
            if (controls.contains(question.path())) {
                if (!session.isRelevant(question.path())) {
                    notAsked.add(question.slot());
                    continue;
                }
                Given answer = given.get(question.path());
                if (answer != null) {
                    packed[slot] = answer.packed();
                    if (answer.text() != null) {
                        texts.put(question.id(), answer.text());
                    }
                }
            } else {
                // a calculation named in the results: stored as the engine computed it
                String value = session.value(question.path());
                if (value.isBlank()) {
                    continue;
                }
                Object computed = check(question, List.of(value), Integer.MAX_VALUE);
                if (computed instanceof Given answer) {
                    packed[slot] = answer.packed();
                    if (answer.text() != null) {
                        texts.put(question.id(), answer.text().length() > maxTextLength
                                ? answer.text().substring(0, maxTextLength) : answer.text());
                    }
                }
            }
        }
        return new Outcome(new Answers(packed, texts, background(form, packed, SurveyQuestion.AGE_BAND),
                background(form, packed, SurveyQuestion.GENDER), background(form, packed, SurveyQuestion.REGION),
                knowledgeScore(form, packed), notAsked.stream().mapToInt(Integer::intValue).toArray()), problems);
    }

    private static Issue issue(SurveyForm.Question question, FormSession.Violation violation) {
        String message = violation.message() == null || FormSession.isDefaultMessage(violation.message()) ? null
                : violation.message();
        return switch (violation.problem()) {
            case REQUIRED -> new Issue(MISSING, message);
            case CONSTRAINT -> new Issue(CONSTRAINT, message);
            case NOT_RELEVANT -> Issue.of(NOT_RELEVANT);
            case UNKNOWN_CHOICE -> Issue.of(NOT_A_CHOICE);
            case NOT_A_VALUE -> Issue.of(notAValue(question));
        };
    }

    /** What an answer the form's engine cannot read is not, by the kind of question. */
    private static String notAValue(SurveyForm.Question question) {
        return switch (question.kind()) {
            case SurveyQuestion.DATE -> NOT_A_DATE;
            case SurveyQuestion.TIME -> NOT_A_TIME;
            case SurveyQuestion.DATE_TIME -> NOT_A_DATE_TIME;
            default -> NOT_A_NUMBER;
        };
    }

    /** Beacon's own checks of an answer: a {@link Given} when it can be stored, else the code of the problem. */
    private static Object check(SurveyForm.Question question, List<String> raw, int maxTextLength) {
        switch (question.kind()) {
            case SurveyQuestion.MULTIPLE -> {
                int mask = 0;
                List<String> names = new ArrayList<>();
                for (String value : raw) {
                    // a file cell or an ODK answer holds all the choices, space-separated
                    for (String name : value.trim().split("\\s+")) {
                        Optional<SurveyForm.Choice> choice = question.choice(name);
                        if (choice.isEmpty()) {
                            return NOT_A_CHOICE;
                        }
                        mask |= 1 << (choice.get().position() - 1);
                        names.add(name);
                    }
                }
                return new Given(mask, null, String.join(" ", names));
            }
            case SurveyQuestion.INTEGER -> {
                if (raw.size() > 1) {
                    return ONE_ONLY;
                }
                try {
                    long number = Long.parseLong(raw.get(0).trim());
                    if (Math.abs(number) > INTEGER_LIMIT) {
                        return OUT_OF_RANGE;
                    }
                    return new Given((int) number, null, Long.toString(number));
                } catch (NumberFormatException e) {
                    return NOT_A_NUMBER;
                }
            }
            case SurveyQuestion.DECIMAL, SurveyQuestion.CALCULATE -> {
                if (raw.size() > 1) {
                    return ONE_ONLY;
                }
                try {
                    BigDecimal number = new BigDecimal(raw.get(0).trim());
                    if (number.abs().compareTo(BigDecimal.valueOf(INTEGER_LIMIT)) > 0) {
                        return OUT_OF_RANGE;
                    }
                    BigDecimal stored = number.setScale(DECIMAL_PLACES, RoundingMode.HALF_UP);
                    return new Given(stored.unscaledValue().intValueExact(), null, stored.toPlainString());
                } catch (NumberFormatException | ArithmeticException e) {
                    // (a calculation that gives no number, e.g. NaN from an empty answer, is stored as no answer)
                    return NOT_A_NUMBER;
                }
            }
            case SurveyQuestion.DATE -> {
                if (raw.size() > 1) {
                    return ONE_ONLY;
                }
                try {
                    // ODK sends a date as 2026-12-05; a date-time from a calculation keeps its date
                    String text = raw.get(0).trim();
                    LocalDate date = LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T'
                            ? text.substring(0, 10) : text);
                    if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                        return YEAR_OUT_OF_RANGE;
                    }
                    return new Given((int) date.toEpochDay(), null, date.toString());
                } catch (DateTimeParseException e) {
                    return NOT_A_DATE;
                }
            }
            case SurveyQuestion.TIME -> {
                if (raw.size() > 1) {
                    return ONE_ONLY;
                }
                LocalTime time = ClockReadings.time(raw.get(0).trim());
                return time == null ? NOT_A_TIME : new Given(ClockReadings.stored(time), null, time.toString());
            }
            case SurveyQuestion.DATE_TIME -> {
                if (raw.size() > 1) {
                    return ONE_ONLY;
                }
                // 2026-12-05T14:30 from the page, 2026-12-05T14:30:00.000+02:00 from ODK: stored as the respondent's
                // clock showed it, given to the engine with its offset (see ClockReadings.offset)
                String text = raw.get(0).trim();
                LocalDateTime moment = ClockReadings.dateTime(text);
                if (moment == null) {
                    return NOT_A_DATE_TIME;
                }
                if (moment.getYear() < FIRST_YEAR || moment.getYear() > ClockReadings.LAST_DATE_TIME_YEAR) {
                    return YEAR_OUT_OF_RANGE;
                }
                return new Given(ClockReadings.stored(moment), null,
                        moment.toLocalDate() + "T" + moment.toLocalTime() + ":00.000" + ClockReadings.offset(text));
            }
            case SurveyQuestion.TEXT -> {
                String text = String.join("\n", raw);
                if (text.length() > maxTextLength) {
                    return TOO_LONG;
                }
                return new Given(1, text, text);
            }
            default -> {
                if (!question.isChoice()) {
                    return NOT_A_CHOICE;
                }
                if (raw.size() > 1) {
                    return ONE_ONLY;
                }
                Optional<SurveyForm.Choice> choice = question.choice(raw.get(0).trim());
                if (choice.isEmpty()) {
                    return NOT_A_CHOICE;
                }
                return new Given(choice.get().position(), null, choice.get().name());
            }
        }
    }

    private static int background(SurveyForm form, Integer[] packed, String role) {
        return form.withRole(role).map(q -> packed[q.slot() - 1]).map(v -> v == null ? 0 : v).orElse(0);
    }

    /**
     * The credit earned on the knowledge items, in the survey's score unit ({@link SurveyForm#scoreUnit()}: a point
     * per right answer, or halves or quarters when some option earns part credit); none when the respondent
     * answered no knowledge item. QuestionSettings rescores stored responses by the same rule.
     */
    private static Integer knowledgeScore(SurveyForm form, Integer[] packed) {
        int unit = form.scoreUnit();
        int answered = 0;
        int score = 0;
        for (SurveyForm.Question item : form.knowledgeItems()) {
            Integer answer = packed[item.slot() - 1];
            if (answer != null) {
                answered++;
                score += item.credit(answer) / unit;
            }
        }
        return answered == 0 ? null : score;
    }
}
