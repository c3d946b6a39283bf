package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A disclosure problem that takes longer than a request waits ({@code beacon.results.solving-patience}; here not
 * at all, so that every first solve does) is answered 503 with Retry-After, in the reader's language on the
 * page and as problem+json in the API, while it is solved on; asking again later gets the figures.
 */
@QuarkusTest
@TestProfile(ResultsNotReadyYetTests.Impatient.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class ResultsNotReadyYetTests {

    public static class Impatient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beacon.results.solving-patience", "PT0S");
        }
    }

    private long surveyWithAnswers(String name) {
        long survey = evaluationSurvey(NATIONAL, name + "_" + unique("n").replace('-', '_'), Wave.BASELINE);
        uploadCsv(NATIONAL, survey, Wave.BASELINE, KnownAnswers.csv(KnownAnswers.baseline()), false)
                .then().statusCode(200);
        return survey;
    }

    @Test
    void thePageSaysInTheReadersLanguageWhenToComeBackThenShowsTheFigures() throws InterruptedException {
        long survey = surveyWithAnswers("notready_page");
        given().auth().oauth2(evaluator(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/results/" + survey)
                .then().statusCode(503).header("Retry-After", "1").contentType(startsWith("text/html"))
                .body(containsString("Ces chiffres sont encore en cours de calcul"));
        untilShown(survey, "/campaigns/results/");
    }

    @Test
    void theApiAnswersProblemJsonWithRetryAfterThenTheFigures() throws InterruptedException {
        long survey = surveyWithAnswers("notready_api");
        given().auth().oauth2(evaluator(NATIONAL)).when().get("/campaigns/api/results/" + survey)
                .then().statusCode(503).header("Retry-After", "1").contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(503))
                .body("detail", containsString("still being worked out"));
        untilShown(survey, "/campaigns/api/results/");
    }

    /** Asks again until the figures come, every answer meanwhile a 503 that says when to ask again. */
    private static void untilShown(long survey, String path) throws InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            Response response = given().auth().oauth2(evaluator(NATIONAL)).when().get(path + survey);
            if (response.statusCode() == 200) {
                return;
            }
            response.then().statusCode(503).header("Retry-After", "1");
            Thread.sleep(500);
        }
        fail("the solve that went on after the 503 never brought the figures");
    }
}
