package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.NGO;
import static org.beacon.campaign.survey.SurveyFixtures.campaign;
import static org.beacon.campaign.survey.SurveyFixtures.importXlsx;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.sheets;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.xlsx;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class SurveyResourceTests {

    @Inject
    EntityManager entityManager;

    /** A form written the way the ODK and KoboToolbox documentation shows them: groups, hints, likert appearance. */
    static byte[] odkForm(String formId, List<String> extraRow) {
        List<String> header = List.of("type", "name", "label::English (en)", "label::Español (es)",
                "hint::English (en)", "hint::Español (es)", "required", "appearance", "relevant");
        List<List<String>> survey = new java.util.ArrayList<>(List.of(header,
                List.of("begin_group", "about_you", "About you", "Sobre usted", "", "", "", "field-list", ""),
                List.of("select_one districts", "district", "Where do you live?", "¿Dónde vive?",
                        "Choose one.", "Elija una.", "yes", "", ""),
                List.of("end_group", "", "", "", "", "", "", "", ""),
                List.of("select_one agree", "trust_police", "I would report exploitation to the police.",
                        "Denunciaría la explotación a la policía.", "", "", "yes", "likert", ""),
                List.of("select_multiple sources", "sources", "Where did you hear about it?",
                        "¿Dónde oyó hablar de ello?", "Select all that apply.", "Elija todas las que correspondan.",
                        "no", "", ""),
                List.of("integer", "household", "How many people live with you?", "¿Cuántas personas viven con usted?",
                        "", "", "yes", "", ""),
                List.of("text", "comment", "Anything else?", "¿Algo más?", "", "", "no", "", ""),
                List.of("note", "bye", "Thank you!", "¡Gracias!", "", "", "", "", "")));
        if (extraRow != null) {
            survey.add(4, extraRow);
        }
        List<List<String>> choices = List.of(List.of("list_name", "name", "label::English (en)", "label::Español (es)"),
                List.of("districts", "north", "North", "Norte"),
                List.of("districts", "south", "South", "Sur"),
                List.of("agree", "1", "Strongly disagree", "Muy en desacuerdo"),
                List.of("agree", "2", "Disagree", "En desacuerdo"),
                List.of("agree", "3", "Neutral", "Neutral"),
                List.of("agree", "4", "Agree", "De acuerdo"),
                List.of("agree", "5", "Strongly agree", "Muy de acuerdo"),
                List.of("sources", "radio", "Radio", "Radio"),
                List.of("sources", "friends", "Friends", "Amistades"));
        List<List<String>> settings = List.of(List.of("form_title", "form_id", "version", "default_language"),
                List.of("Community survey", formId, "2027010101", "English (en)"));
        return xlsx(sheets(survey, choices, settings));
    }

    long surveyCount() {
        return ((Number) entityManager.createNativeQuery("select count(*) from survey").getSingleResult())
                .longValue();
    }

    @Test
    void anOdkStyleFormIsImportedWithItsGroups() {
        long campaign = campaign(NATIONAL);
        String formId = "community_" + unique("f").replace('-', '_');
        importXlsx(manager(NATIONAL), campaign, odkForm(formId, null))
                .then().statusCode(201)
                .body("created", equalTo(true))
                .body("survey.slug", equalTo(SurveyFixtures.campaignSlug(campaign) + "-" + formId.replace('_', '-')))
                .body("survey.languages", contains("en", "es"))
                .body("survey.questions.name", contains("district", "trust_police", "sources", "household", "comment",
                        "bye"))
                .body("survey.questions.kind", contains("single", "likert", "multiple", "integer", "text", "note"))
                .body("survey.questions[0].field", equalTo("about_you/district"))
                .body("survey.questions[0].hint.es", equalTo("Elija una."))
                .body("survey.questions[1].label.es", equalTo("Denunciaría la explotación a la policía."))
                .body("survey.questions[2].required", equalTo(false))
                .body("survey.waves.status", contains("not_opened", "not_opened", "not_opened"));
    }

    @Test
    void importingTheSameFormAgainChangesNothing() {
        long campaign = campaign(NATIONAL);
        String formId = "again_" + unique("f").replace('-', '_');
        byte[] form = odkForm(formId, null);
        long id = importXlsx(manager(NATIONAL), campaign, form).then().statusCode(201)
                .extract().<Integer>path("survey.id").longValue();
        importXlsx(manager(NATIONAL), campaign, form).then().statusCode(200)
                .body("created", equalTo(false)).body("changed", equalTo(false)).body("survey.id", equalTo((int) id));
    }

    @Test
    void unsupportedRowsAreNamedBySheetRowColumnAndFeatureAndNothingIsImported() {
        long campaign = campaign(NATIONAL);
        long before = surveyCount();
        // Row 5 (after the header and three rows) is a GPS question, which Beacon does not collect.
        byte[] form = odkForm("bad_" + unique("f").replace('-', '_'),
                List.of("geopoint", "location", "Where are you?", "¿Dónde está?", "", "", "no", "", ""));

        importXlsx(manager(NATIONAL), campaign, form)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasItem(containsString("survey sheet, row 5, column A (type): 'geopoint': location "
                        + "(geopoint) is not supported")));
        assertEquals(before, surveyCount(), "a rejected form must not be half-imported");
    }

    @Test
    void skipLogicIsImportedAndMarksTheQuestionsItMayLeaveNotAsked() {
        long campaign = campaign(NATIONAL);
        byte[] withSkipLogic = xlsx(sheets(
                List.of(List.of("type", "name", "label", "relevant"),
                        List.of("integer", "age", "Age", ""),
                        List.of("text", "why", "Why?", "${age} > 17")),
                List.of(List.of("list_name", "name", "label")),
                List.of(List.of("form_id"), List.of("skip_" + unique("f").replace('-', '_')))));
        importXlsx(manager(NATIONAL), campaign, withSkipLogic)
                .then().statusCode(201)
                .body("survey.questions.name", contains("age", "why"))
                .body("survey.questions.conditional", contains(false, true));
    }

    @Test
    void identifyingMetadataIsLeftOutAndALanguageWithMissingLabelsIsNotOffered() {
        long campaign = campaign(NATIONAL);
        byte[] kobo = xlsx(sheets(
                List.of(List.of("type", "name", "label::English (en)", "label::Français (fr)"),
                        List.of("start", "start", "", ""),
                        List.of("deviceid", "deviceid", "", ""),
                        List.of("text", "why", "Why?", "")),
                List.of(List.of("list_name", "name", "label::English (en)", "label::Français (fr)")),
                List.of(List.of("form_id"), List.of("kobo_" + unique("f").replace('-', '_')))));
        importXlsx(manager(NATIONAL), campaign, kobo)
                .then().statusCode(201)
                .body("survey.questions.name", contains("why"))
                .body("survey.languages", contains("en"))
                .body("survey.notices", hasItem("survey row 2: 'start' (start) is not collected in anonymous surveys"))
                .body("survey.notices", hasItem("survey row 3: 'deviceid' (deviceid) is not collected in anonymous "
                        + "surveys"))
                .body("survey.notices", hasItem("survey row 4: no label in Français (fr)"));
    }

    @Test
    void theShippedContentSurveyImportsFromItsCsvSheets() throws IOException {
        long campaign = campaign(NATIONAL);
        Path folder = SurveyFixtures.CONTENT.resolve("know-the-signs/surveys/know-the-signs");
        String slug = SurveyFixtures.campaignSlug(campaign) + "-know-the-signs";
        given().auth().oauth2(manager(NATIONAL))
                .multiPart("campaign", Long.toString(campaign))
                .multiPart("slug", slug)
                .multiPart("survey", "survey.csv", Files.readAllBytes(folder.resolve("survey.csv")), "text/csv")
                .multiPart("choices", "choices.csv", Files.readAllBytes(folder.resolve("choices.csv")), "text/csv")
                .multiPart("settings", "settings.csv", Files.readAllBytes(folder.resolve("settings.csv")), "text/csv")
                .when().post("/campaigns/api/surveys")
                .then().statusCode(201)
                .body("survey.slug", equalTo(slug))
                .body("survey.languages", contains("en", "fr", "es", "pt", "ar"))
                .body("survey.consent.fr", containsString("Cette courte enquête est anonyme"))
                .body("survey.questions.find { it.name == 'gender' }.role", equalTo("gender"))
                .body("survey.questions.find { it.name == 'k_sign' }.kind", equalTo("knowledge"))
                .body("survey.questions.find { it.name == 'k_sign' }.answer", equalTo("papers_kept"))
                .body("survey.questions.find { it.name == 'l_real_work' }.kind", equalTo("likert"))
                .body("survey.questions.find { it.name == 'heard_from' }.role", equalTo("channel"))
                .body("survey.questions.find { it.name == 'suggestion' }.answer", nullValue());
    }

    @Test
    void aManagerOfAnotherOrganizationCanNeitherImportNorOpenWaves() {
        long campaign = campaign(NATIONAL);
        importXlsx(manager(NGO), campaign, odkForm("other_" + unique("f").replace('-', '_'), null))
                .then().statusCode(403);
        long id = SurveyFixtures.evaluationSurvey(NATIONAL, "iso_" + unique("f").replace('-', '_'));
        given().auth().oauth2(manager(NGO))
                .when().post("/campaigns/api/surveys/" + id + "/waves/baseline/open")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.token("tina", NATIONAL, "trainee"))
                .when().get("/campaigns/api/surveys/" + id)
                .then().statusCode(403);
    }

    @Test
    void wavesOpenAndClose() {
        long id = SurveyFixtures.evaluationSurvey(NATIONAL, "waves_" + unique("f").replace('-', '_'));
        given().auth().oauth2(manager(NATIONAL))
                .when().post("/campaigns/api/surveys/" + id + "/waves/endline/close")
                .then().statusCode(409);
        given().auth().oauth2(manager(NATIONAL))
                .when().post("/campaigns/api/surveys/" + id + "/waves/baseline/open")
                .then().statusCode(200).body("status", equalTo("open"));
        given().auth().oauth2(manager(NATIONAL))
                .when().post("/campaigns/api/surveys/" + id + "/waves/baseline/close")
                .then().statusCode(200).body("status", equalTo("closed"));
        given().auth().oauth2(manager(NATIONAL))
                .when().get("/campaigns/api/surveys/" + id)
                .then().statusCode(200)
                .body("waves.find { it.wave == 'baseline' }.status", equalTo("closed"))
                .body("waves.find { it.wave == 'baseline' }.href",
                        equalTo("/campaigns/public/surveys/" + given().auth().oauth2(manager(NATIONAL))
                                .get("/campaigns/api/surveys/" + id).path("slug") + "/baseline"));
    }

    @Test
    void paperAnswersWithBadRowsAreRejectedWholeUnlessOnlyGoodRowsAreWanted() {
        long id = SurveyFixtures.evaluationSurvey(NATIONAL, "paper_" + unique("f").replace('-', '_'),
                Wave.BASELINE);
        String csv = """
                age_band,gender,region,k1,l1,heard_from,people_told,suggestion
                age_15_24,woman,dakar,yes,4,radio posters,3,More radio
                age_25_49,man,,maybe,5,,2,
                age_50_plus,prefer_not,thies,no,3,radio,1,
                age_25_49,woman,dakar,yes,9,tv,x,
                """;
        SurveyFixtures.uploadCsv(NATIONAL, id, Wave.BASELINE, csv, false)
                .then().statusCode(400)
                .body("errors", hasItem("answers sheet, row 3, column D (k1): not one of the choices"))
                .body("errors", hasItem("answers sheet, row 5, column E (l1): not one of the choices"))
                .body("errors", hasItem("answers sheet, row 5, column F (heard_from): not one of the choices"))
                .body("errors", hasItem("answers sheet, row 5, column G (people_told): not a whole number"));
        assertEquals(0, responses(id), "a file with bad rows stores nothing");

        SurveyFixtures.uploadCsv(NATIONAL, id, Wave.BASELINE, csv, true)
                .then().statusCode(200)
                .body("rows", equalTo(4)).body("stored", equalTo(2)).body("duplicates", equalTo(0))
                .body("problems", hasSize(4));
        assertEquals(2, responses(id));

        SurveyFixtures.uploadCsv(NATIONAL, id, Wave.BASELINE, csv, true)
                .then().statusCode(200).body("stored", equalTo(0)).body("duplicates", equalTo(2));
        assertEquals(2, responses(id), "uploading the same file twice stores its rows once");
    }

    @Test
    void paperAnswersGoIntoAWaveThatWasOpenedEvenOnceClosedAndTheUploadIsAudited() {
        long id = SurveyFixtures.evaluationSurvey(NATIONAL, "pw_" + unique("f").replace('-', '_'));
        String csv = """
                age_band,gender,region,k1,l1,heard_from,people_told,suggestion
                age_15_24,woman,dakar,yes,4,radio posters,3,More radio
                """;
        SurveyFixtures.uploadCsv(NATIONAL, id, Wave.ENDLINE, csv, false)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("endline wave was never opened"));
        assertEquals(0, responses(id), "nothing is stored into a wave that never ran");

        // Paper answers collected while the wave was open are typed in after it closed.
        SurveyFixtures.openWave(NATIONAL, id, Wave.ENDLINE);
        given().auth().oauth2(manager(NATIONAL))
                .when().post("/campaigns/api/surveys/" + id + "/waves/endline/close")
                .then().statusCode(200);
        SurveyFixtures.uploadCsv(NATIONAL, id, Wave.ENDLINE, csv, false)
                .then().statusCode(200).body("stored", equalTo(1));
        assertEquals(1, responses(id));
        Object[] entry = (Object[]) entityManager.createNativeQuery("""
                select actor, summary from audit_entry where action = 'survey-upload' and subject_id = ?1
                order by id desc limit 1""").setParameter(1, id).getSingleResult();
        assertEquals(TestTokens.subjectOf("manon-" + NATIONAL), entry[0]);
        assertTrue(((String) entry[1]).contains("closed endline wave"), (String) entry[1]);
    }

    @Test
    void anAllDigitSurveyAddressIsRefusedNamingTheField() {
        long campaign = campaign(NATIONAL);
        given().auth().oauth2(manager(NATIONAL))
                .multiPart("campaign", Long.toString(campaign)).multiPart("slug", "2024")
                .multiPart("file", "form.xlsx", SurveyFixtures.evaluationForm("digits_" + unique("f").replace('-', '_')),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .when().post("/campaigns/api/surveys")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasItem(containsString("slug")));
        assertEquals(0L, ((Number) entityManager.createNativeQuery(
                "select count(*) from survey where campaign_id = ?1").setParameter(1, campaign).getSingleResult())
                .longValue(), "nothing is imported");
    }

    @Test
    void anAddressThatIsAlsoAnotherSurveysNumberFindsTheSurveyWithThatAddress() {
        String targetForm = "target_" + unique("f").replace('-', '_');
        String legacyForm = "legacy_" + unique("f").replace('-', '_');
        long target = SurveyFixtures.evaluationSurvey(NATIONAL, targetForm, Wave.BASELINE);
        long legacy = SurveyFixtures.evaluationSurvey(NATIONAL, legacyForm, Wave.BASELINE);
        // A survey imported before all-digit addresses were refused, whose address is the other survey's number.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update survey set slug = ?1, revision = revision + 1 where id = ?2")
                .setParameter(1, Long.toString(target)).setParameter(2, legacy).executeUpdate());

        for (int i = 0; i < 3; i++) {
            given().when().get("/campaigns/public/surveys/" + target + "/baseline")
                    .then().statusCode(200)
                    .body(containsString("<h1>Evaluation " + legacyForm + "</h1>"));
        }
        given().when().get("/campaigns/public/surveys/" + SurveyFixtures.slug(target) + "/baseline")
                .then().statusCode(200)
                .body(containsString("<h1>Evaluation " + targetForm + "</h1>"));
    }

    @Test
    void anAnswersFileOverTheUploadLimitIsRefusedWith413AndStoresNothing() {
        long id = SurveyFixtures.evaluationSurvey(NATIONAL, "big_" + unique("f").replace('-', '_'));
        StringBuilder csv = new StringBuilder("age_band,gender,region,k1,l1,heard_from,people_told,suggestion\n");
        while (csv.length() <= 1_572_864) {
            csv.append("age_25_49,woman,dakar,yes,4,radio,2,\n");
        }
        SurveyFixtures.uploadCsv(NATIONAL, id, Wave.BASELINE, csv.toString(), true)
                .then().statusCode(413).body("detail", containsString("1.5 MB"));
        assertEquals(0, responses(id), "a refused file stores nothing");
    }

    @Test
    void paperAnswersWithUnknownColumnsOrWithoutARequiredQuestionAreRejected() {
        long id = SurveyFixtures.evaluationSurvey(NATIONAL, "cols_" + unique("f").replace('-', '_'), Wave.BASELINE);
        SurveyFixtures.uploadCsv(NATIONAL, id, Wave.BASELINE, "age_band,gender,k1,favourite_colour\n", true)
                .then().statusCode(400)
                .body("errors", hasItem("answers sheet, row 1, column D (favourite_colour): no question of this "
                        + "survey has this name"))
                .body("errors", hasItem("answers sheet, row 1, column l1: the required question has no column"));
    }

    @Test
    void theAnswerTemplateListsTheQuestionNames() {
        long id = SurveyFixtures.evaluationSurvey(NATIONAL, "tpl_" + unique("f").replace('-', '_'));
        given().auth().oauth2(manager(NATIONAL))
                .when().get("/campaigns/api/surveys/" + id + "/answers-template.csv")
                .then().statusCode(200)
                .body(equalTo("age_band,gender,region,k1,l1,heard_from,people_told,suggestion\r\n"));
    }

    long responses(long surveyId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from survey_response where survey_id = ?1")
                .setParameter(1, surveyId).getSingleResult()).longValue();
    }

    static io.restassured.response.Response dryRun(String token, long campaignId, byte[] workbook) {
        return given().auth().oauth2(token)
                .multiPart("campaign", Long.toString(campaignId))
                .multiPart("file", "form.xlsx", workbook,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .when().post("/campaigns/api/surveys?dryRun=true");
    }

    long storedRows() {
        return ((Number) entityManager.createNativeQuery("select (select count(*) from survey)"
                + " + (select count(*) from survey_question) + (select count(*) from audit_entry)").getSingleResult())
                .longValue();
    }

    @Test
    void aDryRunSaysWhatTheImportWouldDoAndStoresNothing() {
        long campaign = campaign(NATIONAL);
        String formId = "dry_" + unique("f").replace('-', '_');
        long before = storedRows();
        dryRun(manager(NATIONAL), campaign, odkForm(formId, null)).then().statusCode(200)
                .body("created", equalTo(true)).body("changed", equalTo(true))
                .body("slug", equalTo(SurveyFixtures.campaignSlug(campaign) + "-" + formId.replace('_', '-')));
        assertEquals(before, storedRows(), "a dry run stores no survey, no question and no audit entry");

        importXlsx(manager(NATIONAL), campaign, odkForm(formId, null)).then().statusCode(201);
        dryRun(manager(NATIONAL), campaign, odkForm(formId, null)).then().statusCode(200)
                .body("created", equalTo(false)).body("changed", equalTo(false));
    }

    @Test
    void aDryRunRefusesWhatTheImportRefusesWithTheSameProblems() {
        long campaign = campaign(NATIONAL);
        byte[] form = odkForm("dry_bad_" + unique("f").replace('-', '_'),
                List.of("geopoint", "location", "Where are you?", "¿Dónde está?", "", "", "no", "", ""));
        long before = storedRows();
        List<String> dry = dryRun(manager(NATIONAL), campaign, form).then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath().getList("errors", String.class);
        List<String> real = importXlsx(manager(NATIONAL), campaign, form).then().statusCode(400)
                .extract().jsonPath().getList("errors", String.class);
        assertEquals(real, dry);
        assertTrue(dry.stream().anyMatch(e -> e.contains("(geopoint) is not supported")), dry.toString());
        assertEquals(before, storedRows());
        dryRun(manager(NGO), campaign, odkForm("dry_other_" + unique("f").replace('-', '_'), null))
                .then().statusCode(403);
    }
}
