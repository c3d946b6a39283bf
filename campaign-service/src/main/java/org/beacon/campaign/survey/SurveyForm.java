package org.beacon.campaign.survey;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.beacon.campaign.survey.odk.FormEngine;
import org.beacon.commons.i18n.Languages;

/**
 * An immutable snapshot of a survey definition with what answering and results need to know about its campaign.
 * Cached per revision, so the public form and every submission cost no definition queries.
 *
 * @param xform the survey as an ODK XForm: what the form asks, skips, refuses and computes ({@link #engine()})
 */
public record SurveyForm(long id, int revision, String slug, long campaignId, String campaignSlug,
        String organization, String title, String defaultLanguage, List<String> languages, Map<String, String> consent,
        List<Question> questions, String xform) {

    /**
     * Engines by XForm text. Loading one costs tens of milliseconds, so it is done once per snapshot (snapshots are
     * cached per revision); the key is weak, so an engine goes when no snapshot holds its XForm any more.
     */
    private static final Map<String, FormEngine> ENGINES = Collections.synchronizedMap(new WeakHashMap<>());

    /** A snapshot without an XForm: {@link #engine()} converts one from its questions when asked. */
    public SurveyForm(long id, int revision, String slug, long campaignId, String campaignSlug, String organization,
            String title, String defaultLanguage, List<String> languages, Map<String, String> consent,
            List<Question> questions) {
        this(id, revision, slug, campaignId, campaignSlug, organization, title, defaultLanguage, languages, consent,
                questions, null);
    }

    /**
     * @param path the question's node in the XForm instance ({@code /data/grp/q1})
     * @param conditional whether the question or a group around it has a relevant rule, so it may be not asked
     * @param reversed a negatively worded Likert item, whose means count answer 1 as 5 and 5 as 1
     */
    public record Question(long id, String name, String kind, String role, boolean required, Integer slot,
            Map<String, String> label, Map<String, String> hint, Integer answerKey, List<Choice> choices, String path,
            boolean conditional, boolean reversed) {

        public Question(long id, String name, String kind, String role, boolean required, Integer slot,
                Map<String, String> label, Map<String, String> hint, Integer answerKey, List<Choice> choices,
                String path, boolean conditional) {
            this(id, name, kind, role, required, slot, label, hint, answerKey, choices, path, conditional, false);
        }

        /** A top-level question that is always asked, as every question was before forms had groups and logic. */
        public Question(long id, String name, String kind, String role, boolean required, Integer slot,
                Map<String, String> label, Map<String, String> hint, Integer answerKey, List<Choice> choices) {
            this(id, name, kind, role, required, slot, label, hint, answerKey, choices, "/data/" + name, false);
        }

        /**
         * The name of the question's form field and CSV column: its path below the instance root ({@code grp/q1};
         * just the name for a question outside groups).
         */
        public String field() {
            return SurveyForm.field(name, path);
        }

        public boolean collectsAnswer() {
            return slot != null;
        }

        public boolean isChoice() {
            return !choices.isEmpty();
        }

        /** Counts of a single-answer question add up to the number who answered it. */
        public boolean isSingleAnswer() {
            return kind.equals(SurveyQuestion.SINGLE) || kind.equals(SurveyQuestion.LIKERT)
                    || kind.equals(SurveyQuestion.KNOWLEDGE) || kind.equals(SurveyQuestion.ACKNOWLEDGE);
        }

        public Optional<Choice> choice(String name) {
            return choices.stream().filter(c -> c.name().equals(name)).findFirst();
        }

        /**
         * The label as it reads outside one respondent's form: the results, their CSV and JSON, the manager's
         * pages ({@link #aggregateText}).
         */
        public String label(String language, String fallback) {
            return aggregateText(label, language, fallback);
        }

        /** The credit, in percent of a right answer, that choosing this position earns on a knowledge item. */
        public int credit(int position) {
            if (answerKey != null && answerKey == position) {
                return FULL_CREDIT;
            }
            return choices.stream().filter(c -> c.position() == position && c.credit() != null).findFirst()
                    .map(Choice::credit).orElse(0);
        }
    }

    /** @param credit part credit of a knowledge item's option, in percent of a right answer; null for none */
    public record Choice(int position, String name, Map<String, String> label, Integer credit) {

        public Choice(int position, String name, Map<String, String> label) {
            this(position, name, label, null);
        }

        public String label(String language, String fallback) {
            return aggregateText(label, language, fallback);
        }
    }

    /** The credit of a right answer, in percent. */
    public static final int FULL_CREDIT = 100;

    /**
     * What one unit of a stored knowledge score is worth, in percent of a point: 100 (whole points) unless some
     * option earns part credit, then 50 or 25, so that every score is a whole number of units (V35).
     */
    public int scoreUnit() {
        return scoreUnit(knowledgeItems().stream().flatMap(q -> q.choices().stream()).map(Choice::credit));
    }

    /** The score unit given the part credits of the knowledge items' options (nulls for none). */
    public static int scoreUnit(Stream<Integer> credits) {
        return credits.filter(Objects::nonNull).reduce(FULL_CREDIT,
                (unit, credit) -> BigInteger.valueOf(unit).gcd(BigInteger.valueOf(credit)).intValue());
    }

    /** A question's form field: its path below the instance root ({@code grp/q1}), its name outside groups. */
    static String field(String name, String path) {
        int root = path.indexOf('/', 1);
        return root < 0 ? name : path.substring(root + 1);
    }

    public List<Question> answerable() {
        return questions.stream().filter(Question::collectsAnswer).toList();
    }

    public int slotCount() {
        return (int) questions.stream().filter(Question::collectsAnswer).count();
    }

    /** The first question with this name; names repeat only in different groups (see {@link #questionAt}). */
    public Optional<Question> question(String name) {
        return questions.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    /** The question at an XForm instance path ({@code /data/grp/q1}). */
    public Optional<Question> questionAt(String path) {
        return questions.stream().filter(q -> q.path().equals(path)).findFirst();
    }

    /** The question whose form field (path below the root, {@link Question#field()}) this is. */
    public Optional<Question> questionOfField(String field) {
        return questions.stream().filter(q -> q.field().equals(field)).findFirst();
    }

    /**
     * ODK's engine for this form, loaded once per snapshot; {@code engine().start()} for each respondent. A snapshot
     * built without an XForm (only in tests; SurveyForms always gives one) converts its questions each time.
     */
    public FormEngine engine() {
        String text = xform != null ? xform
                : StoredQuestionsXForm.of(slug, title, defaultLanguage, languages, questions);
        return ENGINES.computeIfAbsent(text, FormEngine::load);
    }

    /** Drops the idle copies of this snapshot's form, replaced by a new version with another XForm. */
    void retireEngine() {
        FormEngine engine = xform == null ? null : ENGINES.get(xform);
        if (engine != null) {
            engine.retire();
        }
    }

    public Optional<Question> withRole(String role) {
        return questions.stream().filter(q -> role.equals(q.role())).findFirst();
    }

    public List<Question> knowledgeItems() {
        return questions.stream().filter(q -> q.kind().equals(SurveyQuestion.KNOWLEDGE)).toList();
    }

    /**
     * The survey language to show: the one asked for if the survey has it, else the same primary language (fr for
     * fr-SN), else the default language.
     */
    public String language(String requested) {
        if (requested != null && !requested.isBlank()) {
            String wanted = requested.trim();
            for (String language : languages) {
                if (language.equalsIgnoreCase(wanted)) {
                    return language;
                }
            }
            String primary = wanted.split("-")[0];
            for (String language : languages) {
                if (language.split("-")[0].equalsIgnoreCase(primary)) {
                    return language;
                }
            }
        }
        return defaultLanguage;
    }

    /** The interface language for a survey language: the same when Beacon's interface speaks it, else English. */
    public static String interfaceLanguage(String surveyLanguage) {
        String supported = Languages.supported(surveyLanguage);
        return supported == null ? Languages.DEFAULT : supported;
    }

    /** An XLSForm label reference, {@code ${people_told}}: the public form writes the respondent's answer there. */
    private static final Pattern LABEL_REFERENCE = Pattern.compile("\\$\\{[^}]*}");

    /** What stands for a referenced answer outside one respondent's form. */
    public static final String REFERENCED_ANSWER = "…";

    /**
     * A text as it reads outside one respondent's form, where the answer a label reference names is not one answer
     * but many: each {@code ${name}} becomes "…" ("Number of people you told: …. Who were they?"), which reads as
     * the blank it is in any language, where the referenced question's own label would make a sentence of two. The
     * form's styling ({@code **strong**}, links, see {@link LabelMarkup}) is left out: results, files and the
     * manager's pages show the words.
     */
    static String aggregateText(Map<String, String> texts, String language, String fallback) {
        return LabelMarkup.toPlain(LABEL_REFERENCE.matcher(text(texts, language, fallback)).replaceAll(REFERENCED_ANSWER));
    }

    static String text(Map<String, String> texts, String language, String fallback) {
        String text = texts.get(language);
        if (text == null || text.isEmpty()) {
            text = texts.get(fallback);
        }
        return text == null ? "" : text;
    }
}
