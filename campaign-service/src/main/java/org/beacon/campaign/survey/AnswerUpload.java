package org.beacon.campaign.survey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.campaign.audit.AuditLog;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * Answers collected on paper or offline, uploaded as CSV with one column per question field: its path in the form
 * ({@code household/members}), or its bare name when no other question has that name. Every row is checked with the
 * same rules as the web form, the form's logic included (a row that breaks a constraint or answers a question its
 * other answers skip is refused by row and column); a file with bad rows stores nothing unless the uploader asks to
 * import only the good rows. Re-uploading the same file stores nothing twice: each row's idempotency key is its {@code _uuid}
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

    @Inject
    SurveysConfig surveysConfig;

    /**
     * Stores a file of answers into a wave that was opened. A closed wave takes them too: field teams type in the
     * paper answers they collected while it was open, often days later. A wave that never ran had no respondents,
     * so answers for it are a mistake (409). Every upload is written to the audit log, naming a closed wave.
     */
    @Transactional
    public Report upload(long surveyId, Wave wave, FormSheet sheet, boolean onlyGoodRows) {
        SurveyForm form = surveys.form(surveyId);
        SurveyWave state = SurveyWave.of(surveyId, wave).orElseThrow(() -> ProblemException.conflict(Reason.of(
                "survey.upload-wave-never-opened", wave.id())));
        List<FormError> problems = new ArrayList<>();
        Map<String, Integer> columns = columns(form, sheet, problems);
        if (!problems.isEmpty()) {
            throw new FormRejected(Reason.of("upload.columns-mismatch"), problems);
        }
        int keyColumn = sheet.column("_uuid");
        int languageColumn = sheet.column("_lang");
        List<ResponseStore.Keyed> good = new ArrayList<>();
        AnswerSheet.Batch answers = AnswerSheet.batch(form);
        int rows = 0;
        for (FormSheet.Row row : sheet.rows()) {
            if (row.isBlank()) {
                continue;
            }
            rows++;
            String language = languageColumn < 0 ? form.defaultLanguage() : form.language(row.get(languageColumn));
            AnswerSheet.Outcome outcome = answers.read(field -> valuesOf(field, columns, row), language, surveysConfig.maxTextLength());
            if (!outcome.isValid()) {
                outcome.problems().forEach((field, problem) -> problems.add(new FormError(SHEET, row.number(),
                        columns.containsKey(field) ? FormSheet.letter(columns.get(field)) + " (" + field + ")" : field,
                        columns.containsKey(field) || !problem.code().equals(AnswerSheet.MISSING)
                                ? form.questionOfField(field).map(problem::reason).orElse(problem.reason())
                                : Reason.of("upload.column-missing"))));
                continue;
            }
            good.add(new ResponseStore.Keyed(keyOf(form, wave, row, keyColumn), language, outcome.answers()));
        }
        if (!problems.isEmpty() && !onlyGoodRows) {
            long badRows = problems.stream().mapToInt(FormError::row).distinct().count();
            throw new FormRejected(Reason.of(badRows == 1 ? "upload.bad-row" : "upload.bad-rows", badRows),
                    problems);
        }
        int stored = responses.storeAll(form, wave, ResponseStore.UPLOAD, good);
        audit.record("survey-upload", SurveyService.AUDIT_SUBJECT, form.id(), form.organization(),
                AuditSummary.of(state.isOpen() ? "survey.answers-uploaded" : "survey.answers-uploaded-closed",
                        form.slug(), AuditSummary.word("wave." + wave.id()), rows, stored, good.size() - stored,
                        rows - good.size()));
        return new Report(rows, stored, good.size() - stored, problems);
    }

    /**
     * Question field → column index; unknown columns, ambiguous names and missing required questions are reported.
     * A column for a calculation is ignored: the server computes it from the row's answers.
     */
    private static Map<String, Integer> columns(SurveyForm form, FormSheet sheet, List<FormError> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < sheet.columns().size(); c++) {
            String name = sheet.columns().get(c).trim();
            if (name.isEmpty() || name.startsWith("_")) {
                continue;
            }
            List<SurveyForm.Question> named = questionsFor(form, name);
            String column = FormSheet.letter(c) + " (" + name + ")";
            if (named.size() > 1) {
                problems.add(new FormError(SHEET, 1, column, Reason.of("upload.column-ambiguous",
                        named.stream().map(SurveyForm.Question::field).collect(Collectors.joining(" or ")))));
            } else if (named.isEmpty()) {
                problems.add(new FormError(SHEET, 1, column, Reason.of("upload.column-unknown")));
            } else if (columns.put(named.get(0).field(), c) != null) {
                problems.add(new FormError(SHEET, 1, column, Reason.of("upload.column-twice")));
            }
        }
        for (SurveyForm.Question question : form.answerable()) {
            if (question.required() && !question.conditional() && !columns.containsKey(question.field())
                    && !isCalculation(form, question)) {
                problems.add(new FormError(SHEET, 1, question.field(), Reason.of("upload.required-column-missing")));
            }
        }
        return columns;
    }

    /** The questions a column names: by field, else by bare name. */
    private static List<SurveyForm.Question> questionsFor(SurveyForm form, String column) {
        List<SurveyForm.Question> byField = form.answerable().stream().filter(q -> q.field().equals(column))
                .toList();
        if (!byField.isEmpty()) {
            return byField;
        }
        return form.answerable().stream().filter(q -> q.name().equals(column)).toList();
    }

    private static boolean isCalculation(SurveyForm form, SurveyForm.Question question) {
        return !form.engine().questions().contains(question.path());
    }

    private static List<String> valuesOf(String field, Map<String, Integer> columns, FormSheet.Row row) {
        Integer column = columns.get(field);
        // a multiple choice cell holds its choices space-separated, as ODK exports them; AnswerSheet splits them
        return column == null ? List.of() : List.of(row.get(column));
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
