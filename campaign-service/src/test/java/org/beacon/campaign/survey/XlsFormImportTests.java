package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.campaign;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.campaign.survey.odk.FormSession;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * XLSForm features imported through the API: one test form per feature (src/test/resources/xlsforms/), and one
 * refusal per feature Beacon cannot honour, each asserting the sheet, row, column and the feature's name, with
 * nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class XlsFormImportTests {

    private static final Path FORMS = Path.of("src/test/resources/xlsforms");

    @Inject
    EntityManager entityManager;

    @Inject
    SurveyForms forms;

    static Response importForm(long campaign, String survey, String choices, String settings) {
        var request = given().auth().oauth2(manager(NATIONAL)).multiPart("campaign", Long.toString(campaign))
                .multiPart("survey", "survey.csv", survey.getBytes(StandardCharsets.UTF_8), "text/csv");
        if (choices != null) {
            request = request.multiPart("choices", "choices.csv", choices.getBytes(StandardCharsets.UTF_8), "text/csv");
        }
        if (settings != null) {
            request = request.multiPart("settings", "settings.csv", settings.getBytes(StandardCharsets.UTF_8),
                    "text/csv");
        }
        return request.when().post("/campaigns/api/surveys");
    }

    /** Imports the test form of a directory under xlsforms/ into a new campaign. */
    static ValidatableResponse importTestForm(String name) {
        return importForm(campaign(NATIONAL), sheet(name, "survey"), sheet(name, "choices"), sheet(name, "settings"))
                .then();
    }

    private static String sheet(String form, String sheet) {
        Path file = FORMS.resolve(form).resolve(sheet + ".csv");
        try {
            return Files.exists(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long surveys() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from survey").getSingleResult()).longValue());
    }

    private SurveyForm form(long id) {
        return QuarkusTransaction.requiringNew().call(() -> forms.byId(id).orElseThrow());
    }

    private static long id(ValidatableResponse response) {
        return response.extract().<Integer>path("survey.id").longValue();
    }

    /** Imports a one-sheet form whose survey sheet is the given CSV, expecting a refusal; nothing is stored. */
    private ValidatableResponse refused(String survey, String choices) {
        long campaign = campaign(NATIONAL);
        long before = surveys();
        ValidatableResponse response = importForm(campaign, survey, choices, null).then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(before, surveys(), "nothing is stored");
        return response;
    }

    @Test
    void everySpellingOfALanguageHeaderIsReadAndSheetAndColumnNamesIgnoreCase() {
        importTestForm("headers").statusCode(201)
                .body("survey.languages", contains("en", "fr", "es", "pt"))
                .body("survey.questions[0].label.es", equalTo("¿Qué edad tiene?"))
                .body("survey.questions[0].hint.en", equalTo("In years."))
                .body("survey.questions[0].required", equalTo(true))
                .body("survey.title", equalTo("Headers"));
    }

    @Test
    void workbookSheetNamesIgnoreCase() {
        java.util.Map<String, List<List<String>>> sheets = new java.util.LinkedHashMap<>();
        sheets.put("SURVEY", List.of(List.of("Type", "Name", "Label"), List.of("select_one yesno", "q", "Q?")));
        sheets.put("Choices", List.of(List.of("List_Name", "NAME", "label"), List.of("yesno", "yes", "Yes")));
        sheets.put("Settings", List.of(List.of("form_id"), List.of("cased")));
        SurveyFixtures.importXlsx(manager(NATIONAL), campaign(NATIONAL), SurveyFixtures.xlsx(sheets))
                .then().statusCode(201)
                .body("survey.formId", equalTo("cased"))
                .body("survey.questions[0].choices.name", contains("yes"));
    }

    @Test
    void everyQuestionTypeBecomesAQuestionOfItsKind() {
        ValidatableResponse response = importTestForm("types").statusCode(201);
        response.body("survey.questions.field", contains("people", "weight", "why", "arrived", "heard", "where",
                        "first", "first_other", "also", "info", "score", "share", "agree", "twice", "kept", "trip/days",
                        "back/plans"))
                .body("survey.questions.kind", contains("integer", "decimal", "text", "date", "single", "multiple",
                        "single", "text", "multiple", "note", "integer", "decimal", "acknowledge", "calculate",
                        "calculate", "integer", "text"))
                .body("survey.questions.stored", contains(true, true, true, true, true, true, true, true, true, false,
                        true, true, true, false, true, true, true))
                // or_other offers "other" and asks for the text only when it is chosen
                .body("survey.questions[6].choices.name", contains("radio", "posters", "other"))
                .body("survey.questions[7].conditional", equalTo(true))
                .body("survey.questions[7].label.en", equalTo("Specify other."))
                .body("survey.questions[12].choices.name", contains("OK"));
        SurveyForm form = form(id(response));
        assertEquals("/data/trip/days", form.questionAt("/data/trip/days").orElseThrow().path());
        FormSession session = form.engine().start();
        session.answer("/data/people", "4");
        assertEquals("8", session.value("/data/twice"));
        assertEquals("5", session.value("/data/kept"));
    }

    @Test
    void relevanceConstraintsMessagesDefaultsFiltersCalculationsAndReferencesAreKeptAndRun() {
        ValidatableResponse response = importTestForm("logic").statusCode(201)
                .body("survey.languages", contains("en", "fr"))
                .body("survey.questions.field", contains("heard", "where", "more/region", "more/town", "age", "count",
                        "months", "shown", "fixed"))
                .body("survey.questions.conditional", contains(false, true, true, true, false, false, false, false,
                        false))
                .body("survey.notices", hasItem("settings: instance_name is ignored: Beacon names responses itself"));
        FormSession session = form(id(response)).engine().start();
        assertFalse(session.isRelevant("/data/where"), "asked only of those who heard of the campaign");
        session.answer("/data/heard", "yes");
        assertTrue(session.isRelevant("/data/where"));
        assertEquals("Where, Yes?", session.label("/data/where", "en"), "a reference shows the choice's label");
        session.answer("/data/where", "radio none");
        session.answer("/data/more/region", "thies");
        assertEquals(List.of("mbour"), session.choices("/data/more/town"), "the choice filter");
        session.answer("/data/age", "130");
        List<FormSession.Violation> violations = session.violations("fr");
        assertTrue(violations.stream().anyMatch(v -> v.path().equals("/data/where")
                && v.message().equals("Aucun ne va pas avec un canal.")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.path().equals("/data/age")
                && v.message().equals("Entre 15 et 120.")), violations.toString());
        session.answer("/data/age", "20");
        assertEquals("240", session.value("/data/months"), "the calculation, recomputed when its trigger changes");
        assertEquals("Age in months: 240", session.label("/data/shown", "en"));
        assertEquals("3", session.value("/data/count"), "the default");
        assertEquals("unchanged", session.value("/data/fixed"));
    }

    @Test
    void aLanguageOnlyTheChoicesSpeakIsNotOfferedAndAChoiceMissingALanguageIsReported() {
        importTestForm("languages").statusCode(201)
                // Portuguese lacks the question's label, French the label of "no": only English is complete
                .body("survey.languages", contains("en"))
                .body("survey.notices", hasItem(containsString("choices row 3: no label in Français (fr)")))
                .body("survey.notices", hasItem(containsString("survey row 2: no label in Português (pt)")))
                .body("survey.notices", hasItem(containsString("respondents are not offered Português (pt)")));
    }

    @Test
    void theSameNameInTwoGroupsGivesTwoQuestionsWithTheirOwnFields() {
        importTestForm("scoping").statusCode(201)
                .body("survey.questions.name", contains("age", "age"))
                .body("survey.questions.field", contains("mother/age", "father/age"));
    }

    @Test
    void metadataIsImportedAsNothingAndListedAsNotCollected() {
        importTestForm("metadata").statusCode(201)
                .body("survey.questions.field", contains("why"))
                .body("survey.notices", hasItem("survey row 2: 'start' (started) is not collected in anonymous surveys"))
                .body("survey.notices", hasItem("survey row 5: 'deviceid' (device) is not collected in anonymous surveys"))
                .body("survey.notices", hasItem("survey row 10: 'start-geopoint' (place) is not collected in anonymous "
                        + "surveys"));
    }

    @Test
    void theExpressionsFormsUseInPracticeImportAndEvaluate() {
        ValidatableResponse response = importTestForm("expressions").statusCode(201);
        FormSession session = form(id(response)).engine().start();
        session.answer("/data/name", "ana");
        session.answer("/data/n", "6");
        session.answer("/data/colours", "red blue");
        assertEquals("ana-an", session.value("/data/c1"));
        assertEquals("big", session.value("/data/c2"));
        assertEquals("5", session.value("/data/c3"));
        assertEquals("Red", session.value("/data/c5"));
        assertTrue(session.violations("en").isEmpty(), session.violations("en").toString());
        session.answer("/data/name", "xq");
        assertFalse(session.violations("en").isEmpty());
    }

    @Test
    void anEmptyChoicesSheetIsFine() {
        importTestForm("empty-choices").statusCode(201).body("survey.questions.field", contains("why"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "begin repeat|repeat",
            "geopoint|location (geopoint)",
            "geotrace|location (geotrace)",
            "geoshape|location (geoshape)",
            "image|media capture (image)",
            "audio|media capture (audio)",
            "video|media capture (video)",
            "file|file upload",
            "barcode|barcode",
            "rank colours|rank",
            "hidden|hidden questions",
            "select_one_from_file towns.csv|external choices (select_one_from_file)",
            "select_multiple_from_file towns.csv|external choices (select_multiple_from_file)",
            "select_one_external towns|external choices (select_one_external)",
            "csv-external towns|external choices (csv-external)"})
    void anUnsupportedTypeIsRefusedWithSheetRowColumnAndFeature(String type, String feature) {
        refused("type,name,label\ntext,first,First\n" + type + ",q,Q\n", null)
                .body("errors", hasItem(containsString("survey sheet, row 3, column A (type): '" + type + "': "
                        + feature + " is not supported")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "repeat_count|3|repeat",
            "media::image|picture.png|media",
            "image::English (en)|picture.png|media",
            "bind::odk:length|5|custom XForm attributes",
            "body::accuracyThreshold|5|location (geopoint)"})
    void anUnsupportedColumnIsRefusedWithSheetRowColumnAndFeature(String column, String value, String feature) {
        refused("type,name,label," + column + "\ntext,first,First,\ntext,q,Q," + value + "\n", null)
                .body("errors", hasItem(containsString("survey sheet, row 3, column D (" + column + "): '" + column
                        + "': " + feature + " is not supported")));
    }

    @Test
    void aTriggerOnARowWithoutACalculationIsRefused() {
        refused("type,name,label,trigger\ntext,first,First,\ntext,q,Q,${first}\n", null)
                .body("errors", hasItem(containsString("survey sheet, row 3, column D (trigger): a trigger is only "
                        + "supported on a row with a calculation")));
    }

    @Test
    void aSelectWhoseSecondWordIsNeitherOneNorMultipleIs400NamingTheRow() {
        refused("type,name,label\nselect foo list,a,A\nselect_foo list,b,B\n", "list_name,name,label\nlist,x,X\n")
                .body("errors", hasItem(containsString("survey sheet, row 2, column A (type): the type 'select foo "
                        + "list' is not supported")))
                .body("errors", hasItem(containsString("survey sheet, row 3, column A (type): the type 'select_foo "
                        + "list' is not supported")));
    }

    @Test
    void twoColumnsWithTheSameHeaderAreRefusedNamingBoth() {
        refused("type,name,label::English (en),label:English\ntext,q,Q,Q\n", null)
                .body("errors", hasItem(containsString("columns C ('label::English (en)') and D ('label:English') "
                        + "are the same column")));
    }

    @Test
    void aLanguageWithoutATagOrAKnownNameIsRefusedNamingTheColumn() {
        refused("type,name,label::Klingonese\ntext,q,Q\n", null)
                .body("errors", hasItem(containsString("unknown language 'Klingonese'")))
                .body("errors", hasItem(containsString("label::Klingonese")));
    }

    @Test
    void anUnknownFunctionOrNameInAnExpressionIsRefusedWithRowAndName() {
        refused("type,name,label,relevant,constraint\ninteger,a,A,,\ninteger,b,B,${c} > 1,frobnicate(.) > 1\n", null)
                .body("errors", hasItem(containsString("survey sheet, row 3, column D (relevant): ${c} names no "
                        + "question of this form")))
                .body("errors", hasItem(containsString("survey sheet, row 3, column E (constraint): unknown function "
                        + "frobnicate()")));
    }

    @Test
    void aMissingListAndADuplicateChoiceAreRefusedWithTheirRows() {
        refused("type,name,label\nselect_one nowhere,a,A\nselect_one yesno,b,B\nselect_one nowhere,c,C\n",
                "list_name,name,label\nyesno,yes,Yes\nyesno,yes,Yes again\n")
                .body("errors", hasItem(containsString("survey sheet, row 2, column A (type): the choice list "
                        + "'nowhere' is not on the choices sheet")))
                .body("errors", hasItem(containsString("survey sheet, row 4, column A (type): the choice list "
                        + "'nowhere' is not on the choices sheet")))
                .body("errors", hasItem(containsString("choices sheet, row 3, column B (name): choice 'yes' is "
                        + "already in list 'yesno' (row 2)")));
    }

    @Test
    void namesAndSettingsLongerThanTheyCanBeStoredAreRefusedNotA500() {
        long campaign = campaign(NATIONAL);
        String longName = "q" + "x".repeat(100);
        importForm(campaign, "type,name,label\ntext," + longName + ",Q\n", null, "form_id\nf" + "x".repeat(120) + "\n")
                .then().statusCode(400)
                .body("errors", hasItem("survey sheet, row 2, column B (name): the name is longer than 100 characters"))
                .body("errors", hasItem("settings sheet, row 2, column A (form_id): the form_id is longer than 120 "
                        + "characters"));
    }

    @Test
    void settingsThatWouldSendAnswersElsewhereAreRefused() {
        long campaign = campaign(NATIONAL);
        importForm(campaign, "type,name,label\ntext,q,Q\n", null, "form_id,submission_url\nsent,https://example.org\n")
                .then().statusCode(400)
                .body("errors", hasItem(containsString("settings sheet, row 2, column B (submission_url)")));
    }

    @Test
    void aSurveyStoredBeforeXFormsWereKeptIsGivenOneFromItsQuestions() {
        long id = id(importTestForm("types").statusCode(201));
        // as V32 left a survey imported before it: no XForm, and a new revision so the snapshot is rebuilt
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update survey set xform = null, revision = revision + 1 where id = ?1")
                .setParameter(1, id).executeUpdate());
        SurveyForm form = form(id);
        assertTrue(form.xform().contains("<h:title>Types</h:title>"), "converted from the stored questions");
        FormSession session = form.engine().start();
        assertTrue(session.answer("/data/heard", "yes"));
        assertEquals("yes", session.value("/data/heard"));
        assertTrue(session.answer("/data/trip/days", "3"), "a question in a group keeps its path");
        assertTrue(session.violations("en").stream().noneMatch(v -> v.path().equals("/data/heard")));
    }

    @Test
    void theImportPageLinksToTheTableOfXlsFormFeatures() {
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/surveys")
                .then().statusCode(200).body(containsString("href=\"/campaigns/surveys/xlsform\""));
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/surveys/xlsform")
                .then().statusCode(200)
                .body(containsString("XLSForm support"))
                .body(containsString("not collected in anonymous surveys"))
                .body(not(containsString("{|")));
    }
}
