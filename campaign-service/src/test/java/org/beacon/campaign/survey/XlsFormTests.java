package org.beacon.campaign.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.campaign.input.InputLimits;
import org.junit.jupiter.api.Test;

/**
 * What a survey manager reads when XlsForm refuses a form: every problem with its sheet, row and column, and one
 * summary, without a running service (the HTTP side is XlsFormImportTests).
 */
class XlsFormTests {

    private static final String SURVEY_HEADER = "type|name|label::English (en)|beacon_kind|beacon_answer";
    private static final String LIKERT_CHOICES = "list_name|name|label::English (en)\n"
            + "agree|1|Disagree strongly\nagree|2|Disagree\nagree|3|Neither\nagree|4|Agree\nagree|5|Agree strongly";

    private static InputLimits.Form limits(int questions, int choicesPerList) {
        return new InputLimits.Form() {
            @Override
            public int questions() {
                return questions;
            }

            @Override
            public int choicesPerList() {
                return choicesPerList;
            }
        };
    }

    /** Sheets as name, then '|'-separated rows with the header first; the sheet's rows are numbered from 2. */
    private static Map<String, FormSheet> sheets(String... nameThenRows) {
        Map<String, FormSheet> sheets = new LinkedHashMap<>();
        for (int i = 0; i < nameThenRows.length; i += 2) {
            List<String> lines = nameThenRows[i + 1].lines().toList();
            List<FormSheet.Row> rows = new ArrayList<>();
            for (int r = 1; r < lines.size(); r++) {
                rows.add(new FormSheet.Row(r + 1, Arrays.asList(lines.get(r).split("\\|", -1))));
            }
            sheets.put(nameThenRows[i], new FormSheet(nameThenRows[i], Arrays.asList(lines.get(0).split("\\|", -1)),
                    rows));
        }
        return sheets;
    }

    /** A question without fault, after the rows under test: a form left with no question is refused for that too. */
    private static final String SOUND_ROW = "\nselect_one agree|calm|I feel safe at home|likert|";

    private static Map<String, FormSheet> form(String surveyRows) {
        return sheets("survey", SURVEY_HEADER + "\n" + surveyRows + SOUND_ROW, "choices", LIKERT_CHOICES,
                "settings", "form_id|version\nshelter-baseline|1");
    }

    private static FormRejected refused(Map<String, FormSheet> sheets, InputLimits.Form limits) {
        return assertThrows(FormRejected.class, () -> XlsForm.read(sheets, "en", limits));
    }

    @Test
    void aWellFormedFormIsRead() {
        SurveyDraft draft = XlsForm.read(form("select_one agree|trust|I trust the radio|likert|"), "en", limits(10, 10));

        assertEquals("shelter-baseline", draft.formId());
        assertEquals(2, draft.questions().size());
    }

    @Test
    void anUnknownKindIsRefusedWithItsRowAndColumn() {
        FormRejected rejected = refused(form("select_one agree|trust|I trust the radio|opinion|"), limits(10, 10));

        assertEquals(List.of(new FormError("survey", 2, "D (beacon_kind)",
                "beacon_kind 'opinion' is not one of likert, knowledge, background, channel, result").toString()),
                rejected.problems().stream().map(FormError::toString).toList());
        assertEquals("The form was not imported: fix the 1 problem below and upload it again.", rejected.getMessage());
    }

    @Test
    void anAnswerKeyOutsideAKnowledgeItemIsRefused() {
        FormRejected rejected = refused(form("select_one agree|trust|I trust the radio|likert|5"), limits(10, 10));

        assertEquals(List.of(new FormError("survey", 2, "E (beacon_answer)", "beacon_answer is only for knowledge items").toString()),
                rejected.problems().stream().map(FormError::toString).toList());
    }

    @Test
    void aLikertItemWithoutTheChoicesOneToFiveIsRefused() {
        Map<String, FormSheet> sheets = sheets(
                "survey", SURVEY_HEADER + "\nselect_one yn|trust|I trust the radio|likert|" + SOUND_ROW,
                "choices", LIKERT_CHOICES + "\nyn|yes|Yes\nyn|no|No",
                "settings", "form_id|version\nshelter-baseline|1");

        FormRejected rejected = refused(sheets, limits(10, 10));

        assertEquals(List.of(new FormError("survey", 2, "A (type)", "a Likert item needs a list with the choices 1 to 5").toString()),
                rejected.problems().stream().map(FormError::toString).toList());
    }

    @Test
    void aListLongerThanTheLimitIsRefusedOnceAtItsFirstRowPastIt() {
        FormRejected rejected = refused(form("select_one agree|trust|I trust the radio|likert|"), limits(10, 3));

        assertEquals(List.of(new FormError("choices", 5, "A (list_name)",
                "the list agree has more than 3 choices, the limit (beacon.limits.form.choices-per-list)").toString()),
                rejected.problems().stream().map(FormError::toString).toList());
    }

    @Test
    void everyProblemIsListedInFormOrderAndCounted() {
        FormRejected rejected = refused(form("select_one agree|trust|I trust the radio|opinion|\n"
                + "select_one agree|fair|The police are fair|likert|5"), limits(10, 10));

        assertEquals(List.of(2, 3), rejected.problems().stream().map(FormError::row).toList());
        assertEquals("The form was not imported: fix the 2 problems below and upload it again.", rejected.getMessage());
    }

    @Test
    void aFormLongerThanTheLimitIsRefused() {
        FormRejected rejected = refused(form("select_one agree|trust|I trust the radio|likert|\n"
                + "select_one agree|fair|The police are fair|likert|"), limits(2, 10));

        assertEquals(List.of("the form has more than 2 questions, the limit (beacon.limits.form.questions)"),
                rejected.problems().stream().map(FormError::message).toList());
    }
}
