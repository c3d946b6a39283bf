package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * When the interval rule cannot give every hidden count a range as wide as asked without hiding a headline figure
 * (the respondents, those who answered a knowledge item and its right answers), those stay shown and the results say
 * how many ranges are left narrower: in the JSON, and on the page in the reader's language. A 60/80-person survey
 * with a width of 25 is such a case ({@link WideIntervals}).
 */
@QuarkusTest
@TestProfile(WideIntervals.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class NarrowRangesNoteTests {

    @Test
    void theResultsSayHowManyHiddenFiguresAreLeftNarrowToKeepTheHeadlineFiguresShown() {
        long survey = evaluationSurvey(NATIONAL, "narrow_" + unique("f").replace('-', '_'), Wave.BASELINE,
                Wave.ENDLINE);
        uploadCsv(NATIONAL, survey, Wave.BASELINE, KnownAnswers.csv(KnownAnswers.baseline()), false)
                .then().statusCode(200);
        uploadCsv(NATIONAL, survey, Wave.ENDLINE, KnownAnswers.csv(KnownAnswers.endline()), false)
                .then().statusCode(200);
        JsonPath json = given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey).then().statusCode(200).extract().jsonPath();
        assertEquals(25, json.getInt("intervalWidth"));
        assertEquals(List.of(60, 80), json.getList("respondents.rows[0].cells.n"), "the respondents stay shown");
        int narrow = json.getInt("narrowRanges");
        assertTrue(narrow > 1, "ranges left narrow: " + narrow);
        given().auth().oauth2(evaluator(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/results/" + survey)
                .then().statusCode(200)
                .body(containsString(narrow + " chiffres masqués peuvent être encadrés à moins de 25 valeurs "
                        + "possibles à partir des chiffres affichés"));
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/results/" + survey)
                .then().statusCode(200)
                .body(containsString(narrow + " hidden figures can be narrowed down to fewer than 25 possible values"));
    }
}
