package org.beacon.campaign.survey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.campaign.audit.AuditLog;
import org.beacon.commons.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers collected on paper or offline, uploaded as CSV with one column per question name. Every row is checked
 * with the same rules as the web form; a file with bad rows stores nothing unless the uploader asks to import only
 * the good rows. Re-uploading the same file stores nothing twice: each row's idempotency key is its {@code _uuid}
 * column (as KoboToolbox exports carry) or is derived from the survey, wave, row number and content.
 */
@ApplicationScoped
public class AnswerUpload {

    public static final String SHEET = "answers";

    /** What an upload did. Problems name the row (the header is row 1) and the column. */
    public record Report(int rows, int stored, int duplicates, List<FormError> problems) {
    }

    @Inject
    SurveyService surveys;

    @Inject
    ResponseStore responses;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "beacon.surveys.max-text-length", defaultValue = "2000")
    int maxText;

    /**
     * Stores a file of answers into a wave that was opened. A closed wave takes them too: field teams type in the
     * paper answers they collected while it was open, often days later. A wave that never ran had no respondents,
     * so answers for it are a mistake (409). Every upload is written to the audit log, naming a closed wave.
     */
    @Transactional
    public Report upload(long surveyId, Wave wave, FormSheet sheet, boolean onlyGoodRows) {
        SurveyForm form = surveys.form(surveyId);
        SurveyWave state = SurveyWave.of(surveyId, wave).orElseThrow(() -> ProblemException.conflict("The "
                + wave.id() + " wave was never opened, so it has no answers to upload; open it first, or choose the"
                + " wave the answers were collected in."));
        List<FormError> problems = new ArrayList<>();
        Map<String, Integer> columns = columns(form, sheet, problems);
        if (!problems.isEmpty()) {
            throw new FormRejected("Nothing was stored: the columns do not match the survey.", problems);
        }
        int keyColumn = sheet.column("_uuid");
        int languageColumn = sheet.column("_lang");
        List<ResponseStore.Keyed> good = new ArrayList<>();
        int rows = 0;
        for (FormSheet.Row row : sheet.rows()) {
            if (row.isBlank()) {
                continue;
            }
            rows++;
            AnswerSheet.Outcome outcome = AnswerSheet.read(form, name -> valuesOf(form, name, columns, row),
                    form.defaultLanguage(), maxText);
            if (!outcome.isValid()) {
                outcome.problems().forEach((name, problem) -> problems.add(new FormError(SHEET, row.number(),
                        columns.containsKey(name) ? FormSheet.letter(columns.get(name)) + " (" + name + ")" : name,
                        columns.containsKey(name) ? problem.description() : "the column is missing")));
                continue;
            }
            String language = languageColumn < 0 ? form.defaultLanguage() : form.language(row.get(languageColumn));
            good.add(new ResponseStore.Keyed(keyOf(form, wave, row, keyColumn), language, outcome.answers()));
        }
        if (!problems.isEmpty() && !onlyGoodRows) {
            long badRows = problems.stream().mapToInt(FormError::row).distinct().count();
            throw new FormRejected("Nothing was stored: " + badRows + (badRows == 1 ? " row has" : " rows have")
                    + " problems. Fix them, or choose to import only the valid rows.", problems);
        }
        int stored = responses.storeAll(form, wave, ResponseStore.UPLOAD, good);
        audit.record("survey-upload", SurveyService.AUDIT_SUBJECT, form.id(), form.organization(),
                "Uploaded " + rows + " rows of " + (state.isOpen() ? "" : "closed ") + wave.id() + " wave answers to"
                        + " survey " + form.slug() + ": " + stored
                        + " stored, " + (good.size() - stored) + " already stored, "
                        + (rows - good.size()) + " skipped");
        return new Report(rows, stored, good.size() - stored, problems);
    }

    /** Question name → column index; unknown columns and missing required questions are reported. */
    private static Map<String, Integer> columns(SurveyForm form, FormSheet sheet, List<FormError> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < sheet.columns().size(); c++) {
            String name = sheet.columns().get(c).trim();
            if (name.isEmpty() || name.startsWith("_")) {
                continue;
            }
            var question = form.question(name);
            if (question.isEmpty() || !question.get().collectsAnswer()) {
                problems.add(new FormError(SHEET, 1, FormSheet.letter(c) + " (" + name + ")",
                        "no question of this survey has this name"));
            } else if (columns.put(name, c) != null) {
                problems.add(new FormError(SHEET, 1, FormSheet.letter(c) + " (" + name + ")",
                        "the column appears twice"));
            }
        }
        for (SurveyForm.Question question : form.answerable()) {
            if (question.required() && !columns.containsKey(question.name())) {
                problems.add(new FormError(SHEET, 1, question.name(), "the required question has no column"));
            }
        }
        return columns;
    }

    private static List<String> valuesOf(SurveyForm form, String name, Map<String, Integer> columns,
            FormSheet.Row row) {
        Integer column = columns.get(name);
        if (column == null) {
            return List.of();
        }
        String value = row.get(column);
        boolean multiple = form.question(name).map(q -> q.kind().equals(SurveyQuestion.MULTIPLE)).orElse(false);
        return multiple ? Arrays.asList(value.split("\\s+")) : List.of(value);
    }

    private static UUID keyOf(SurveyForm form, Wave wave, FormSheet.Row row, int keyColumn) {
        if (keyColumn >= 0) {
            String given = row.get(keyColumn).replaceFirst("^uuid:", "");
            try {
                return UUID.fromString(given);
            } catch (IllegalArgumentException e) {
                // Not a UUID: fall back to the content-derived key below.
            }
        }
        String identity = form.id() + "|" + wave.id() + "|" + row.number() + "|" + String.join("\u001f", row.cells());
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }
}
