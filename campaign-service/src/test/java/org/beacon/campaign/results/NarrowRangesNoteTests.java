package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * When the interval rule cannot give every hidden count a range as wide as asked without hiding a headline figure
 * (the respondents, those who answered a knowledge item), those stay shown and the results say how many ranges are
 * left narrower: in the JSON, and on the page in the reader's language. A 60/80-person survey with a width of 200 is
 * such a case ({@link WiderThanTheSurvey}).
 */
@QuarkusTest
@TestProfile(WiderThanTheSurvey.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class NarrowRangesNoteTests {

    @Test
    void theResultsSayHowManyHiddenFiguresAreLeftNarrowToKeepTheHeadlineFiguresShown() {
        long survey = KnownAnswers.survey("narrow");
        JsonPath json = given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey).then().statusCode(200).extract().jsonPath();
        assertEquals(200, json.getInt("intervalWidth"));
        assertEquals(List.of(60, 80), json.getList("respondents.rows[0].cells.n"), "the respondents stay shown");
        int narrow = json.getInt("narrowRanges");
        assertTrue(narrow > 1, "ranges left narrow: " + narrow);
        given().auth().oauth2(evaluator(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/results/" + survey)
                .then().statusCode(200)
                .body(containsString(narrow + " chiffres masqués peuvent être encadrés à moins de 200 valeurs "
                        + "possibles à partir des chiffres affichés"));
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/results/" + survey)
                .then().statusCode(200)
                .body(containsString(narrow + " hidden figures can be narrowed down to fewer than 200 possible values"));
    }
}
