package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.NGO;
import static org.beacon.campaign.survey.SurveyFixtures.campaign;
import static org.beacon.campaign.survey.SurveyFixtures.campaignSlug;
import static org.beacon.campaign.survey.SurveyFixtures.importXlsx;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.sheets;
import static org.beacon.campaign.survey.SurveyFixtures.slug;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.beacon.campaign.survey.SurveyFixtures.xlsx;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Hostile and malformed survey input (issue 10): forms and answer files that inflate past the limits, NUL
 * characters, broken encodings and bodies, and addresses one organization could take from another. Each is a 4xx
 * naming what is wrong and where, and stores nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class SurveyInputLimitsTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    EntityManager entityManager;

    long count(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    long surveys() {
        return count("select count(*) from survey");
    }

    long responses(long surveyId) {
        return count("select count(*) from survey_response where survey_id = ?1", surveyId);
    }

    static Response importCsv(String token, long campaign, String survey, String choices, String settings) {
        var request = given().auth().oauth2(token).multiPart("campaign", Long.toString(campaign))
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

    /** The workbook with one of its parts replaced, as a hostile author would pack it by hand. */
    static byte[] withPart(byte[] workbook, String partName, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(entry.getName().equals(partName) ? content : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aSmallWorkbookWhoseSheetInflatesFarPastTheLimitIsRefusedWith413AndStoresNothing() throws IOException {
        long campaign = campaign(NATIONAL);
        byte[] form = xlsx(sheets(List.of(List.of("type", "name", "label"), List.of("text", "why", "Why?")),
                List.of(List.of("list_name", "name", "label")), List.of(List.of("form_id"), List.of("bomb"))));
        // 30 MB of rows, packed into a few dozen kilobytes (the test limit per part is 1 MB).
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        String row = "<row><c t=\"inlineStr\"><is><t>text</t></is></c><c t=\"inlineStr\"><is><t>why</t></is></c>"
                + "<c t=\"inlineStr\"><is><t>Why?</t></is></c></row>";
        while (sheet.length() < 30_000_000) {
            sheet.append(row);
        }
        sheet.append("</sheetData></worksheet>");
        byte[] bomb = withPart(form, "xl/worksheets/sheet1.xml", sheet.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(bomb.length < 200_000, "the workbook is small: " + bomb.length);
        long before = surveys();

        importXlsx(manager(NATIONAL), campaign, bomb)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("inflates to more than"));
        assertEquals(before, surveys(), "nothing is stored");
    }

    @Test
    void aSheetWithMoreRowsThanTheLimitIsRefusedNamingTheSheetAndTheLimit() {
        long campaign = campaign(NATIONAL);
        StringBuilder survey = new StringBuilder("type,name,label\n");
        for (int i = 0; i < 5000; i++) {
            survey.append("note,n").append(i).append(",N\n");
        }
        long before = surveys();
        importCsv(manager(NATIONAL), campaign, survey.toString(), null, null)
                .then().statusCode(413)
                .body("detail", containsString("The survey sheet has more than 5,000 rows, the limit"));
        assertEquals(before, surveys(), "nothing is stored");
    }

    @Test
    void aSelectTypeWhoseSecondWordIsNeitherOneNorMultipleIsRefusedBySheetRowAndColumn() {
        long campaign = campaign(NATIONAL);
        long before = surveys();
        importCsv(manager(NATIONAL), campaign, "type,name,label\nselect foo list,a,A\nselect_foo list,b,B\n",
                "list_name,name,label\nlist,x,X\n", "form_id\nselect_" + unique("f").replace('-', '_') + "\n")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasItem(containsString("survey sheet, row 2, column A (type): the type 'select foo "
                        + "list' is not supported")))
                .body("errors", hasItem(containsString("survey sheet, row 3, column A (type): the type 'select_foo "
                        + "list' is not supported")));
        assertEquals(before, surveys(), "nothing is stored");
    }

    @Test
    void aNulInAFormCellIsRefusedNamingTheCell() {
        long campaign = campaign(NATIONAL);
        long before = surveys();
        importCsv(manager(NATIONAL), campaign, "type,name,label\ntext,why,Why\u0000?\n", null, null)
                .then().statusCode(400)
                .body("errors", hasItem("survey sheet, row 2, column C: contains a NUL character (U+0000); delete it"));
        assertEquals(before, surveys(), "nothing is stored");
    }

    @Test
    void moreQuestionsOrChoicesThanTheLimitsAreRefusedNamingTheLimit() {
        long campaign = campaign(NATIONAL);
        StringBuilder survey = new StringBuilder("type,name,label\n");
        for (int i = 1; i <= 41; i++) {
            survey.append("integer,q").append(i).append(",Q").append(i).append('\n');
        }
        StringBuilder choices = new StringBuilder("list_name,name,label\n");
        for (int i = 1; i <= 31; i++) {
            choices.append("many,c").append(i).append(",C").append(i).append('\n');
        }
        long before = surveys();
        importCsv(manager(NATIONAL), campaign, survey.toString(), null, null)
                .then().statusCode(400)
                .body("errors", hasItem("survey sheet, row 42, column A (type): the form has more than 40 "
                        + "questions, the limit (beacon.limits.form.questions)"));
        importCsv(manager(NATIONAL), campaign, "type,name,label\nselect_one many,pick,Pick\n", choices.toString(),
                null)
                .then().statusCode(400)
                .body("errors", hasItem("choices sheet, row 32, column A (list_name): the list many has more than 30 "
                        + "choices, the limit (beacon.limits.form.choices-per-list)"));
        assertEquals(before, surveys(), "nothing is stored");
    }

    @Test
    void surveyLabelsShownToRespondentsLoseCharactersThatReorderOrHideText() {
        long campaign = campaign(NATIONAL);
        importCsv(manager(NATIONAL), campaign, "type,name,label\ntext,why,\u202EWhy\u200B?\u2066\n", null,
                "form_id,form_title\nspoof_" + unique("f").replace('-', '_') + ",Evalu\u2060ation\u202A\n")
                .then().statusCode(201)
                .body("survey.questions[0].label.en", equalTo("Why?"))
                .body("survey.title", equalTo("Evaluation"));
    }

    @Test
    void anAnswersFileWithALineOrRowsBeyondTheLimitsIsRefusedWith413AndStoresNothing() {
        long id = SurveyFixtures.evaluationSurvey(NATIONAL, "long_" + unique("f").replace('-', '_'),
                Wave.BASELINE);
        String header = "age_band,gender,k1,l1,suggestion\n";
        uploadCsv(NATIONAL, id, Wave.BASELINE, header + "age_15_24,woman,yes,4," + "x".repeat(9000) + "\n", false)
                .then().statusCode(413)
                .body("detail", containsString("Line 2 of the answers file is longer than 8,192 characters, the "
                        + "limit"));
        StringBuilder rows = new StringBuilder(header);
        for (int i = 0; i < 20_000; i++) {
            rows.append("age_15_24,woman,yes,4,\n");
        }
        uploadCsv(NATIONAL, id, Wave.BASELINE, rows.toString(), false)
                .then().statusCode(413)
                .body("detail", containsString("The answers sheet has more than 20,000 rows, the limit"));
        assertEquals(0, responses(id), "nothing is stored");
    }

    @Test
    void anAnswersFileThatIsNotCsvSaysWhatIsWrongAtWhichRow() {
        long id = SurveyFixtures.evaluationSurvey(NATIONAL, "csv_" + unique("f").replace('-', '_'), Wave.BASELINE);
        uploadCsv(NATIONAL, id, Wave.BASELINE, "age_band,gender,k1,l1\nage_15_24,woman,yes,4\n"
                + "\"age_15_24\"x,woman,yes,4\n", false)
                .then().statusCode(400)
                .body("errors", hasItem(containsString("answers sheet, row 3: a quoted value is followed by more "
                        + "text before the next comma")))
                .body(not(containsString("CSVException")));
        assertEquals(0, responses(id), "nothing is stored");
    }

    @Test
    void aNulInAnAnswersFileIsRefusedNamingRowAndColumn() {
        long id = SurveyFixtures.evaluationSurvey(NATIONAL, "nul_" + unique("f").replace('-', '_'), Wave.BASELINE);
        uploadCsv(NATIONAL, id, Wave.BASELINE, "age_band,gender,k1,l1,suggestion\nage_15_24,woman,yes,4,a\u0000b\n",
                false)
                .then().statusCode(400)
                .body("errors", hasItem("answers sheet, row 2, column E: contains a NUL character (U+0000); "
                        + "delete it"));
        assertEquals(0, responses(id), "nothing is stored");
    }

    @Test
    void aNulInAPublicFormAnswerIsTheFormAgainWith400TheQuestionMarkedAndNothingStored() {
        long id = SurveyFixtures.evaluationSurvey(NATIONAL, "nulform_" + unique("f").replace('-', '_'),
                Wave.BASELINE);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("_key=" + UUID.randomUUID() + "&_lang=fr&q.age_band=age_15_24&q.gender=woman&q.k1=yes&q.l1=4"
                        + "&q.people_told=3&q.suggestion=a%00b")
                .when().post("/campaigns/public/surveys/" + slug(id) + "/baseline")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("Cette réponse n’a pas pu être lue."))
                // The readable answers are kept.
                .body(containsString("value=\"3\""));
        assertEquals(0, responses(id), "nothing is stored");
    }

    @Test
    void badPercentEncodingInAPublicFormIsAReadable400PageAndStoresNothing() {
        long id = SurveyFixtures.evaluationSurvey(NATIONAL, "pct_" + unique("f").replace('-', '_'), Wave.BASELINE);
        for (String suggestion : List.of("%zz", "%E0%A4%")) {
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .header("Accept-Language", "fr")
                    .body("_key=" + UUID.randomUUID() + "&_lang=fr&q.age_band=age_15_24&q.gender=woman&q.k1=yes"
                            + "&q.l1=4&q.suggestion=" + suggestion)
                    .when().post("/campaigns/public/surveys/" + slug(id) + "/baseline")
                    .then().statusCode(400)
                    .contentType(containsString("text/html"))
                    .body(containsString("<html lang=\"fr\""))
                    .body(containsString("Certains champs ne sont pas valides."));
        }
        assertEquals(0, responses(id), "nothing is stored");
    }

    @Test
    void aMultipartBodyWithoutItsClosingBoundaryOrWithALineBreakInAFileNameIs400() {
        long campaign = campaign(NATIONAL);
        long before = surveys();
        String start = "--XyZ\r\nContent-Disposition: form-data; name=\"campaign\"\r\n\r\n" + campaign + "\r\n";
        String noEnd = start + "--XyZ\r\nContent-Disposition: form-data; name=\"survey\"; filename=\"s.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\ntype,name,label\r\ntext,a,A\r\n";
        String lineBreak = start + "--XyZ\r\nContent-Disposition: form-data; name=\"survey\"; filename=\"s\r\n.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\ntype,name,label\r\ntext,a,A\r\n--XyZ--\r\n";
        for (String body : List.of(noEnd, lineBreak)) {
            given().auth().oauth2(manager(NATIONAL)).contentType("multipart/form-data; boundary=XyZ")
                    .body(body.getBytes(StandardCharsets.UTF_8))
                    .when().post("/campaigns/api/surveys")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("multipart body"));
        }
        assertEquals(before, surveys(), "nothing is stored");
    }

    @Test
    void aFormWithoutFormIdTakesItsAddressFromItsCampaignSoNoOrganizationTakesAGenericOne() {
        String survey = "type,name,label\ntext,why,Why?\n";
        long national = campaign(NATIONAL);
        long ngo = campaign(NGO);
        importCsv(manager(NATIONAL), national, survey, null, null)
                .then().statusCode(201).body("survey.slug", equalTo(campaignSlug(national) + "-survey"));
        importCsv(manager(NGO), ngo, survey, null, null)
                .then().statusCode(201).body("survey.slug", equalTo(campaignSlug(ngo) + "-survey"));
        // The same form_id in two organizations: each gets an address of its own campaign, neither is refused.
        String formId = "shared_" + unique("f").replace('-', '_');
        importCsv(manager(NATIONAL), national, survey, null, "form_id\n" + formId + "\n").then().statusCode(201);
        importCsv(manager(NGO), ngo, survey, null, "form_id\n" + formId + "\n")
                .then().statusCode(201)
                .body("survey.slug", equalTo(campaignSlug(ngo) + "-" + formId.replace('_', '-')));
        long before = surveys();
        given().auth().oauth2(manager(NGO)).multiPart("campaign", Long.toString(ngo)).multiPart("slug", "survey")
                .multiPart("survey", "survey.csv", survey.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/campaigns/api/surveys")
                .then().statusCode(400)
                .body("errors", hasItem(containsString("slug: 'survey' does not begin with '" + campaignSlug(ngo))));
        assertEquals(before, surveys(), "nothing is stored");
    }

    @Test
    void anAddressInALongerCampaignAddressBelongsToThatCampaign() {
        String survey = "type,name,label\ntext,why,Why?\n";
        String shortSlug = unique("c");
        String longSlug = shortSlug + "-journeys";
        long shortCampaign = SurveyFixtures.campaignWithSlug(NGO, shortSlug);
        SurveyFixtures.campaignWithSlug(NATIONAL, longSlug);
        long before = surveys();
        given().auth().oauth2(manager(NGO)).multiPart("campaign", Long.toString(shortCampaign))
                .multiPart("slug", longSlug + "-2027")
                .multiPart("survey", "survey.csv", survey.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/campaigns/api/surveys")
                .then().statusCode(409)
                .body("detail", containsString("begins with the address of another campaign"));
        assertEquals(before, surveys(), "nothing is stored");
    }
}
