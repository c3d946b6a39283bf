package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.campaign;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationForm;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class SurveyPagesTests {

    @Test
    void aManagerImportsAFormAndIsRedirectedToTheSurvey() {
        long campaign = campaign(NATIONAL);
        given().auth().oauth2(manager(NATIONAL)).redirects().follow(false)
                .multiPart("campaign", Long.toString(campaign))
                .multiPart("file", "form.xlsx", evaluationForm("pages_" + unique("f").replace('-', '_')),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .when().post("/campaigns/surveys/import")
                .then().statusCode(303)
                .header("Location", matchesPattern(".*/campaigns/surveys/\\d+"));
    }

    @Test
    void aRejectedFormComesBackWithItsProblemsAnd400() {
        long campaign = campaign(NATIONAL);
        byte[] form = SurveyFixtures.xlsx(SurveyFixtures.sheets(
                List.of(List.of("type", "name", "label"), List.of("geopoint", "where", "Where")),
                List.of(List.of("list_name", "name", "label")), List.of(List.of("form_id"), List.of("x"))));
        given().auth().oauth2(manager(NATIONAL))
                .multiPart("campaign", Long.toString(campaign))
                .multiPart("file", "form.xlsx", form, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .when().post("/campaigns/surveys/import")
                .then().statusCode(400)
                .body(containsString("The form was not imported."))
                .body(containsString("survey sheet, row 2, column A (type): &#39;geopoint&#39;: location (geopoint) is not "
                        + "supported"))
                .body(containsString("href=\"/campaigns/surveys/xlsform\""));
    }

    @Test
    void wavesOpenAndCloseFromTheSurveyPage() {
        long id = evaluationSurvey(NATIONAL, "pw_" + unique("f").replace('-', '_'));
        given().auth().oauth2(manager(NATIONAL)).redirects().follow(false)
                .when().post("/campaigns/surveys/" + id + "/waves/continuous/open")
                .then().statusCode(303);
        given().auth().oauth2(manager(NATIONAL))
                .when().get("/campaigns/surveys/" + id)
                .then().statusCode(200)
                .body(containsString("action=\"/campaigns/surveys/" + id + "/waves/continuous/close\""))
                .body(containsString("/continuous/qr.svg"));
    }

    @Test
    void aPaperUploadWithBadRowsListsThemAndStoresNothingUnlessAsked() {
        long id = evaluationSurvey(NATIONAL, "pu_" + unique("f").replace('-', '_'), Wave.BASELINE);
        String csv = "age_band,gender,k1,l1\nage_15_24,woman,yes,3\nage_15_24,robot,yes,3\n";
        given().auth().oauth2(manager(NATIONAL))
                .multiPart("wave", "baseline")
                .multiPart("file", "a.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/campaigns/surveys/" + id + "/answers")
                .then().statusCode(400)
                .body(containsString("Nothing was stored: 1 row has problems."))
                .body(containsString("answers sheet, row 3, column B (gender): not one of the choices"));
        given().auth().oauth2(manager(NATIONAL))
                .multiPart("wave", "baseline").multiPart("onlyGoodRows", "true")
                .multiPart("file", "a.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/campaigns/surveys/" + id + "/answers")
                .then().statusCode(200)
                .body(containsString("1 answer stored; 0 were already stored."));
    }

    @Test
    void anEvaluatorSeesTheWayToResultsButNoManagementForms() {
        long id = evaluationSurvey(NATIONAL, "pe_" + unique("f").replace('-', '_'));
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/surveys/" + id)
                .then().statusCode(200)
                .body(containsString("href=\"/campaigns/results/" + id + "\""))
                .body(not(containsString("/answers\" enctype")));
        given().auth().oauth2(evaluator(NATIONAL)).redirects().follow(false)
                .when().post("/campaigns/surveys/" + id + "/waves/baseline/open")
                .then().statusCode(403);
    }
}
