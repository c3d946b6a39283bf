package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * With the production setting (earlier figures may be shown while newer answers are solved), the page shows the
 * latest solved figures with their time when new answers arrive, and the background solve, on its own thread and
 * connection, brings the current figures without anyone waiting for them. The other results tests run with
 * {@code stale-for} 0, which makes every read wait.
 */
@QuarkusTest
@TestProfile(ResultsServedWhileSolvingTests.ShowEarlierFigures.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class ResultsServedWhileSolvingTests {

    /** Earlier figures may be shown for two minutes; a read never waits for newer ones. */
    public static class ShowEarlierFigures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beacon.results.stale-for", "PT2M", "beacon.results.patience", "PT0S");
        }
    }

    private static final String AS_OF = "Figures as of";

    @Test
    void newAnswersAreShownAsBeingAddedThenTheBackgroundSolveBringsThem() throws InterruptedException {
        long survey = evaluationSurvey(NATIONAL, "asof_" + unique("f").replace('-', '_'), Wave.BASELINE,
                Wave.ENDLINE);
        uploadCsv(NATIONAL, survey, Wave.BASELINE, KnownAnswers.csv(KnownAnswers.baseline()), false)
                .then().statusCode(200);
        // the first read has nothing earlier to show: it waits for the figures
        given().auth().oauth2(evaluator(NATIONAL)).when().get("/campaigns/results/" + survey)
                .then().statusCode(200).body(not(containsString(AS_OF)));

        uploadCsv(NATIONAL, survey, Wave.ENDLINE, KnownAnswers.csv(KnownAnswers.endline()), false)
                .then().statusCode(200);
        given().auth().oauth2(evaluator(NATIONAL)).when().get("/campaigns/results/" + survey)
                .then().statusCode(200)
                .body(containsString(AS_OF))
                .body(containsString("Answers received since then, being added: "
                        + String.format("%,d", KnownAnswers.endline().size())));

        for (int attempt = 0; attempt < 120; attempt++) {
            String page = given().auth().oauth2(evaluator(NATIONAL)).when().get("/campaigns/results/" + survey)
                    .then().statusCode(200).extract().asString();
            if (!page.contains(AS_OF)) {
                return; // the background solve kept the current figures: served without a note
            }
            Thread.sleep(500);
        }
        fail("the background solve never brought the endline answers to the page");
    }
}
