package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.campaign;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.importXlsx;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.openWave;
import static org.beacon.campaign.survey.SurveyFixtures.sheets;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.beacon.campaign.survey.SurveyFixtures.xlsx;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.text.CsvCells;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A form author plants formulas in labels, respondents plant them in free-text answers: no cell of any CSV Beacon
 * writes may begin with a character that makes a spreadsheet evaluate it (OWASP's CSV injection list).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class ExportSafetyTests {

    /** Each of OWASP's formula starts, as an attacker would use it. */
    static final List<String> PLANTED = List.of("=HYPERLINK(\"http://evil.test\",\"Open\")",
            "+cmd|' /C calc'!A0", "-2+3+cmd|' /C notepad'!A0", "@SUM(1+9)*cmd|' /C calc'!A0", "\t=1+2", "\r=3+4");

    long survey;

    @BeforeEach
    void aFormWithFormulasInItsLabelsAndAnswers() throws IOException {
        List<String> header = List.of("type", "name", "label::English (en)", "required", "beacon_kind",
                "beacon_answer");
        List<List<String>> questions = List.of(header,
                List.of("select_one genders", "gender", "=Gender", "yes", "background", ""),
                List.of("select_one k1list", "k1", "+Can trafficking happen inside one country?", "yes",
                        "knowledge", "yes"),
                List.of("select_one agree5", "l1", "-Domestic work is real work.", "yes", "likert", ""),
                List.of("text", "suggestion", "@What would help?", "no", "", ""));
        List<List<String>> choices = new ArrayList<>(List.of(List.of("list_name", "name", "label::English (en)")));
        for (int i = 0; i < PLANTED.size(); i++) {
            choices.add(List.of("genders", gender(i), PLANTED.get(i)));
        }
        choices.add(List.of("k1list", "yes", "=Yes"));
        choices.add(List.of("k1list", "no", "\tNo"));
        choices.add(List.of("k1list", "dont_know", "\rI don't know"));
        for (int i = 1; i <= 5; i++) {
            choices.add(List.of("agree5", Integer.toString(i), (i % 2 == 0 ? "@" : "-") + i));
        }
        String formId = "unsafe_" + unique("f").replace('-', '_');
        List<List<String>> settings = List.of(List.of("form_title", "form_id", "version", "default_language"),
                List.of("+Evaluation " + formId, formId, "1", "English (en)"));
        survey = importXlsx(manager(NATIONAL), campaign(NATIONAL), xlsx(sheets(questions, choices, settings)))
                .then().log().ifValidationFails().statusCode(201).extract().<Integer>path("survey.id").longValue();
        openWave(NATIONAL, survey, Wave.BASELINE);

        // 24 respondents: every planted free text four times, so the answers are above k and exported.
        StringWriter answers = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(answers, CSVFormat.DEFAULT)) {
            csv.printRecord("gender", "k1", "l1", "suggestion");
            for (int i = 0; i < 24; i++) {
                csv.printRecord(gender(i % PLANTED.size()), i % 3 == 0 ? "no" : "yes", Integer.toString(1 + i % 5),
                        PLANTED.get(i % PLANTED.size()));
            }
        }
        uploadCsv(NATIONAL, survey, Wave.BASELINE, answers.toString(), false)
                .then().log().ifValidationFails().statusCode(200).body("stored", equalTo(24));
    }

    @Test
    void noCellOfTheAggregatesCanRunAsAFormula() throws IOException {
        List<CSVRecord> records = parse(given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "/export.csv")
                .then().statusCode(200).extract().asString());
        assertNoFormula(records);
        List<String> cells = cells(records);
        for (String planted : PLANTED) {
            assertTrue(cells.contains("'" + stored(planted)), "the choice label " + planted.strip()
                    + " is exported quoted");
        }
        for (String label : List.of("=Gender", "+Can trafficking happen inside one country?",
                "-Domestic work is real work.", "@What would help?", "=Yes")) {
            assertTrue(cells.contains("'" + label), label + " is exported quoted");
        }
        // Figures stay numbers: negative changes and plain counts are not turned into text.
        assertTrue(records.stream().anyMatch(r -> r.get("n").matches("\\d+")), "counts stay numbers");
    }

    @Test
    void noCellOfTheFreeTextExportCanRunAsAFormula() throws IOException {
        String body = given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "/texts.csv?question=suggestion&wave=baseline")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(".csv"))
                .extract().asString();
        List<CSVRecord> records = parse(body);
        assertEquals(24, records.size(), "every answer is exported, not a page of them");
        assertNoFormula(records);
        for (String planted : PLANTED) {
            assertEquals(4, records.stream().filter(r -> r.get("answer").equals("'" + stored(planted))).count(),
                    "the answer " + planted.strip() + " is exported quoted");
        }
        assertTrue(records.stream().allMatch(r -> r.get("question_label").equals("'@What would help?")));
    }

    @Test
    void theFreeTextExportKeepsTheRulesOfThePages() {
        // Fewer than k answers: nothing to export, and the reason says so (not an empty file).
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "/texts.csv?question=suggestion&wave=endline")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("at least 10 people"));
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "/texts.csv?question=gender&wave=baseline")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "/texts.csv?question=suggestion&wave=someday")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(evaluator("civil-society-ngo"))
                .when().get("/campaigns/api/results/" + survey + "/texts.csv?question=suggestion&wave=baseline")
                .then().statusCode(403);
        given().auth().oauth2(manager(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "/texts.csv?question=suggestion&wave=baseline")
                .then().statusCode(403);
    }

    @Test
    void theAnswersTemplateHasNoFormulaEither() throws IOException {
        // The template's cells are question names, which the import only accepts as XML names: checked all the same.
        String template = given().auth().oauth2(manager(NATIONAL))
                .when().get("/campaigns/api/surveys/" + survey + "/answers-template.csv")
                .then().statusCode(200).extract().asString();
        List<CSVRecord> header = CSVFormat.DEFAULT.parse(new StringReader(template)).getRecords();
        assertEquals(List.of("gender", "k1", "l1", "suggestion"), header.get(0).toList());
        assertNoFormula(header);
    }

    /**
     * What Beacon stores of a planted text: the form import and the answer upload trim leading white space, so a
     * planted tab or carriage return reaches the exports as the formula behind it (CsvCellsTests covers those two
     * starts on their own).
     */
    static String stored(String planted) {
        return planted.strip();
    }

    /** The gender question must offer "prefer not to say": the last planted label is that choice's. */
    static String gender(int i) {
        return i == PLANTED.size() - 1 ? "prefer_not" : "g" + i;
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(false).get()
                .parse(new StringReader(csv)).getRecords();
    }

    static List<String> cells(List<CSVRecord> records) {
        List<String> cells = new ArrayList<>();
        for (CSVRecord record : records) {
            record.forEach(cells::add);
        }
        return cells;
    }

    static void assertNoFormula(List<CSVRecord> records) {
        assertFalse(records.isEmpty());
        for (CSVRecord record : records) {
            for (String cell : record) {
                assertFalse(CsvCells.isFormulaLike(cell) && !cell.matches("-?\\d+(\\.\\d+)?(E-?\\d+)?"),
                        "a spreadsheet would run the cell " + cell.strip() + " of line " + record.getRecordNumber());
            }
        }
    }
}
