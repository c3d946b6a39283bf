package org.beacon.campaign.survey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.beacon.campaign.input.InputLimits;
import org.beacon.campaign.survey.SurveyDraft.ChoiceDraft;
import org.beacon.campaign.survey.SurveyDraft.QuestionDraft;
import org.beacon.campaign.survey.odk.ConvertedForm;
import org.beacon.campaign.survey.odk.FormProblem;
import org.beacon.campaign.survey.odk.XlsFormConverter;
import org.beacon.campaign.survey.odk.XlsFormRefused;
import org.beacon.campaign.survey.odk.XlsFormRows;
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.Reason;

/**
 * Imports an XLSForm (https://xlsform.org) as a Beacon survey: its sheets are read as XLSForm rows
 * ({@link XlsFormRows}), converted to an ODK XForm ({@link XlsFormConverter}, which refuses what Beacon cannot
 * honour), and Beacon's question model (what results count) is derived from the same converted questions, with
 * Beacon's own columns {@code beacon_kind} and {@code beacon_answer} (content/README.md). One reader: whatever the
 * XForm asks is what the question model holds, by the same instance paths.
 */
public final class XlsForm {

    public static final String SURVEY = XlsFormRows.SURVEY;
    public static final String CHOICES = XlsFormRows.CHOICES;
    public static final String SETTINGS = XlsFormRows.SETTINGS;

    /** Beyond this a bit mask no longer fits the packed answer. */
    static final int MAX_MULTIPLE_CHOICES = 31;

    private static final Set<String> KINDS = Set.of("likert", "knowledge", "background", "channel", "result");
    private static final Set<String> BACKGROUND = Set.of(SurveyQuestion.AGE_BAND, SurveyQuestion.GENDER,
            SurveyQuestion.REGION);
    private static final Set<String> YES = Set.of("yes", "true", "true()", "1");
    private static final Set<String> NO = Set.of("no", "false", "false()", "0");
    private static final int MAX_LABEL = 2000;
    /** Lengths of the columns a survey is stored in (V30, V32). */
    private static final int MAX_NAME = 100;
    private static final int MAX_PATH = 400;
    private static final int MAX_FORM_ID = 120;
    private static final int MAX_VERSION = 60;

    private final InputLimits.Form limits;
    private final List<FormError> errors = new ArrayList<>();
    private XlsFormRows rows;

    private XlsForm(InputLimits.Form limits) {
        this.limits = limits;
    }

    /**
     * Reads, converts and checks a whole form.
     *
     * @param fallbackLanguage the language of plain {@code label} columns when the settings sheet names none
     * @param limits how many questions a form and choices a list may have
     * @throws FormRejected listing every problem found, when there is any
     */
    public static SurveyDraft read(Map<String, FormSheet> sheets, String fallbackLanguage, InputLimits.Form limits) {
        XlsForm form = new XlsForm(limits);
        SurveyDraft draft = form.read(sheets, fallbackLanguage);
        if (!form.errors.isEmpty()) {
            throw new FormRejected(Reason.of(form.errors.size() == 1 ? "xlsform.problem" : "xlsform.problems",
                    form.errors.size()),
                    form.errors);
        }
        return draft;
    }

    private SurveyDraft read(Map<String, FormSheet> sheets, String fallbackLanguage) {
        Map<String, List<XlsFormRows.SheetRow>> numbered = new HashMap<>();
        sheets.forEach((name, sheet) -> {
            List<XlsFormRows.SheetRow> sheetRows = new ArrayList<>();
            sheetRows.add(new XlsFormRows.SheetRow(1, sheet.columns()));
            sheet.rows().forEach(row -> sheetRows.add(new XlsFormRows.SheetRow(row.number(), row.cells())));
            numbered.put(name, sheetRows);
        });
        ConvertedForm converted;
        try {
            rows = XlsFormRows.ofNumbered(numbered, fallbackLanguage);
            if (!checkChoiceLimits()) {
                return null;
            }
            converted = XlsFormConverter.convert(rows);
        } catch (XlsFormRefused refused) {
            refused.problems().forEach(problem -> errors.add(error(problem)));
            return null;
        }
        return draft(converted);
    }

    /** A list longer than the limit is refused before the form is converted, once, at its first row past it. */
    private boolean checkChoiceLimits() {
        Map<String, Integer> counts = new HashMap<>();
        for (XlsFormRows.Row row : rows.choices()) {
            int count = counts.merge(row.get("list_name"), 1, Integer::sum);
            if (count == limits.choicesPerList() + 1) {
                errors.add(error(row.problem("list_name", null, Reason.of("xlsform.list-too-long", row.get("list_name"),
                        limits.choicesPerList()))));
            }
        }
        return errors.isEmpty();
    }

    private SurveyDraft draft(ConvertedForm converted) {
        List<String> languages = offeredLanguages(converted);
        List<Reason> notices = new ArrayList<>(converted.notices());
        if (languages.isEmpty()) {
            return null;
        }
        for (XlsFormRows.Language language : converted.languages()) {
            if (!languages.contains(language.tag())) {
                notices.add(Reason.of("notice.language-not-offered", language.displayName()));
            }
        }
        Map<String, String> consent = new TreeMap<>();
        List<QuestionDraft> questions = new ArrayList<>();
        Set<String> roles = new HashSet<>();
        for (ConvertedForm.Field field : converted.fields()) {
            QuestionDraft question = question(field, languages, consent);
            if (question == null) {
                continue;
            }
            if (question.role() != null && !question.role().equals(SurveyQuestion.BACKGROUND)
                    && !roles.add(question.role())) {
                errors.add(error(field.row().problem("beacon_kind", null, Reason.of("xlsform.role-twice",
                        question.role().replace('_', ' ')))));
            }
            questions.add(question);
            if (questions.size() > limits.questions()) {
                // Each question is a page element and a column of every stored answer: a form this long is a mistake.
                errors.add(error(field.row().problem("type", null, Reason.of("xlsform.too-many-questions",
                        limits.questions()))));
                break;
            }
        }
        if (questions.stream().noneMatch(QuestionDraft::stored)) {
            errors.add(new FormError(SURVEY, 0, null, Reason.of("xlsform.no-question")));
        }
        XlsFormRows.Row settings = rows.settings();
        String title = UntrustedText.stripSpoofing(settings.get("form_title"));
        String formId = settings.get("form_id");
        if (formId.length() > MAX_FORM_ID) {
            errors.add(error(settings.problem("form_id", null, Reason.of("xlsform.form-id-too-long", MAX_FORM_ID))));
        }
        if (converted.version().length() > MAX_VERSION) {
            errors.add(error(settings.problem("version", null, Reason.of("xlsform.version-too-long", MAX_VERSION))));
        }
        if (title.isEmpty()) {
            title = formId.isEmpty() ? "Survey" : formId;
        }
        return new SurveyDraft(title, formId.isEmpty() ? null : formId,
                converted.version().isEmpty() ? null : converted.version(), languages.get(0), List.copyOf(languages),
                consent, questions, converted.xml(), List.copyOf(notices));
    }

    /**
     * The languages respondents may choose, the default first: those in which every label the form shows has a text
     * (a language only the choices sheet speaks is offered only if the questions speak it too). The declared default
     * comes first when it is complete, else the first complete one; with none, the missing labels of the default
     * are refused by row and column.
     */
    private List<String> offeredLanguages(ConvertedForm converted) {
        Map<String, List<FormProblem>> missing = new LinkedHashMap<>();
        for (XlsFormRows.Language language : converted.languages()) {
            List<FormProblem> gaps = new ArrayList<>();
            for (ConvertedForm.Field field : converted.fields()) {
                if (field.type().equals("calculate") || field.otherOf() != null) {
                    continue;
                }
                if (!field.labels().containsKey(language.tag())) {
                    gaps.add(field.row().problem("label::" + language.tag(), null, Reason.of("xlsform.label-missing",
                            language.displayName())));
                }
                for (ConvertedForm.FieldChoice choice : field.choices()) {
                    if (choice.row() != null && !choice.labels().containsKey(language.tag())) {
                        gaps.add(choice.row().problem("label::" + language.tag(), null, Reason.of("xlsform.label-missing",
                                language.displayName())));
                    }
                }
            }
            missing.put(language.tag(), gaps);
        }
        List<String> complete = new ArrayList<>(missing.keySet().stream().filter(l -> missing.get(l).isEmpty()).toList());
        if (complete.isEmpty()) {
            String language = missing.containsKey(rows.defaultLanguage()) ? rows.defaultLanguage()
                    : missing.keySet().iterator().next();
            new LinkedHashSet<>(missing.get(language)).forEach(problem -> errors.add(error(problem)));
            return List.of();
        }
        if (complete.remove(rows.defaultLanguage())) {
            complete.add(0, rows.defaultLanguage());
        }
        return complete;
    }

    /** The Beacon question of a converted question, or null with its problems recorded. */
    private QuestionDraft question(ConvertedForm.Field field, List<String> languages, Map<String, String> consent) {
        XlsFormRows.Row row = field.row();
        boolean other = field.otherOf() != null;
        if (field.name().length() > MAX_NAME || field.path().length() > MAX_PATH) {
            errors.add(error(row.problem("name", null, field.name().length() > MAX_NAME
                    ? Reason.of("xlsform.name-too-long", MAX_NAME)
                    : Reason.of("xlsform.path-too-long", MAX_PATH))));
            return null;
        }
        // the text question or_other adds takes no Beacon column of its select's row
        String kind = other ? "" : row.get("beacon_kind").toLowerCase(Locale.ROOT);
        String answer = other ? "" : row.get("beacon_answer");
        if (!kind.isEmpty() && !KINDS.contains(kind)) {
            errors.add(error(row.problem("beacon_kind", null, Reason.of("xlsform.unknown-kind", kind))));
            return null;
        }
        if (!answer.isEmpty() && !kind.equals("knowledge")) {
            errors.add(error(row.problem("beacon_answer", null, Reason.of("xlsform.answer-only-knowledge"))));
            return null;
        }
        String reverse = other ? "" : row.get("beacon_reverse").toLowerCase(Locale.ROOT);
        boolean reversed = YES.contains(reverse);
        if (!reverse.isEmpty() && !reversed && !NO.contains(reverse)) {
            errors.add(error(row.problem("beacon_reverse", null, Reason.of("xlsform.reverse-yes-no", reverse))));
            return null;
        }
        Map<String, String> label = texts(row, "label", field.labels(), languages);
        Map<String, String> hint = texts(row, "hint", field.hints(), languages);
        if (label == null || hint == null) {
            return null;
        }
        List<ConvertedForm.FieldChoice> choices = field.choices();
        String kindOfQuestion = switch (field.type()) {
            case "select_one" -> SurveyQuestion.SINGLE;
            case "select_multiple" -> SurveyQuestion.MULTIPLE;
            case "integer" -> SurveyQuestion.INTEGER;
            case "decimal" -> SurveyQuestion.DECIMAL;
            case "range" -> field.bindType().equals("int") ? SurveyQuestion.INTEGER : SurveyQuestion.DECIMAL;
            case "date" -> SurveyQuestion.DATE;
            case "time" -> SurveyQuestion.TIME;
            case "datetime" -> SurveyQuestion.DATE_TIME;
            case "note" -> SurveyQuestion.NOTE;
            case "acknowledge" -> SurveyQuestion.ACKNOWLEDGE;
            case "calculate" -> SurveyQuestion.CALCULATE;
            default -> SurveyQuestion.TEXT;
        };
        if (kindOfQuestion.equals(SurveyQuestion.ACKNOWLEDGE)) {
            // ODK stores "OK" for an acknowledged trigger: one choice, counted like a single choice
            Map<String, String> ok = new TreeMap<>();
            languages.forEach(l -> ok.put(l, "OK"));
            choices = List.of(new ConvertedForm.FieldChoice("OK", ok, null));
        }
        if (kindOfQuestion.equals(SurveyQuestion.NOTE) && !kind.isEmpty()) {
            errors.add(error(row.problem("beacon_kind", null, Reason.of("xlsform.note-no-kind"))));
            return null;
        }
        if (kindOfQuestion.equals(SurveyQuestion.NOTE) && field.name().equals("consent")) {
            consent.putAll(label);
        }
        boolean stored = !kindOfQuestion.equals(SurveyQuestion.NOTE) && !kindOfQuestion.equals(SurveyQuestion.CALCULATE);
        String role = null;
        String answerKey = null;
        Map<String, Integer> credits = new TreeMap<>();
        String list = row.get("type").strip().split("\\s+").length > 1 ? row.get("type").strip().split("\\s+")[1] : "";
        switch (kind) {
            case "likert" -> {
                if (!requireSingle(row, kindOfQuestion, "xlsform.likert-single")) {
                    return null;
                }
                if (!isOneToFive(choices)) {
                    errors.add(error(row.problem("type", null, Reason.of("xlsform.likert-choices"))));
                    return null;
                }
                kindOfQuestion = SurveyQuestion.LIKERT;
                choices = byNumber(choices);
            }
            case "knowledge" -> {
                if (!requireSingle(row, kindOfQuestion, "xlsform.knowledge-single")) {
                    return null;
                }
                // the right choice, then any part-credit options as name:percent ("yes dont_know:50")
                String[] parts = answer.isBlank() ? new String[] { "" } : answer.strip().split("\\s+");
                List<ConvertedForm.FieldChoice> offered = choices;
                if (offered.stream().noneMatch(c -> c.name().equals(parts[0]))) {
                    errors.add(error(row.problem("beacon_answer", null, parts[0].isEmpty()
                            ? Reason.of("xlsform.knowledge-needs-answer")
                            : Reason.of("xlsform.answer-not-a-choice", parts[0], list))));
                    return null;
                }
                for (int p = 1; p < parts.length; p++) {
                    String[] credit = parts[p].split(":", 2);
                    if (credit.length < 2 || credit[0].equals(parts[0])
                            || offered.stream().noneMatch(c -> c.name().equals(credit[0]))
                            || !QuestionSettings.CREDITS.stream().map(String::valueOf).toList()
                                    .contains(credit[1].replace("%", ""))) {
                        errors.add(error(row.problem("beacon_answer", null, Reason.of("xlsform.not-a-part-credit", parts[p],
                                list))));
                        return null;
                    }
                    credits.put(credit[0], Integer.parseInt(credit[1].replace("%", "")));
                }
                kindOfQuestion = SurveyQuestion.KNOWLEDGE;
                answerKey = parts[0];
            }
            case "background" -> {
                if (!requireSingle(row, kindOfQuestion, "xlsform.background-single")) {
                    return null;
                }
                if (field.name().equals(SurveyQuestion.GENDER)
                        && choices.stream().noneMatch(c -> c.name().startsWith("prefer_not"))) {
                    errors.add(error(row.problem("type", null, Reason.of("xlsform.gender-prefer-not"))));
                    return null;
                }
                // age_band, gender and region are the fixed dimensions; any other is a background question too
                role = BACKGROUND.contains(field.name()) ? field.name() : SurveyQuestion.BACKGROUND;
            }
            case "channel" -> {
                if (!kindOfQuestion.equals(SurveyQuestion.SINGLE) && !kindOfQuestion.equals(SurveyQuestion.MULTIPLE)) {
                    errors.add(error(row.problem("beacon_kind", null, Reason.of("xlsform.channel-select"))));
                    return null;
                }
                role = SurveyQuestion.CHANNEL;
            }
            case "result" -> {
                if (!kindOfQuestion.equals(SurveyQuestion.CALCULATE)) {
                    errors.add(error(row.problem("beacon_kind", null, Reason.of("xlsform.result-calculate"))));
                    return null;
                }
                stored = true;
            }
            default -> {
                if (kindOfQuestion.equals(SurveyQuestion.SINGLE) && row.get("appearance").toLowerCase(Locale.ROOT)
                        .contains("likert") && isOneToFive(choices)) {
                    // ODK's "likert" appearance on a 1-5 list is the Likert item of forms without Beacon columns.
                    kindOfQuestion = SurveyQuestion.LIKERT;
                    choices = byNumber(choices);
                }
            }
        }
        if (reversed && !kindOfQuestion.equals(SurveyQuestion.LIKERT)) {
            errors.add(error(row.problem("beacon_reverse", null, Reason.of("xlsform.reverse-only-likert"))));
            return null;
        }
        if (kindOfQuestion.equals(SurveyQuestion.MULTIPLE) && choices.size() > MAX_MULTIPLE_CHOICES) {
            errors.add(error(row.problem("type", null, Reason.of("xlsform.multiple-too-many", MAX_MULTIPLE_CHOICES))));
            return null;
        }
        List<ChoiceDraft> choiceDrafts = new ArrayList<>();
        for (ConvertedForm.FieldChoice choice : choices) {
            if (choice.name().length() > MAX_NAME) {
                errors.add(error(choice.row().problem("name", null, Reason.of("xlsform.choice-name-too-long", MAX_NAME))));
                return null;
            }
            Map<String, String> choiceLabel = new TreeMap<>();
            for (String language : languages) {
                String text = choice.labels().getOrDefault(language, "");
                if (text.length() > MAX_LABEL && choice.row() != null) {
                    errors.add(error(choice.row().problem("label::" + language, null, Reason.of("xlsform.label-too-long",
                            MAX_LABEL))));
                    return null;
                }
                choiceLabel.put(language, UntrustedText.stripSpoofing(text));
            }
            choiceDrafts.add(new ChoiceDraft(choice.name(), choiceLabel));
        }
        boolean required = YES.contains(row.get("required").toLowerCase(Locale.ROOT)) && !other && stored
                && !kindOfQuestion.equals(SurveyQuestion.CALCULATE);
        return new QuestionDraft(field.name(), field.path(), kindOfQuestion, role, required, field.conditional(), stored,
                label, hint, answerKey, List.copyOf(choiceDrafts),
                Collections.unmodifiableMap(credits), reversed);
    }

    /** Label or hint texts in the offered languages, cleaned; null (with a problem) when one is too long. */
    private Map<String, String> texts(XlsFormRows.Row row, String column, Map<String, String> byLanguage,
            List<String> languages) {
        Map<String, String> texts = new TreeMap<>();
        for (String language : languages) {
            String text = byLanguage.get(language);
            if (text == null || text.isEmpty()) {
                continue;
            }
            if (text.length() > MAX_LABEL) {
                errors.add(error(row.problem(column + "::" + language, null, Reason.of("xlsform." + column + "-too-long",
                        MAX_LABEL))));
                return null;
            }
            // Labels are shown to respondents: nothing in them may reorder or hide what they read.
            texts.put(language, UntrustedText.stripSpoofing(text));
        }
        return texts;
    }

    /** @param refusal the key of the sentence saying that this kind of item is a select_one question */
    private boolean requireSingle(XlsFormRows.Row row, String kind, String refusal) {
        if (!kind.equals(SurveyQuestion.SINGLE)) {
            errors.add(error(row.problem("type", null, Reason.of(refusal))));
            return false;
        }
        return true;
    }

    private static boolean isOneToFive(List<ConvertedForm.FieldChoice> choices) {
        Set<String> names = new HashSet<>();
        choices.forEach(c -> names.add(c.name()));
        return choices.size() == 5 && names.equals(Set.of("1", "2", "3", "4", "5"));
    }

    private static List<ConvertedForm.FieldChoice> byNumber(List<ConvertedForm.FieldChoice> choices) {
        return choices.stream().sorted(Comparator.comparingInt(c -> Integer.parseInt(c.name()))).toList();
    }

    /**
     * A converter's problem as the import reports it: the column by its letter and header as written, and the
     * feature concerned named in the message.
     */
    private FormError error(FormProblem problem) {
        String column = problem.column();
        if (column != null && rows != null) {
            String letter = rows.letter(problem.sheet(), column);
            column = letter == null ? column : letter + " (" + column + ")";
        }
        Reason reason = problem.reason();
        if (problem.feature() != null && !problem.message().contains(problem.feature())) {
            reason = Reason.of("xlsform.with-feature", reason, problem.feature());
        }
        return new FormError(problem.sheet(), problem.row(), column, reason);
    }
}
