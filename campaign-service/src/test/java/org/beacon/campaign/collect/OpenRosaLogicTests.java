package org.beacon.campaign.collect;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.collect.OpenRosaResourceTests.download;
import static org.beacon.campaign.collect.OpenRosaResourceTests.filled;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.campaign;
import static org.beacon.campaign.survey.SurveyFixtures.importXlsx;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.sheets;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.xlsx;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.campaign.survey.SurveyFixtures;
import org.beacon.campaign.survey.Wave;
import org.beacon.campaign.survey.odk.FormEngine;
import org.beacon.campaign.survey.odk.FormSession;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** A form with skip logic, a group and a translated constraint, collected through a link as a phone would. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class OpenRosaLogicTests {

    @Inject
    EntityManager entityManager;

    static byte[] form(String formId) {
        List<String> header = List.of("type", "name", "label::English (en)", "label::Français (fr)", "relevant",
                "constraint", "constraint_message::English (en)", "constraint_message::Français (fr)", "required");
        List<List<String>> survey = List.of(header,
                List.of("select_one yn", "heard", "Have you heard of the campaign?",
                        "Avez-vous entendu parler de la campagne ?", "", "", "", "", "yes"),
                List.of("begin group", "more", "More", "Plus", "${heard} = 'yes'", "", "", "", ""),
                List.of("select_multiple channel", "where", "Where?", "Où ?", "",
                        "not(selected(., 'none') and count-selected(.) > 1)", "'Nowhere' goes alone",
                        "« Nulle part » va seul", "yes"),
                List.of("end group", "", "", "", "", "", "", "", ""),
                List.of("integer", "told", "How many people did you tell?", "À combien de personnes en avez-vous parlé ?",
                        "", ". >= 0", "", "", ""));
        List<List<String>> choices = List.of(List.of("list_name", "name", "label::English (en)", "label::Français (fr)"),
                List.of("yn", "yes", "Yes", "Oui"), List.of("yn", "no", "No", "Non"),
                List.of("channel", "radio", "Radio", "Radio"), List.of("channel", "poster", "Poster", "Affiche"),
                List.of("channel", "none", "Nowhere", "Nulle part"));
        List<List<String>> settings = List.of(List.of("form_title", "form_id", "default_language"),
                List.of("Heard of it", formId, "English (en)"));
        return xlsx(sheets(survey, choices, settings));
    }

    Object[] surveyWithLink() {
        long campaign = campaign(NATIONAL);
        long survey = importXlsx(manager(NATIONAL), campaign, form("logic_" + unique("f").replace('-', '_')))
                .then().statusCode(201).extract().<Integer>path("survey.id").longValue();
        SurveyFixtures.openWave(NATIONAL, survey, Wave.BASELINE);
        String token = OpenRosaResourceTests.link(NATIONAL, survey, Wave.BASELINE, "Team Ziguinchor")
                .statusCode(201).extract().path("token");
        return new Object[] {survey, token};
    }

    static Response submitInFrench(String token, String xml) {
        return given().header("Accept-Language", "fr")
                .multiPart("xml_submission_file", "submission.xml", xml.getBytes(StandardCharsets.UTF_8), "text/xml")
                .when().post("/campaigns/collect/" + token + "/submission");
    }

    @Test
    void theServedFormCarriesItsLogicAndRunsInOdksEngine() {
        Object[] setup = surveyWithLink();
        String xform = new String(download((String) setup[1]), StandardCharsets.UTF_8);

        assertTrue(xform.contains("relevant=\""), xform);
        assertTrue(xform.contains("constraint=\""), xform);
        assertTrue(xform.contains("jr:constraintMsg"), xform);
        assertTrue(xform.contains("lang=\"Français (fr)\""), xform);
        FormSession session = FormEngine.load(xform).start();
        session.answer("/data/heard", "no");
        assertFalse(session.isRelevant("/data/more/where"));
        session.answer("/data/heard", "yes");
        assertTrue(session.isRelevant("/data/more/where"));
    }

    @Test
    void answersFollowingTheFormsLogicAreStoredWithTheLinkAndSkippedQuestionsAsNotAsked() {
        Object[] setup = surveyWithLink();
        long survey = (Long) setup[0];
        String token = (String) setup[1];
        byte[] xform = download(token);
        Map<String, String> heard = new LinkedHashMap<>();
        heard.put("heard", "yes");
        heard.put("more", "<where>radio poster</where>");
        heard.put("told", "4");
        Map<String, String> notHeard = new LinkedHashMap<>();
        notHeard.put("heard", "no");
        notHeard.put("told", "0");

        submitInFrench(token, filled(xform, "uuid:" + UUID.randomUUID(), heard)).then().statusCode(201);
        submitInFrench(token, filled(xform, "uuid:" + UUID.randomUUID(), notHeard)).then().statusCode(201);

        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select r.source, r.collector, r.language, cardinality(r.not_asked) from survey_response r
                where r.survey_id = ?1 order by r.id""").setParameter(1, survey).getResultList();
        long link = ((Number) entityManager.createNativeQuery(
                "select id from collection_link where survey_id = ?1").setParameter(1, survey).getSingleResult())
                .longValue();
        assertEquals(2, rows.size());
        for (Object[] row : rows) {
            assertEquals("collect", row[0]);
            assertEquals(link, ((Number) row[1]).longValue());
            assertEquals("fr", row[2]);
        }
        assertEquals(0, ((Number) rows.get(0)[3]).intValue());
        assertEquals(1, ((Number) rows.get(1)[3]).intValue(), "'where' was not asked of who had not heard");
    }

    @Test
    void aConstraintViolationOrAnAnswerToAQuestionNotAskedIsRefusedInTheFormsWords() {
        Object[] setup = surveyWithLink();
        long survey = (Long) setup[0];
        String token = (String) setup[1];
        byte[] xform = download(token);
        Map<String, String> noneAndRadio = new LinkedHashMap<>();
        noneAndRadio.put("heard", "yes");
        noneAndRadio.put("more", "<where>none radio</where>");
        Map<String, String> notAsked = new LinkedHashMap<>();
        notAsked.put("heard", "no");
        notAsked.put("more", "<where>radio</where>");

        submitInFrench(token, filled(xform, "uuid:" + UUID.randomUUID(), noneAndRadio)).then().statusCode(400)
                .body(containsString("« Nulle part » va seul"));
        submitInFrench(token, filled(xform, "uuid:" + UUID.randomUUID(), notAsked)).then().statusCode(400)
                .body(containsString("more/where"));
        assertEquals(0L, ((Number) entityManager.createNativeQuery(
                "select count(*) from survey_response where survey_id = ?1").setParameter(1, survey)
                .getSingleResult()).longValue());
    }
}
