package org.beacon.contentimport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The survey and choices sheets of a shipped XLSForm (content/campaigns/.../surveys/...), as content validation and
 * the synthetic answers read them: the questions in form order with the groups around them, their rules
 * ({@code relevant}, {@code constraint}) and their texts per language. The campaign-service converts the same sheets
 * to an ODK XForm and runs them in JavaRosa; this reading is only what the devstack needs to check and to answer
 * them, and it follows xlsform.org: {@code begin group}/{@code end group} (also with an underscore), headers
 * {@code label::English (en)}, {@code label::en} or a plain {@code label} in the settings' default language.
 */
public final class SurveySheet {

    /** {@code ${name}}: a reference to the answer of another question. */
    public static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern TAG_IN_PARENTHESES = Pattern.compile(".*\\(\\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\\s*\\)\\s*");
    /** Types a respondent answers; the others (note, calculate, metadata) have no column in a sheet of answers. */
    private static final Set<String> ANSWERED = Set.of("select_one", "select_multiple", "integer", "decimal", "text",
            "date", "range");
    /** Columns that carry text per language. */
    private static final List<String> TRANSLATED = List.of("label", "hint", "constraint_message", "required_message");

    /**
     * A question with an answer of its own.
     *
     * @param row the 1-based row of the sheet (the header is row 1)
     * @param field its column in a sheet of answers: the path below the form's root, {@code attitudes/l_only_way}
     * @param relevance its own {@code relevant} and those of the groups around it, outermost first; all must hold
     * @param reversed a reverse-worded Likert item ({@code beacon_reverse}): agreeing is the risky attitude
     */
    public record Question(int row, String type, String name, String field, String list, String kind, String answer,
            boolean required, List<String> relevance, String constraint, boolean reversed) {
    }

    /** A row that is not a choice: a question, a note, a group's begin or end, with the texts that may refer to answers. */
    public record Row(int row, String type, String name, Map<String, String> cells) {

        String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Question> questions = new ArrayList<>();
    /** Every named row (question, note, calculation, group) by name, with its field. */
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, List<String>> choices = new LinkedHashMap<>();
    private final Set<String> languages = new LinkedHashSet<>();
    private int groups;

    private SurveySheet() {
    }

    /** Reads survey.csv, choices.csv and settings.csv (when present) of a survey folder. */
    public static SurveySheet read(Path folder) {
        SurveySheet sheet = new SurveySheet();
        String defaultLanguage = "en";
        if (Files.isRegularFile(folder.resolve("settings.csv"))) {
            List<List<String>> settings = XlsFormWorkbook.rows(folder.resolve("settings.csv"));
            if (settings.size() > 1) {
                String written = cell(settings.get(1), settings.get(0), "default_language");
                if (!written.isBlank()) {
                    defaultLanguage = tag(written);
                }
            }
        }
        sheet.readSurvey(XlsFormWorkbook.rows(folder.resolve("survey.csv")), defaultLanguage);
        if (Files.isRegularFile(folder.resolve("choices.csv"))) {
            List<List<String>> choiceRows = XlsFormWorkbook.rows(folder.resolve("choices.csv"));
            List<String> header = lower(choiceRows.get(0));
            for (List<String> row : choiceRows.subList(1, choiceRows.size())) {
                String list = cell(row, header, "list_name");
                if (!list.isBlank()) {
                    sheet.choices.computeIfAbsent(list, k -> new ArrayList<>()).add(cell(row, header, "name"));
                }
            }
        }
        return sheet;
    }

    private void readSurvey(List<List<String>> sheet, String defaultLanguage) {
        List<String> header = new ArrayList<>();
        for (String written : sheet.get(0)) {
            header.add(key(written, defaultLanguage));
        }
        List<String[]> open = new ArrayList<>(); // the groups around the row, outermost first: name, relevant, row
        for (int index = 1; index < sheet.size(); index++) {
            int number = index + 1;
            Map<String, String> cells = new LinkedHashMap<>();
            List<String> values = sheet.get(index);
            for (int column = 0; column < Math.min(values.size(), header.size()); column++) {
                if (!values.get(column).isBlank()) {
                    cells.put(header.get(column), values.get(column).strip());
                }
            }
            if (cells.isEmpty()) {
                continue;
            }
            String type = cells.getOrDefault("type", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            String name = cells.getOrDefault("name", "");
            rows.add(new Row(number, type, name, Collections.unmodifiableMap(cells)));
            String prefix = String.join("", open.stream().map(g -> g[0] + "/").toList());
            if (type.equals("begin group") || type.equals("begin_group")) {
                groups++;
                open.add(new String[] {name, cells.getOrDefault("relevant", "")});
                fields.putIfAbsent(name, prefix + name);
                continue;
            }
            if (type.equals("end group") || type.equals("end_group")) {
                // A group's structure is campaign-service's XLSForm import's to check (the dry run).
                if (!open.isEmpty()) {
                    open.remove(open.size() - 1);
                }
                continue;
            }
            if (name.isEmpty()) {
                continue;
            }
            fields.putIfAbsent(name, prefix + name);
            String[] words = type.split(" ");
            if (!ANSWERED.contains(words[0])) {
                continue;
            }
            List<String> relevance = new ArrayList<>();
            open.forEach(group -> {
                if (!group[1].isBlank()) {
                    relevance.add(group[1]);
                }
            });
            if (cells.containsKey("relevant")) {
                relevance.add(cells.get("relevant"));
            }
            questions.add(new Question(number, words[0], name, prefix + name, words.length > 1 ? words[1] : null,
                    cells.getOrDefault("beacon_kind", ""), cells.getOrDefault("beacon_answer", ""),
                    cells.getOrDefault("required", "").toLowerCase(Locale.ROOT).matches("yes|true|true\\(\\)|1"),
                    List.copyOf(relevance), cells.getOrDefault("constraint", ""),
                    cells.getOrDefault("beacon_reverse", "").toLowerCase(Locale.ROOT).matches("yes|true|1")));
        }
    }

    /** {@code label::Français (fr)} → {@code label::fr}; a plain {@code label} is the default language's. */
    private String key(String written, String defaultLanguage) {
        String header = written.strip();
        String lower = header.toLowerCase(Locale.ROOT);
        for (String translated : TRANSLATED) {
            if (lower.equals(translated)) {
                languages.add(defaultLanguage);
                return translated + "::" + defaultLanguage;
            }
            if (lower.startsWith(translated + ":")) {
                String language = tag(header.substring(translated.length()).replaceFirst("^::?", ""));
                if (translated.equals("label")) {
                    languages.add(language);
                }
                return translated + "::" + language;
            }
        }
        return lower;
    }

    private static String tag(String language) {
        Matcher inParentheses = TAG_IN_PARENTHESES.matcher(language);
        return (inParentheses.matches() ? inParentheses.group(1) : language.strip()).toLowerCase(Locale.ROOT);
    }

    /** The questions a respondent answers, in form order. */
    public List<Question> questions() {
        return Collections.unmodifiableList(questions);
    }

    /** Every row but the header and the blank ones. */
    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The field (path below the root) of a named row, or null when no row has that name. */
    public String field(String name) {
        return fields.get(name);
    }

    /** The choice names of each list, in sheet order. */
    public List<String> choices(String list) {
        return choices.getOrDefault(list, List.of());
    }

    /** The languages of the label columns, as BCP-47 tags, in column order. */
    public List<String> languages() {
        return List.copyOf(languages);
    }

    public int groups() {
        return groups;
    }

    private static List<String> lower(List<String> header) {
        return header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static String cell(List<String> row, List<String> header, String column) {
        int index = lower(header).indexOf(column);
        return index < 0 || index >= row.size() ? "" : row.get(index).trim();
    }
}
