package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.results.DisclosureLossTests.answers;
import static org.beacon.campaign.results.DisclosureLossTests.importShipped;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.openWave;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A campaign manager makes a collection link before any answer comes through it, as field work starts: the results
 * an evaluator reads stay as they were. The shipped Safe Journeys survey with the answers the demo stack gives it
 * when it is the stack's second survey (devstack {@code SyntheticAnswers}, seeds 2 and 3, kept gzipped under
 * {@code src/test/resources/demo-answers/safe-journeys-stack-*}): there, the link's group of nobody, protected as a
 * small cell, used to hide 34 figures shown before the link was made, among them how many were asked how many people
 * they told and the total behind its mean.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class CollectionLinkResultsTests {

    private static final List<String> SHOWN = List.of("respondents.rows.cells.display",
            "questions.table.rows.cells.display", "knowledgeScore.table.rows.cells.display", "changes.display");

    private static JsonPath results(long survey, String query) {
        return given().auth().oauth2(evaluator(NATIONAL)).when().get("/campaigns/api/results/" + survey + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aLinkNobodyAnsweredThroughLeavesEveryFigureAsItWas() throws Exception {
        long survey = importShipped("safe-journeys");
        for (Wave wave : List.of(Wave.BASELINE, Wave.ENDLINE)) {
            openWave(NATIONAL, survey, wave);
            uploadCsv(NATIONAL, survey, wave, answers("safe-journeys-stack-" + wave.id()), false).then()
                    .statusCode(200);
        }
        List<String> queries = List.of("", "?by=region&wave=endline", "?by=gender&wave=baseline",
                "?by=age_band&wave=endline");
        List<JsonPath> before = queries.stream().map(query -> results(survey, query)).toList();

        given().auth().oauth2(manager(NATIONAL)).contentType("application/json")
                .body("{\"wave\":\"endline\",\"name\":\"Équipe Ziguinchor\"}")
                .when().post("/campaigns/api/surveys/" + survey + "/collection-links").then().statusCode(201);

        for (int q = 0; q < queries.size(); q++) {
            JsonPath after = results(survey, queries.get(q));
            for (String shown : SHOWN) {
                // a breakdown's changes are per group
                String path = queries.get(q).isEmpty() ? shown
                        : "breakdown." + shown.replace("changes.", "changes.changes.");
                Object was = before.get(q).get(path);
                if (queries.get(q).isEmpty()) {
                    assertNotNull(was, path);
                }
                assertEquals(was, after.get(path), queries.get(q) + " " + path + " as before the link was made");
            }
        }
    }
}
