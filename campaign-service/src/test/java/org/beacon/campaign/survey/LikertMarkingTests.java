package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.campaign;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.importXlsx;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.sheets;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.beacon.campaign.survey.SurveyFixtures.xlsx;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.campaign.results.TallyFold;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A plain XLSForm's 1-5 agreement scale, without ODK's likert appearance or Beacon's columns, is marked a Likert item
 * and reverse-worded on the question settings page, and its results are rebuilt with the reversed mean (issue 13,
 * point 3; issue 14, point 9).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class LikertMarkingTests {

    @Inject
    EntityManager entityManager;

    @Inject
    TallyFold fold;

    /** {@link QuestionSettingsTests#plainForm} with an agreement scale that nothing marks as a Likert item. */
    static byte[] plainScaleForm(String formId) {
        List<List<String>> survey = List.of(List.of("type", "name", "label::English (en)", "required"),
                List.of("select_one sexes", "sex", "Sex", "yes"),
                List.of("select_one districts", "district", "District", "yes"),
                List.of("select_one k1list", "k1", "Can trafficking happen inside one country?", "yes"),
                List.of("select_one agree5", "l1", "An employer may keep a worker's identity papers.", "yes"),
                List.of("select_multiple channels", "heard", "Where did you hear of the campaign?", "no"),
                List.of("integer", "told", "How many people did you tell?", "no"));
        List<List<String>> choices = List.of(List.of("list_name", "name", "label::English (en)"),
                List.of("sexes", "woman", "Woman"), List.of("sexes", "man", "Man"),
                List.of("sexes", "prefer_not", "Prefer not to say"),
                List.of("districts", "north", "North"), List.of("districts", "south", "South"),
                List.of("k1list", "yes", "Yes"), List.of("k1list", "no", "No"),
                List.of("k1list", "dont_know", "I don't know"),
                List.of("agree5", "1", "1 - Strongly disagree"), List.of("agree5", "2", "2"),
                List.of("agree5", "3", "3"), List.of("agree5", "4", "4"),
                List.of("agree5", "5", "5 - Strongly agree"),
                List.of("channels", "radio", "Radio"), List.of("channels", "posters", "Posters"));
        List<List<String>> settings = List.of(List.of("form_title", "form_id", "version", "default_language"),
                List.of("Plain scale " + formId, formId, "1", "English (en)"));
        return xlsx(sheets(survey, choices, settings));
    }

    @Test
    void aPlainAgreementScaleIsMarkedLikertAndReverseWordedAndItsMeanRebuilt() {
        long survey = importXlsx(manager(NATIONAL), campaign(NATIONAL),
                plainScaleForm("scale_" + unique("f").replace('-', '_')))
                .then().statusCode(201).extract().<Integer>path("survey.id").longValue();
        SurveyFixtures.openWave(NATIONAL, survey, Wave.BASELINE);
        // 2 x 60 answers; the scale 10 10 10 10 20: as worded (10 + 20 + 30 + 40 + 100) / 60 = 3.33, reversed 2.67
        uploadCsv(NATIONAL, survey, Wave.BASELINE, QuestionSettingsTests.answers(30, 15, 15, 10, 10, 10, 10, 20), false)
                .then().statusCode(200).body("stored", equalTo(120));
        fold.foldAll();
        assertNull(likertMean(survey), "a plain single choice has no mean");
        long l1 = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select id from survey_question where survey_id = ?1 and name = 'l1'").setParameter(1, survey)
                .getSingleResult()).longValue());

        // The page offers the mark and the reverse-worded box the link to it promises, in the reader's language.
        given().auth().oauth2(manager(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/surveys/" + survey + "/settings")
                .then().statusCode(200)
                .body(containsString("<option value=\"likert\">Item de Likert (accord de 1 à 5)</option>"))
                .body(containsString("name=\"reversed-" + l1 + "\""));
        given().auth().oauth2(manager(NATIONAL)).redirects().follow(false)
                .formParam("use-" + l1, "likert").formParam("reversed-" + l1, "true")
                .when().post("/campaigns/surveys/" + survey + "/settings")
                .then().statusCode(303)
                .header("Location", containsString("outcome=saved"));

        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/api/surveys/" + survey)
                .then().statusCode(200)
                .body("questions.find { it.name == 'l1' }.kind", equalTo("likert"));
        assertEquals(2.67, likertMean(survey), 1e-6, "the rollup rebuilt with the reversed mean");

        // A Likert item may become a plain question again; a reverse-worded mark then is refused.
        given().auth().oauth2(manager(NATIONAL)).redirects().follow(false)
                .formParam("use-" + l1, "single").formParam("reversed-" + l1, "true")
                .when().post("/campaigns/surveys/" + survey + "/settings")
                .then().statusCode(400)
                .body(containsString("l1"));
        given().auth().oauth2(manager(NATIONAL)).redirects().follow(false)
                .formParam("use-" + l1, "single")
                .when().post("/campaigns/surveys/" + survey + "/settings")
                .then().statusCode(303);
        assertNull(likertMean(survey), "a plain single choice again");
    }

    /** The baseline mean of l1 in the results, null when they show none. */
    private Double likertMean(long survey) {
        List<Map<String, Object>> questions = given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey).then().statusCode(200).extract().jsonPath()
                .getList("questions");
        Map<String, Object> l1 = questions.stream().filter(q -> q.get("name").equals("l1")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((Map<String, Object>) l1.get("table")).get("rows");
        for (Map<String, Object> row : rows) {
            if (row.get("type").equals("mean")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cell = ((List<Map<String, Object>>) row.get("cells")).get(0);
                return cell.get("mean") == null ? null : ((Number) cell.get("mean")).doubleValue();
            }
        }
        return null;
    }
}
