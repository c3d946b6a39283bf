package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.admin;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.openWave;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A results request whose figures were solved already is served from the kept state of its survey (one query names
 * it: the form's revisions, the waves, k, the breakdown decision, the teams and the number of responses). A change
 * of any of these keeps the number of responses but must never be served the figures of before: each one below is
 * made on a survey whose page and JSON were just served, and the next read shows it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class ServedStateTests {

    @Inject
    EntityManager entityManager;

    @Test
    void aChangeOfWhatTheFiguresDependOnIsNeverServedStale() {
        // an organization of its own, so that changing its k changes no other test's figures
        String org = unique("served");
        long survey = evaluationSurvey(org, "served_" + unique("f").replace('-', '_'), Wave.ENDLINE);
        uploadCsv(org, survey, Wave.ENDLINE, KnownAnswers.csv(KnownAnswers.endline()), false)
                .then().statusCode(200);

        // read twice: the second read is served from the kept state, and equal to the first
        String first = page(org, survey);
        assertEquals(first, page(org, survey));
        double mean = likertMean(org, survey);
        assertEquals(mean, likertMean(org, survey));
        assertTrue(first.contains("fewer than 10 respondents"), "the platform's k");
        assertTrue(first.contains("<option value=\"region\""), "region is a dimension by default");
        assertFalse(first.contains("<option value=\"baseline\""), "the baseline wave was never opened");

        // a question setting (l1 reverse-worded): the figures are rebuilt, the number of responses is the same
        long l1 = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select id from survey_question where survey_id = ?1 and name = 'l1'").setParameter(1, survey)
                .getSingleResult()).longValue());
        given().auth().oauth2(manager(org)).redirects().follow(false)
                .formParam("use-" + l1, "likert").formParam("reversed-" + l1, "true")
                .when().post("/campaigns/surveys/" + survey + "/settings")
                .then().statusCode(303);
        assertEquals(6 - mean, likertMean(org, survey), 0.011, "the reversed mean, not the kept one");

        // the organization's k
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("minCellSize", 7))
                .when().put("/campaigns/api/results/disclosure/" + org)
                .then().statusCode(200);
        assertTrue(page(org, survey).contains("fewer than 7 respondents"), "the organization's new k");

        // the manager's breakdown dimensions
        given().auth().oauth2(manager(org)).contentType("application/x-www-form-urlencoded")
                .formParam("question", "gender", "k1").redirects().follow(false)
                .when().post("/campaigns/surveys/" + survey + "/dimensions").then().statusCode(303);
        String decided = page(org, survey);
        assertFalse(decided.contains("<option value=\"region\""), "region is no longer a dimension");
        assertTrue(decided.contains("<option value=\"k1\""), "k1 is one now");

        // a wave opened
        openWave(org, survey, Wave.BASELINE);
        assertTrue(page(org, survey).contains("<option value=\"baseline\""), "the opened baseline wave");
    }

    private static String page(String org, long survey) {
        return given().auth().oauth2(evaluator(org)).when().get("/campaigns/results/" + survey)
                .then().statusCode(200).extract().asString();
    }

    /** The endline mean of l1 as the JSON API gives it. */
    private static double likertMean(String org, long survey) {
        List<Map<String, Object>> questions = given().auth().oauth2(evaluator(org))
                .when().get("/campaigns/api/results/" + survey).then().statusCode(200).extract().jsonPath()
                .getList("questions");
        Map<String, Object> l1 = questions.stream().filter(q -> q.get("name").equals("l1")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((Map<String, Object>) l1.get("table"))
                .get("rows");
        for (Map<String, Object> row : rows) {
            if (row.get("type").equals("mean")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cell = ((List<Map<String, Object>>) row.get("cells")).get(0);
                return ((Number) cell.get("mean")).doubleValue();
            }
        }
        throw new AssertionError("l1 has no mean row");
    }
}
