package org.beacon.campaign.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.campaign.audit.AuditLog;
import org.beacon.campaign.campaign.Campaign;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * What each question of a survey stands for in the results, as its manager marks it (issue 13, point 3): knowledge
 * items with their right answer and any part credit, background questions (the age band, gender and region
 * dimensions, or another background question), the channel question, reverse-worded Likert items. An XLSForm's
 * {@code beacon_*} columns set the same at import. Changing them after answers exist rescores every stored response
 * and rebuilds the rollup from the responses, in the transaction that changes them.
 */
@ApplicationScoped
public class QuestionSettings {

    /** What a question is used as: nothing particular, a knowledge item, or one of the roles. */
    public static final String PLAIN = "";
    public static final String KNOWLEDGE = "knowledge";
    /**
     * A single-choice question marked as a Likert item: a plain XLSForm's 1-5 agreement scale (choices named 1 to
     * 5, in that order) without ODK's likert appearance or Beacon's beacon_kind (issue 13, point 3).
     */
    public static final String LIKERT = SurveyQuestion.LIKERT;
    /** A Likert item unmarked: a plain single-choice question again. For a Likert item, {@link #PLAIN} keeps it one. */
    public static final String SINGLE = SurveyQuestion.SINGLE;
    /** The uses a single-choice question may have. */
    public static final List<String> SINGLE_USES = List.of(PLAIN, KNOWLEDGE, SurveyQuestion.AGE_BAND,
            SurveyQuestion.GENDER, SurveyQuestion.REGION, SurveyQuestion.BACKGROUND, SurveyQuestion.CHANNEL);
    /** The uses a multiple-choice question may have. */
    public static final List<String> MULTIPLE_USES = List.of(PLAIN, SurveyQuestion.CHANNEL);
    /** Part credit in percent of a right answer: quarters only, so scores stay few classes (V35). */
    public static final List<Integer> CREDITS = List.of(25, 50, 75);
    /** Roles at most one question of a survey has. */
    private static final Set<String> SINGLE_ROLES = Set.of(SurveyQuestion.AGE_BAND, SurveyQuestion.GENDER,
            SurveyQuestion.REGION, SurveyQuestion.CHANNEL);

    /**
     * The setting of one question.
     *
     * @param question the question's field (its name, or group/name inside a group)
     * @param use {@link #PLAIN}, {@link #KNOWLEDGE} or a role
     * @param answer the right answer's choice name, for a knowledge item
     * @param credits part credit in percent by choice name, for a knowledge item's other options
     * @param reversed a reverse-worded Likert item
     */
    public record Setting(String question, String use, String answer, Map<String, Integer> credits,
            boolean reversed) {
    }

    /** Why a setting is refused; {@code code} names the message, {@code question} the question's field. */
    public record Problem(String question, String code, String other) {

        public static final String UNKNOWN_QUESTION = "unknown_question";
        public static final String UNKNOWN_USE = "unknown_use";
        public static final String KNOWLEDGE_NOT_SINGLE = "knowledge_not_single";
        public static final String NO_RIGHT_ANSWER = "no_right_answer";
        public static final String BAD_CREDIT = "bad_credit";
        public static final String BACKGROUND_NOT_SINGLE = "background_not_single";
        public static final String CHANNEL_NOT_CHOICE = "channel_not_choice";
        public static final String ROLE_TWICE = "role_twice";
        public static final String GENDER_WITHOUT_PREFER_NOT = "gender_without_prefer_not";
        public static final String REVERSED_NOT_LIKERT = "reversed_not_likert";

        private static final Map<String, String> ENGLISH = Map.of(
                UNKNOWN_QUESTION, "there is no such question in this survey",
                UNKNOWN_USE, "this is not a use a question of its kind can have",
                KNOWLEDGE_NOT_SINGLE, "a knowledge item is a single-choice question (select_one)",
                NO_RIGHT_ANSWER, "a knowledge item needs its right answer, one of its choices",
                BAD_CREDIT, "part credit is 25, 50 or 75 % and goes to an option of the item other than the right answer",
                BACKGROUND_NOT_SINGLE, "a background question is a single-choice question (select_one)",
                CHANNEL_NOT_CHOICE, "the channel question is a single- or multiple-choice question",
                ROLE_TWICE, "has the same role as another question; each of age band, gender, region and channel "
                        + "belongs to one question",
                GENDER_WITHOUT_PREFER_NOT, "the gender question must offer \"prefer not to say\" (a choice named "
                        + "prefer_not...)",
                REVERSED_NOT_LIKERT, "only a Likert item (choices 1 to 5) can be reverse-worded");

        /** The problem in English, naming the question, as the API reports it. */
        public String english() {
            return question + ": " + ENGLISH.get(code) + (other == null ? "" : " (" + other + ")");
        }
    }

    /** Settings refused: nothing was changed. A 400 naming each question and what is wrong with it. */
    public static final class Refused extends ProblemException {
        private final transient List<Problem> problems;

        Refused(List<Problem> problems) {
            super(400, "Invalid input", Reason.of("settings.refused"),
                    problems.stream().map(Problem::english).toList());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** What a change did: whether anything changed, and how many stored responses were rescored. */
    public record Outcome(boolean changed, int rescored) {
    }

    @Inject
    SurveyService surveys;

    @Inject
    ResponseStore responses;

    @Inject
    Event<ResponsesRescored> responsesRescored;

    @Inject
    Event<SurveyChanged> surveyChanged;

    @Inject
    AuditLog audit;

    /** The questions that have settings: those with choices that collect an answer. */
    public static boolean hasSettings(SurveyQuestion question) {
        return question.slot != null && usesOf(question) != null;
    }

    /**
     * The uses a question may have; null when it has none to choose (numbers, texts). A single-choice question on a
     * 1-5 scale may also be a Likert item; a Likert item stays one ({@link #PLAIN}) or becomes a plain single-choice
     * question ({@link #SINGLE}).
     */
    public static List<String> usesOf(SurveyQuestion question) {
        return switch (question.kind) {
            case SurveyQuestion.SINGLE, SurveyQuestion.KNOWLEDGE -> isOneToFive(question)
                    ? Stream.concat(SINGLE_USES.stream(), Stream.of(LIKERT)).toList()
                    : SINGLE_USES;
            case SurveyQuestion.MULTIPLE -> MULTIPLE_USES;
            case SurveyQuestion.LIKERT -> List.of(PLAIN, SINGLE);
            default -> null;
        };
    }

    /** Choices named 1 to 5 in that order: a Likert item's means read the answer's position as its point. */
    static boolean isOneToFive(SurveyQuestion question) {
        if (question.choices.size() != 5) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            if (!question.choices.get(i).name.equals(Integer.toString(i + 1))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the question is a Likert item once the setting is stored. */
    private static boolean likertAfter(SurveyQuestion question, String use) {
        return use.equals(LIKERT) || (question.kind.equals(SurveyQuestion.LIKERT) && use.equals(PLAIN));
    }

    /**
     * Whether the survey has neither a knowledge item nor a background question marked, so its results have no
     * knowledge score and no breakdown (a form imported without Beacon's columns, until its manager marks it).
     */
    public static boolean unmarked(SurveyForm form) {
        return form.knowledgeItems().isEmpty() && form.questions().stream().noneMatch(q -> q.role() != null
                && !q.role().equals(SurveyQuestion.CHANNEL));
    }

    /** The current setting of a question. */
    public static Setting of(SurveyQuestion question) {
        String use = question.kind.equals(SurveyQuestion.KNOWLEDGE) ? KNOWLEDGE
                : question.role == null ? PLAIN : question.role;
        String answer = question.answerKey == null ? null : question.choices.get(question.answerKey - 1).name;
        Map<String, Integer> credits = new LinkedHashMap<>();
        question.choices.stream().filter(c -> c.credit != null).forEach(c -> credits.put(c.name, c.credit));
        return new Setting(field(question), use, answer, credits, question.reversed);
    }

    /**
     * Replaces the settings of the questions named (others keep theirs). Refused as a whole, changing nothing, when
     * any is invalid; when anything changed, the stored responses are rescored and the rollup rebuilt, and the change
     * is audited, all in this transaction.
     */
    @Transactional
    public Outcome change(long surveyId, List<Setting> settings) {
        // Two changes of one survey's settings run one after the other, each reading what the other stored.
        SurveyQueries.lock(surveyId);
        Survey survey = surveys.find(surveyId);
        Map<String, SurveyQuestion> byField = new HashMap<>();
        for (SurveyQuestion question : survey.questions) {
            byField.put(field(question), question);
        }
        Map<SurveyQuestion, Setting> wanted = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Setting setting : settings) {
            SurveyQuestion question = byField.get(setting.question());
            if (question == null || !hasSettings(question)) {
                problems.add(new Problem(setting.question(), Problem.UNKNOWN_QUESTION, null));
                continue;
            }
            wanted.put(question, setting);
        }
        for (SurveyQuestion question : survey.questions) {
            if (hasSettings(question)) {
                wanted.putIfAbsent(question, of(question));
            }
        }
        Map<String, SurveyQuestion> roles = new HashMap<>();
        wanted.forEach((question, setting) -> check(question, setting, roles, problems));
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        List<AuditSummary> changes = new ArrayList<>();
        wanted.forEach((question, setting) -> {
            if (!normalised(question, setting).equals(of(question))) {
                apply(question, setting);
                changes.add(describe(field(question), setting));
            }
        });
        if (changes.isEmpty()) {
            return new Outcome(false, 0);
        }
        survey.settingsRevision++;
        Survey.flush();
        surveyChanged.fire(new SurveyChanged(survey.id));
        int rescored = responses.rescore(survey.id, slotOf(survey, SurveyQuestion.AGE_BAND),
                slotOf(survey, SurveyQuestion.GENDER), slotOf(survey, SurveyQuestion.REGION), scoreUnit(survey));
        responsesRescored.fire(new ResponsesRescored(survey.id));
        audit.record("survey-question-settings", SurveyService.AUDIT_SUBJECT, survey.id,
                Campaign.<Campaign>findById(survey.campaignId).organization,
                AuditSummary.of("survey.question-settings-changed", survey.slug, changes, rescored));
        return new Outcome(true, rescored);
    }

    private static void check(SurveyQuestion question, Setting setting, Map<String, SurveyQuestion> roles,
            List<Problem> problems) {
        String field = field(question);
        String use = setting.use() == null ? PLAIN : setting.use();
        if (question.kind.equals(SurveyQuestion.LIKERT) && use.equals(LIKERT)) {
            use = PLAIN; // a Likert item named as one stays one
        }
        if (!usesOf(question).contains(use)) {
            problems.add(new Problem(field, switch (use) {
                case KNOWLEDGE -> Problem.KNOWLEDGE_NOT_SINGLE;
                case SurveyQuestion.AGE_BAND, SurveyQuestion.GENDER, SurveyQuestion.REGION,
                        SurveyQuestion.BACKGROUND -> Problem.BACKGROUND_NOT_SINGLE;
                case SurveyQuestion.CHANNEL -> Problem.CHANNEL_NOT_CHOICE;
                default -> Problem.UNKNOWN_USE;
            }, null));
            return;
        }
        if (setting.reversed() && !likertAfter(question, use)) {
            problems.add(new Problem(field, Problem.REVERSED_NOT_LIKERT, null));
        }
        if (use.equals(KNOWLEDGE)) {
            if (setting.answer() == null || choice(question, setting.answer()) == null) {
                problems.add(new Problem(field, Problem.NO_RIGHT_ANSWER, null));
            }
            Map<String, Integer> credits = setting.credits() == null ? Map.of() : setting.credits();
            credits.forEach((name, credit) -> {
                if (choice(question, name) == null || name.equals(setting.answer()) || !CREDITS.contains(credit)) {
                    problems.add(new Problem(field, Problem.BAD_CREDIT, name + " " + credit + " %"));
                }
            });
        }
        if (SINGLE_ROLES.contains(use)) {
            SurveyQuestion earlier = roles.putIfAbsent(use, question);
            if (earlier != null) {
                problems.add(new Problem(field, Problem.ROLE_TWICE, field(earlier)));
            }
        }
        if (use.equals(SurveyQuestion.GENDER) && question.choices.stream().noneMatch(c -> c.name.startsWith("prefer_not"))) {
            problems.add(new Problem(field, Problem.GENDER_WITHOUT_PREFER_NOT, null));
        }
    }

    /** A valid setting as it would read back once stored: answer and credits only for a knowledge item. */
    private static Setting normalised(SurveyQuestion question, Setting setting) {
        String use = setting.use() == null ? PLAIN : setting.use();
        if (question.kind.equals(SurveyQuestion.LIKERT) && use.equals(LIKERT)) {
            use = PLAIN;
        }
        boolean knowledge = use.equals(KNOWLEDGE);
        Map<String, Integer> credits = new LinkedHashMap<>();
        if (knowledge && setting.credits() != null) {
            // in choice order, as of() lists them
            question.choices.stream().filter(c -> setting.credits().containsKey(c.name))
                    .forEach(c -> credits.put(c.name, setting.credits().get(c.name)));
        }
        return new Setting(field(question), use, knowledge ? setting.answer() : null, credits, setting.reversed());
    }

    private static void apply(SurveyQuestion question, Setting setting) {
        Setting s = normalised(question, setting);
        boolean choiceQuestion = question.kind.equals(SurveyQuestion.SINGLE)
                || question.kind.equals(SurveyQuestion.KNOWLEDGE) || question.kind.equals(SurveyQuestion.LIKERT);
        if (choiceQuestion) {
            // a knowledge item and a Likert item are single choices read differently: their stored answers (the
            // chosen position) mean the same either way, so the rescore and the rebuilt rollup read them anew
            question.kind = s.use().equals(KNOWLEDGE) ? SurveyQuestion.KNOWLEDGE
                    : likertAfter(question, s.use()) ? SurveyQuestion.LIKERT : SurveyQuestion.SINGLE;
        }
        question.role = List.of(PLAIN, KNOWLEDGE, LIKERT, SINGLE).contains(s.use()) ? null : s.use();
        question.answerKey = s.answer() == null ? null : choice(question, s.answer()).position;
        for (SurveyChoice choice : question.choices) {
            choice.credit = s.credits().get(choice.name);
        }
        question.reversed = s.reversed();
    }

    /** A question's new setting as the audit log says it: its use, its answer and credits, reverse-wording. */
    private static AuditSummary describe(String field, Setting setting) {
        String use = setting.use() == null || setting.use().isEmpty() ? "plain" : setting.use();
        AuditSummary described = AuditSummary.word("use." + use);
        if (KNOWLEDGE.equals(setting.use())) {
            List<AuditSummary> credits = new ArrayList<>();
            if (setting.credits() != null) {
                setting.credits().forEach((name, credit) -> credits.add(AuditSummary.of("setting.credit", name,
                        credit)));
            }
            described = credits.isEmpty() ? AuditSummary.of("setting.knowledge", setting.answer())
                    : AuditSummary.of("setting.knowledge-credits", setting.answer(), credits);
        }
        return AuditSummary.of(setting.reversed() ? "setting.reversed" : "setting", field, described);
    }

    private static SurveyChoice choice(SurveyQuestion question, String name) {
        return question.choices.stream().filter(c -> Objects.equals(c.name, name)).findFirst().orElse(null);
    }

    private static Integer slotOf(Survey survey, String role) {
        return survey.questions.stream().filter(q -> role.equals(q.role)).map(q -> q.slot).findFirst().orElse(null);
    }

    /** {@link SurveyForm#scoreUnit()} of the settings about to be stored. */
    private static int scoreUnit(Survey survey) {
        return SurveyForm.scoreUnit(survey.questions.stream().filter(q -> q.kind.equals(SurveyQuestion.KNOWLEDGE))
                .flatMap(q -> q.choices.stream()).map(c -> c.credit));
    }

    static String field(SurveyQuestion question) {
        return SurveyForm.field(question.name, question.path);
    }
}
