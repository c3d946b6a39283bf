package org.beacon.campaign.survey;

import java.util.ArrayList;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beacon.campaign.input.InputLimits;
import org.beacon.commons.text.UntrustedText;
import org.beacon.campaign.survey.SurveyDraft.ChoiceDraft;
import org.beacon.campaign.survey.SurveyDraft.QuestionDraft;

/**
 * The subset of XLSForm (https://xlsform.org) Beacon surveys are made of, plus the Beacon columns {@code beacon_kind}
 * and {@code beacon_answer} (content/README.md). Everything the platform cannot honour is refused with its sheet,
 * row and column rather than silently dropped: a skipped constraint or skip rule would change what was asked.
 */
public final class XlsForm {

    public static final String SURVEY = "survey";
    public static final String CHOICES = "choices";
    public static final String SETTINGS = "settings";

    /** Beyond this a bit mask no longer fits the packed answer. */
    static final int MAX_MULTIPLE_CHOICES = 31;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern LANGUAGE_IN_PARENTHESES = Pattern.compile(".*\\(\\s*([A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)\\s*\\)\\s*");

    /** Form metadata that would record who or where a respondent is, or when exactly they answered. */
    private static final Set<String> METADATA = Set.of("start", "end", "today", "deviceid", "subscriberid",
            "simserial", "phonenumber", "username", "email", "audit", "start-geopoint", "background-audio",
            "background-geopoint");

    /** XLSForm columns whose meaning Beacon does not implement; a value in them refuses the row. */
    private static final Map<String, String> UNSUPPORTED_COLUMNS = Map.ofEntries(
            Map.entry("relevant", "skip logic (relevant) is not supported"),
            Map.entry("constraint", "constraints are not supported"),
            Map.entry("calculation", "calculations are not supported"),
            Map.entry("choice_filter", "choice filters are not supported"),
            Map.entry("repeat_count", "repeats are not supported"),
            Map.entry("default", "default answers are not supported"),
            Map.entry("read_only", "read-only questions are not supported"),
            Map.entry("readonly", "read-only questions are not supported"),
            Map.entry("trigger", "triggers are not supported"),
            Map.entry("parameters", "type parameters are not supported"),
            Map.entry("image", "media are not supported"),
            Map.entry("audio", "media are not supported"),
            Map.entry("video", "media are not supported"));

    private static final Set<String> KINDS = Set.of("likert", "knowledge", "background", "channel");
    private static final Set<String> BACKGROUND = Set.of(SurveyQuestion.AGE_BAND, SurveyQuestion.GENDER,
            SurveyQuestion.REGION);

    private final Map<String, FormSheet> sheets;
    private final String fallbackLanguage;
    private final InputLimits.Form limits;
    private final List<FormError> errors = new ArrayList<>();

    private XlsForm(Map<String, FormSheet> sheets, String fallbackLanguage, InputLimits.Form limits) {
        this.sheets = sheets;
        this.fallbackLanguage = fallbackLanguage;
        this.limits = limits;
    }

    /**
     * Reads and checks a whole form.
     *
     * @param fallbackLanguage the language of plain {@code label} columns when the settings sheet names none
     * @param limits how many questions a form and choices a list may have
     * @throws FormRejected listing every problem found, when there is any
     */
    public static SurveyDraft parse(Map<String, FormSheet> sheets, String fallbackLanguage, InputLimits.Form limits) {
        XlsForm form = new XlsForm(sheets, fallbackLanguage, limits);
        SurveyDraft draft = form.read();
        if (!form.errors.isEmpty()) {
            throw new FormRejected("The form was not imported: fix the " + form.errors.size()
                    + (form.errors.size() == 1 ? " problem" : " problems") + " below and upload it again.",
                    form.errors);
        }
        return draft;
    }

    private SurveyDraft read() {
        FormSheet survey = sheets.get(SURVEY);
        if (survey == null) {
            errors.add(new FormError(SURVEY, 0, null, "the workbook has no 'survey' sheet"));
            return null;
        }
        FormSheet settings = sheets.get(SETTINGS);
        String defaultLanguage = defaultLanguage(settings);
        LabelColumns surveyLabels = labelColumns(survey, "label", defaultLanguage);
        LabelColumns surveyHints = labelColumns(survey, "hint", defaultLanguage);
        List<String> languages = new ArrayList<>(surveyLabels.languages());
        if (languages.isEmpty()) {
            errors.add(new FormError(SURVEY, 1, null, "there is no label column (label or label::Language (xx))"));
            return null;
        }
        if (!languages.contains(defaultLanguage)) {
            defaultLanguage = languages.get(0);
        }
        languages.remove(defaultLanguage);
        languages.add(0, defaultLanguage);

        Map<String, List<ChoiceRow>> lists = readChoices(languages, defaultLanguage);
        Columns columns = new Columns(survey);
        if (columns.type < 0 || columns.name < 0) {
            errors.add(new FormError(SURVEY, 1, null, "the survey sheet needs type and name columns"));
            return null;
        }
        Map<String, String> consent = new TreeMap<>();
        List<QuestionDraft> questions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> roles = new HashSet<>();
        List<Integer> openGroups = new ArrayList<>();

        for (FormSheet.Row row : survey.rows()) {
            if (row.isBlank()) {
                continue;
            }
            for (Map.Entry<String, String> unsupported : UNSUPPORTED_COLUMNS.entrySet()) {
                refuseValue(survey, row, unsupported.getKey(), unsupported.getValue());
            }
            for (int c = 0; c < survey.columns().size(); c++) {
                String column = FormSheet.normalise(survey.columns().get(c));
                if ((column.startsWith("media::") || column.startsWith("body::") || column.startsWith("bind::"))
                        && !row.get(c).isEmpty()) {
                    errors.add(at(survey, row, c, "media and custom bindings are not supported"));
                }
            }
            String type = row.get(columns.type).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (type.isEmpty()) {
                errors.add(at(survey, row, columns.type, "the type is missing"));
                continue;
            }
            switch (type) {
                case "begin_group", "begin group" -> {
                    openGroups.add(row.number());
                    continue;
                }
                case "end_group", "end group" -> {
                    if (openGroups.isEmpty()) {
                        errors.add(at(survey, row, columns.type, "end_group without a begin_group"));
                    } else {
                        openGroups.remove(openGroups.size() - 1);
                    }
                    continue;
                }
                case "begin_repeat", "begin repeat", "end_repeat", "end repeat" -> {
                    errors.add(at(survey, row, columns.type, "repeats are not supported"));
                    continue;
                }
                default -> {
                }
            }
            QuestionDraft question = question(survey, row, columns, type, surveyLabels, surveyHints, languages, lists,
                    consent);
            if (question == null) {
                continue;
            }
            if (!names.add(question.name())) {
                errors.add(at(survey, row, columns.name, "the name '" + question.name() + "' is used twice"));
            }
            if (question.role() != null && !roles.add(question.role())) {
                errors.add(at(survey, row, columns.kind, "there is already a " + question.role().replace('_', ' ')
                        + " question"));
            }
            questions.add(question);
            if (questions.size() > limits.questions()) {
                // Each question is a page element and a column of every stored answer: a form this long is a mistake.
                errors.add(at(survey, row, columns.type, "the form has more than " + limits.questions()
                        + " questions, the limit (beacon.limits.form.questions)"));
                break;
            }
        }
        for (int begin : openGroups) {
            errors.add(new FormError(SURVEY, begin, "type", "this begin_group has no end_group"));
        }
        if (questions.stream().noneMatch(q -> !q.kind().equals(SurveyQuestion.NOTE))) {
            errors.add(new FormError(SURVEY, 0, null, "the form asks no question"));
        }
        String title = UntrustedText.stripSpoofing(setting(settings, "form_title"));
        String formId = setting(settings, "form_id");
        if (title.isEmpty()) {
            title = formId.isEmpty() ? "Survey" : formId;
        }
        return new SurveyDraft(title, formId.isEmpty() ? null : formId, blankToNull(setting(settings, "version")),
                defaultLanguage, List.copyOf(languages), consent, questions, null, List.of());
    }

    private QuestionDraft question(FormSheet survey, FormSheet.Row row, Columns columns, String type,
            LabelColumns labels, LabelColumns hints, List<String> languages, Map<String, List<ChoiceRow>> lists,
            Map<String, String> consent) {
        String[] parts = type.split(" ");
        String base = parts[0];
        String name = row.get(columns.name);
        String kind = row.get(columns.kind).toLowerCase(Locale.ROOT);
        String answer = row.get(columns.answer);
        if (!kind.isEmpty() && !KINDS.contains(kind)) {
            errors.add(at(survey, row, columns.kind, "beacon_kind '" + kind
                    + "' is not one of likert, knowledge, background, channel"));
            return null;
        }
        String kindOfQuestion;
        List<ChoiceRow> choices = List.of();
        switch (base) {
            case "select_one", "select_multiple" -> {
                if (parts.length != 2) {
                    errors.add(at(survey, row, columns.type, parts.length > 2
                            ? "'" + type + "': or_other and choice files are not supported"
                            : "'" + type + "' names no choice list"));
                    return null;
                }
                choices = lists.get(parts[1]);
                if (choices == null) {
                    errors.add(at(survey, row, columns.type, "the choice list '" + parts[1]
                            + "' is not in the choices sheet"));
                    return null;
                }
                kindOfQuestion = base.equals("select_one") ? SurveyQuestion.SINGLE : SurveyQuestion.MULTIPLE;
            }
            case "select" -> {
                // "select one x" is the spaced spelling XLSForm also accepts; anything else after "select" is not a
                // type (and rewriting it would loop for ever).
                if (parts.length < 2 || !(parts[1].equals("one") || parts[1].equals("multiple"))) {
                    errors.add(at(survey, row, columns.type, "the type '" + type + "' is not supported: a select "
                            + "type is select_one or select_multiple followed by a choice list"));
                    return null;
                }
                return question(survey, row, columns, type.replaceFirst("^select (one|multiple) ", "select_$1 "),
                        labels, hints, languages, lists, consent);
            }
            case "integer", "int" -> kindOfQuestion = SurveyQuestion.INTEGER;
            case "text", "string" -> kindOfQuestion = SurveyQuestion.TEXT;
            case "note" -> kindOfQuestion = SurveyQuestion.NOTE;
            default -> {
                errors.add(at(survey, row, columns.type, METADATA.contains(base)
                        ? "'" + base + "' is not supported: Beacon surveys are anonymous and record no device, "
                                + "person or time metadata; delete this row"
                        : "the type '" + type + "' is not supported (supported: select_one, select_multiple, "
                                + "integer, text, note, begin_group, end_group)"));
                return null;
            }
        }
        if (!NAME.matcher(name).matches()) {
            errors.add(at(survey, row, columns.name, name.isEmpty() ? "the name is missing"
                    : "'" + name + "' is not a valid name (letters, digits, _ . -; starting with a letter or _)"));
            return null;
        }
        Map<String, String> label = labels.read(survey, row, languages, true);
        Map<String, String> hint = hints.read(survey, row, languages, false);
        Boolean required = required(survey, row, columns.required);
        if (label == null || required == null) {
            return null;
        }
        if (kindOfQuestion.equals(SurveyQuestion.NOTE)) {
            if (!kind.isEmpty()) {
                errors.add(at(survey, row, columns.kind, "a note collects no answer, so it has no beacon_kind"));
                return null;
            }
            if (name.equals("consent")) {
                consent.putAll(label);
            }
        }
        String role = null;
        String answerKey = null;
        if (!answer.isEmpty() && !kind.equals("knowledge")) {
            errors.add(at(survey, row, columns.answer, "beacon_answer is only for knowledge items"));
            return null;
        }
        switch (kind) {
            case "likert" -> {
                if (!requireSingle(survey, row, columns, kindOfQuestion, "a Likert item")
                        || !isOneToFive(choices)) {
                    if (kindOfQuestion.equals(SurveyQuestion.SINGLE)) {
                        errors.add(at(survey, row, columns.type, "a Likert item needs a list with the choices 1 to 5"));
                    }
                    return null;
                }
                kindOfQuestion = SurveyQuestion.LIKERT;
                choices = choices.stream().sorted(Comparator.comparingInt(c -> Integer.parseInt(c.name()))).toList();
            }
            case "knowledge" -> {
                if (!requireSingle(survey, row, columns, kindOfQuestion, "a knowledge item")) {
                    return null;
                }
                if (choices.stream().noneMatch(c -> c.name().equals(answer))) {
                    errors.add(at(survey, row, columns.answer, answer.isEmpty()
                            ? "a knowledge item needs its correct choice in beacon_answer"
                            : "'" + answer + "' is not a choice of the list " + type.split(" ")[1]));
                    return null;
                }
                kindOfQuestion = SurveyQuestion.KNOWLEDGE;
                answerKey = answer;
            }
            case "background" -> {
                if (!requireSingle(survey, row, columns, kindOfQuestion, "a background question")) {
                    return null;
                }
                if (!BACKGROUND.contains(name)) {
                    errors.add(at(survey, row, columns.name,
                            "background questions are named age_band, gender or region, not '" + name + "'"));
                    return null;
                }
                if (name.equals(SurveyQuestion.GENDER) && choices.stream().noneMatch(c -> c.name().startsWith("prefer_not"))) {
                    errors.add(at(survey, row, columns.type,
                            "the gender question must offer \"prefer not to say\" (a choice named prefer_not...)"));
                    return null;
                }
                role = name;
            }
            case "channel" -> {
                if (kindOfQuestion.equals(SurveyQuestion.NOTE) || kindOfQuestion.equals(SurveyQuestion.INTEGER)
                        || kindOfQuestion.equals(SurveyQuestion.TEXT)) {
                    errors.add(at(survey, row, columns.kind, "a channel question is a select_one or select_multiple"));
                    return null;
                }
                role = SurveyQuestion.CHANNEL;
            }
            default -> {
                if (kindOfQuestion.equals(SurveyQuestion.SINGLE) && columns.appearance >= 0
                        && row.get(columns.appearance).toLowerCase(Locale.ROOT).contains("likert")
                        && isOneToFive(choices)) {
                    // ODK's "likert" appearance on a 1-5 list is the Likert item of forms without Beacon columns.
                    kindOfQuestion = SurveyQuestion.LIKERT;
                    choices = choices.stream().sorted(Comparator.comparingInt(c -> Integer.parseInt(c.name())))
                            .toList();
                }
            }
        }
        if (kindOfQuestion.equals(SurveyQuestion.MULTIPLE) && choices.size() > MAX_MULTIPLE_CHOICES) {
            errors.add(at(survey, row, columns.type, "a select_multiple may offer at most " + MAX_MULTIPLE_CHOICES
                    + " choices"));
            return null;
        }
        List<ChoiceDraft> choiceDrafts = choices.stream().map(c -> new ChoiceDraft(c.name(), c.label())).toList();
        return new QuestionDraft(name, "/data/" + name, kindOfQuestion, role,
                required && !kindOfQuestion.equals(SurveyQuestion.NOTE), false, label, hint, answerKey, choiceDrafts);
    }

    private boolean requireSingle(FormSheet survey, FormSheet.Row row, Columns columns, String kind, String what) {
        if (!kind.equals(SurveyQuestion.SINGLE)) {
            errors.add(at(survey, row, columns.type, what + " is a select_one question"));
            return false;
        }
        return true;
    }

    private static boolean isOneToFive(List<ChoiceRow> choices) {
        Set<String> names = new HashSet<>();
        choices.forEach(c -> names.add(c.name()));
        return choices.size() == 5 && names.equals(Set.of("1", "2", "3", "4", "5"));
    }

    private Boolean required(FormSheet sheet, FormSheet.Row row, int column) {
        String value = row.get(column).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "no", "false", "false()", "0" -> false;
            case "yes", "true", "true()", "1" -> true;
            default -> {
                errors.add(at(sheet, row, column, "required must be yes or no (conditions are not supported)"));
                yield null;
            }
        };
    }

    private record ChoiceRow(String name, Map<String, String> label) {
    }

    private Map<String, List<ChoiceRow>> readChoices(List<String> languages, String defaultLanguage) {
        Map<String, List<ChoiceRow>> lists = new HashMap<>();
        FormSheet choices = sheets.get(CHOICES);
        if (choices == null) {
            return lists;
        }
        int listColumn = choices.column("list_name");
        int nameColumn = choices.column("name");
        if (listColumn < 0 || nameColumn < 0) {
            errors.add(new FormError(CHOICES, 1, null, "the choices sheet needs list_name and name columns"));
            return lists;
        }
        LabelColumns labels = labelColumns(choices, "label", defaultLanguage);
        Set<String> overfull = new HashSet<>();
        for (FormSheet.Row row : choices.rows()) {
            if (row.isBlank()) {
                continue;
            }
            String list = row.get(listColumn);
            String name = row.get(nameColumn);
            if (list.isEmpty()) {
                errors.add(at(choices, row, listColumn, "the list_name is missing"));
                continue;
            }
            if (name.isEmpty() || name.length() > 100) {
                errors.add(at(choices, row, nameColumn, name.isEmpty() ? "the choice name is missing"
                        : "the choice name is longer than 100 characters"));
                continue;
            }
            if (name.contains(" ")) {
                // select_multiple answers are space-separated choice names (ODK, CSV uploads).
                errors.add(at(choices, row, nameColumn, "a choice name cannot contain spaces"));
                continue;
            }
            Map<String, String> label = labels.read(choices, row, languages, true);
            if (label == null) {
                continue;
            }
            List<ChoiceRow> entries = lists.computeIfAbsent(list, l -> new ArrayList<>());
            if (entries.size() >= limits.choicesPerList()) {
                // Reported once, at the first row past the limit.
                if (overfull.add(list)) {
                    errors.add(at(choices, row, listColumn, "the list " + list + " has more than "
                            + limits.choicesPerList() + " choices, the limit (beacon.limits.form.choices-per-list)"));
                }
                continue;
            }
            if (entries.stream().anyMatch(c -> c.name().equals(name))) {
                errors.add(at(choices, row, nameColumn, "'" + name + "' is already a choice of the list " + list));
                continue;
            }
            entries.add(new ChoiceRow(name, label));
        }
        return lists;
    }

    /** The label (or hint) columns of a sheet by language. */
    private final class LabelColumns {
        private final String prefix;
        private final Map<String, Integer> byLanguage;

        LabelColumns(String prefix, Map<String, Integer> byLanguage) {
            this.prefix = prefix;
            this.byLanguage = byLanguage;
        }

        Set<String> languages() {
            return new LinkedHashSet<>(byLanguage.keySet());
        }

        /** The text in every survey language; a missing required one is reported and gives null. */
        Map<String, String> read(FormSheet sheet, FormSheet.Row row, List<String> languages, boolean required) {
            Map<String, String> texts = new TreeMap<>();
            boolean complete = true;
            for (String language : languages) {
                Integer column = byLanguage.get(language);
                String text = column == null ? "" : row.get(column);
                if (text.isEmpty()) {
                    if (required) {
                        complete = false;
                        errors.add(column == null
                                ? new FormError(sheet.name(), row.number(), null,
                                        "there is no " + prefix + " column for " + language)
                                : at(sheet, row, column, "the " + prefix + " in " + language + " is missing"));
                    }
                } else if (text.length() > 2000) {
                    complete = false;
                    errors.add(at(sheet, row, column, "the " + prefix + " is longer than 2000 characters"));
                } else {
                    // Labels are shown to respondents: nothing in them may reorder or hide what they read.
                    texts.put(language, UntrustedText.stripSpoofing(text));
                }
            }
            return complete ? texts : null;
        }
    }

    private LabelColumns labelColumns(FormSheet sheet, String prefix, String defaultLanguage) {
        Map<String, Integer> byLanguage = new LinkedHashMap<>();
        for (int c = 0; c < sheet.columns().size(); c++) {
            String column = sheet.columns().get(c).trim();
            String lower = column.toLowerCase(Locale.ROOT);
            if (lower.equals(prefix)) {
                byLanguage.putIfAbsent(defaultLanguage, c);
            } else if (lower.startsWith(prefix + "::")) {
                String language = languageOf(column.substring(prefix.length() + 2).trim());
                if (language == null) {
                    errors.add(new FormError(sheet.name(), 1, FormSheet.letter(c) + " (" + column + ")",
                            "the language has no code: write it as " + prefix + "::Name (xx), e.g. "
                                    + prefix + "::Français (fr)"));
                } else {
                    byLanguage.put(language, c);
                }
            }
        }
        return new LabelColumns(prefix, byLanguage);
    }

    static String languageOf(String declared) {
        Matcher inParentheses = LANGUAGE_IN_PARENTHESES.matcher(declared);
        if (inParentheses.matches()) {
            return canonical(inParentheses.group(1));
        }
        return LANGUAGE_TAG.matcher(declared).matches() ? canonical(declared) : null;
    }

    private static String canonical(String tag) {
        return Locale.forLanguageTag(tag).toLanguageTag();
    }

    private String defaultLanguage(FormSheet settings) {
        String declared = setting(settings, "default_language");
        if (!declared.isEmpty()) {
            String language = languageOf(declared);
            if (language != null) {
                return language;
            }
            errors.add(new FormError(SETTINGS, 2, "default_language", "'" + declared
                    + "' has no language code: write it as Name (xx), e.g. English (en)"));
        }
        return fallbackLanguage;
    }

    private static String setting(FormSheet settings, String name) {
        if (settings == null) {
            return "";
        }
        int column = settings.column(name);
        return column < 0 || settings.rows().isEmpty() ? "" : settings.rows().get(0).get(column);
    }

    private void refuseValue(FormSheet sheet, FormSheet.Row row, String column, String why) {
        int index = sheet.column(column);
        if (index >= 0 && !row.get(index).isEmpty()) {
            errors.add(at(sheet, row, index, why));
        }
    }

    private static FormError at(FormSheet sheet, FormSheet.Row row, int column, String message) {
        String where = column < 0 ? null : FormSheet.letter(column) + " (" + sheet.columns().get(column) + ")";
        return new FormError(sheet.name(), row.number(), where, message);
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** Positions of the survey sheet's columns; -1 for an absent optional one. */
    private static final class Columns {
        final int type;
        final int name;
        final int required;
        final int kind;
        final int answer;
        final int appearance;

        Columns(FormSheet survey) {
            type = survey.column("type");
            name = survey.column("name");
            required = survey.column("required");
            kind = survey.column("beacon_kind");
            answer = survey.column("beacon_answer");
            appearance = survey.column("appearance");
        }
    }
}
