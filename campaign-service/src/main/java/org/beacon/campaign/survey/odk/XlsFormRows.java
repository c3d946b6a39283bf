package org.beacon.campaign.survey.odk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.Reason;

/**
 * The rows of an XLSForm's {@code survey}, {@code choices} and {@code settings} sheets, independent of whether they
 * came from a workbook or CSV files. Headers are read as xlsform.org writes them and pyxform accepts them:
 * {@code label}, {@code label::English (en)}, {@code label::en}, {@code label:English (en)} and {@code label:English}
 * all name the English label and become the key {@code label::en}; other headers are lower-cased. Every row keeps
 * its sheet and 1-based row number (the header is row 1), and every key the header as written, so each refusal can
 * point at a cell.
 */
public final class XlsFormRows {

    public static final String SURVEY = "survey";
    public static final String CHOICES = "choices";
    public static final String SETTINGS = "settings";

    /** Columns that carry text per language. */
    static final Set<String> TRANSLATED = Set.of("label", "hint", "guidance_hint", "constraint_message",
            "required_message", "image", "audio", "video", "big-image", "media::image", "media::audio",
            "media::video", "media::big-image");

    /** pyxform's spellings of the same column. */
    private static final Map<String, String> ALIASES = Map.of(
            "caption", "label",
            "calculate", "calculation",
            "readonly", "read_only",
            "jr:constraintmsg", "constraint_message",
            "jr:requiredmsg", "required_message",
            "list name", "list_name",
            "constraint message", "constraint_message",
            "required message", "required_message",
            "choice filter", "choice_filter",
            "guidance hint", "guidance_hint");

    private static final Pattern NAME_WITH_TAG = Pattern.compile("(.*?)\\s*\\(\\s*(" + Languages.TAG + ")\\s*\\)\\s*");
    private static final Pattern TAG = Pattern.compile(Languages.TAG);
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    /** One row; {@link #get} answers "" for an absent or blank cell. */
    public record Row(String sheet, int number, Map<String, String> cells, Map<String, String> headers) {

        public String get(String key) {
            return cells.getOrDefault(key, "");
        }

        public boolean has(String key) {
            return !get(key).isEmpty();
        }

        /** The header as the author wrote it, for messages. */
        public String header(String key) {
            return headers.getOrDefault(key, key);
        }

        public FormProblem problem(String key, String feature, Reason reason) {
            return new FormProblem(sheet, number, key == null ? null : header(key), feature, reason);
        }
    }

    /** A row of cells as a sheet holds it, with its spreadsheet row number (the header is row 1). */
    public record SheetRow(int number, List<String> cells) {
    }

    /** A language the form speaks: its BCP-47 tag and how ODK Collect lists it. */
    public record Language(String tag, String displayName) {
    }

    private final Map<String, List<Row>> rows = new HashMap<>();
    private final Map<String, Language> languages = new LinkedHashMap<>();
    private final List<FormProblem> problems = new ArrayList<>();
    /** sheet → header as written → its column letter, for refusals that name a cell */
    private final Map<String, Map<String, String>> letters = new HashMap<>();
    private final String defaultLanguage;

    private XlsFormRows(Map<String, List<SheetRow>> sheets, String fallbackLanguage) {
        Map<String, List<SheetRow>> byName = new HashMap<>();
        sheets.forEach((name, sheetRows) -> byName.put(name.strip().toLowerCase(Locale.ROOT), sheetRows));
        // settings first: its default_language is the language of the plain label and hint columns
        rows.put(SETTINGS, read(SETTINGS, byName.getOrDefault(SETTINGS, List.of()), null));
        String settingsLanguage = rows.get(SETTINGS).isEmpty() ? "" : rows.get(SETTINGS).get(0).get("default_language");
        Language plain = settingsLanguage.isEmpty()
                ? new Language(fallbackLanguage, LanguageNames.displayName(fallbackLanguage))
                : language(settingsLanguage).orElseGet(() -> {
                    Row settings = rows.get(SETTINGS).get(0);
                    problems.add(settings.problem("default_language", "default_language",
                            Reason.of("xlsform.unknown-language", settingsLanguage)));
                    return new Language(fallbackLanguage, LanguageNames.displayName(fallbackLanguage));
                });
        this.defaultLanguage = plain.tag();
        rows.put(SURVEY, read(SURVEY, byName.getOrDefault(SURVEY, List.of()), plain));
        rows.put(CHOICES, read(CHOICES, byName.getOrDefault(CHOICES, List.of()), plain));
        if (!byName.containsKey(SURVEY)) {
            problems.add(new FormProblem(SURVEY, 0, null, null, Reason.of("xlsform.no-survey-sheet")));
        }
    }

    /**
     * Reads the sheets of a form.
     *
     * @param sheets sheet name (any case) → its rows, the first being the header row
     * @param fallbackLanguage BCP-47 tag of the plain {@code label} columns when the settings name no default_language
     * @throws XlsFormRefused naming each unreadable header
     */
    public static XlsFormRows of(Map<String, List<List<String>>> sheets, String fallbackLanguage) {
        Map<String, List<SheetRow>> numbered = new HashMap<>();
        sheets.forEach((name, sheetRows) -> {
            List<SheetRow> rows = new ArrayList<>();
            for (int index = 0; index < sheetRows.size(); index++) {
                rows.add(new SheetRow(index + 1, sheetRows.get(index)));
            }
            numbered.put(name, rows);
        });
        return ofNumbered(numbered, fallbackLanguage);
    }

    /**
     * Reads sheets whose rows carry their own numbers, as a workbook's do (its blank rows are not stored, so the
     * n-th row read is not always row n).
     *
     * @param sheets sheet name (any case) → its rows, the first being the header row
     */
    public static XlsFormRows ofNumbered(Map<String, List<SheetRow>> sheets, String fallbackLanguage) {
        XlsFormRows form = new XlsFormRows(sheets, fallbackLanguage);
        if (!form.problems.isEmpty()) {
            throw new XlsFormRefused(form.problems);
        }
        return form;
    }

    public List<Row> survey() {
        return rows.get(SURVEY);
    }

    public List<Row> choices() {
        return rows.get(CHOICES);
    }

    /** The settings row, or an empty one when the sheet is absent. */
    public Row settings() {
        List<Row> settings = rows.get(SETTINGS);
        return settings.isEmpty() ? new Row(SETTINGS, 2, Map.of(), Map.of()) : settings.get(0);
    }

    /** Every language a translated column names, in the order the columns first appear. */
    public List<Language> languages() {
        List<Language> all = new ArrayList<>(languages.values());
        if (all.isEmpty()) {
            all.add(new Language(defaultLanguage, LanguageNames.displayName(defaultLanguage)));
        }
        return Collections.unmodifiableList(all);
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    /** The column letter of a header of a sheet, or null when the sheet has no such header. */
    public String letter(String sheet, String header) {
        return header == null ? null : letters.getOrDefault(sheet, Map.of()).get(header);
    }

    private List<Row> read(String sheet, List<SheetRow> sheetRows, Language plain) {
        if (sheetRows.isEmpty()) {
            return List.of();
        }
        List<String> written = sheetRows.get(0).cells();
        Map<String, String> sheetLetters = letters.computeIfAbsent(sheet, s -> new HashMap<>());
        List<String> keys = new ArrayList<>();
        Map<String, Integer> firstColumn = new HashMap<>();
        Map<String, String> headers = new HashMap<>();
        for (int column = 0; column < written.size(); column++) {
            String header = written.get(column) == null ? "" : written.get(column).strip();
            sheetLetters.putIfAbsent(header, letter(column));
            String key = header.isEmpty() ? null : key(sheet, header, column, plain);
            if (key != null) {
                Integer earlier = firstColumn.putIfAbsent(key, column);
                if (earlier != null) {
                    problems.add(new FormProblem(sheet, 1, header, null, Reason.of("xlsform.same-column", letter(earlier),
                            written.get(earlier).strip(), letter(column), header)));
                    key = null;
                } else {
                    headers.put(key, header);
                }
            }
            keys.add(key);
        }
        List<Row> result = new ArrayList<>();
        for (int index = 1; index < sheetRows.size(); index++) {
            List<String> cells = sheetRows.get(index).cells();
            Map<String, String> values = new LinkedHashMap<>();
            for (int column = 0; column < Math.min(cells.size(), keys.size()); column++) {
                String value = cells.get(column) == null ? "" : cells.get(column).strip();
                if (keys.get(column) != null && !value.isEmpty()) {
                    values.put(keys.get(column), value);
                }
            }
            if (!values.isEmpty()) {
                result.add(new Row(sheet, sheetRows.get(index).number(), Collections.unmodifiableMap(values), headers));
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** The key of a header, or null (with a problem recorded) when its language cannot be told. */
    private String key(String sheet, String header, int column, Language plain) {
        String lower = header.toLowerCase(Locale.ROOT);
        String base = lower;
        String languagePart = null;
        for (String translated : TRANSLATED) {
            if (lower.startsWith(translated + "::")) {
                base = translated;
                languagePart = header.substring(translated.length() + 2);
            } else if (lower.startsWith(translated + ":") && !lower.startsWith(translated + "::")) {
                base = translated;
                languagePart = header.substring(translated.length() + 1);
            }
        }
        base = ALIASES.getOrDefault(base, base);
        if (!TRANSLATED.contains(base)) {
            return base;
        }
        Language language = languagePart == null ? plain : language(languagePart).orElse(null);
        if (language == null) {
            problems.add(new FormProblem(sheet, 1, header, "language", Reason.of("xlsform.column-unknown-language",
                    letter(column), languagePart.strip())));
            return null;
        }
        languages.putIfAbsent(language.tag(), language);
        return base + "::" + language.tag();
    }

    /** The language a header or setting names: {@code English (en)}, {@code en}, {@code English}, {@code Français}. */
    static Optional<Language> language(String written) {
        String text = written.strip();
        Matcher withTag = NAME_WITH_TAG.matcher(text);
        if (withTag.matches()) {
            String tag = Locale.forLanguageTag(withTag.group(2)).toLanguageTag();
            return Optional.of(new Language(tag, withTag.group(1).isEmpty() ? LanguageNames.displayName(tag) : text));
        }
        Optional<String> named = LanguageNames.tagOf(text);
        if (named.isPresent()) {
            return Optional.of(new Language(named.get(), text + " (" + named.get() + ")"));
        }
        if (TAG.matcher(text).matches()) {
            String tag = Locale.forLanguageTag(text).toLanguageTag();
            String primary = tag.split("-")[0];
            if (primary.length() == 3 || ISO_LANGUAGES.contains(primary)) {
                return Optional.of(new Language(tag, LanguageNames.displayName(tag)));
            }
        }
        return Optional.empty();
    }

    static String letter(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
