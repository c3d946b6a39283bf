package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A form styled as ODK allows (Markdown in labels, hints and choices): the public form shows the styling, its
 * attributes and the results show the words.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class StyledLabelsTests {

    static byte[] form(String formId) {
        List<List<String>> survey = List.of(List.of("type", "name", "label", "hint", "appearance"),
                List.of("note", "intro", "# Before you start\nCall [the hotline](tel:+221800) if you need help.", "",
                        ""),
                List.of("select_one yn", "heard", "1. Have you **ever** heard of the campaign?",
                        "<span style=\"color:red\">One</span> answer", ""),
                List.of("select_one yn", "told", "Did you *tell* anyone?", "", "minimal"));
        List<List<String>> choices = List.of(List.of("list_name", "name", "label"),
                List.of("yn", "yes", "*Yes*"), List.of("yn", "no", "No"));
        List<List<String>> settings = List.of(List.of("form_title", "form_id", "default_language"),
                List.of("Styled " + formId, formId, "English (en)"));
        return SurveyFixtures.xlsx(SurveyFixtures.sheets(survey, choices, settings));
    }

    @Test
    void thePublicFormShowsTheStylingAndResultsTheWords() {
        long id = SurveyFixtures.importedWithBaselineOpen(form("styled_" + unique("f").replace('-', '_')));
        given().get("/campaigns/public/surveys/" + SurveyFixtures.slug(id) + "/baseline?lang=en")
                .then().statusCode(200)
                .body(containsString("<p><strong>Before you start</strong><br />Call <a href=\"tel:&#43;221800\""))
                .body(containsString("<legend>1. Have you <strong>ever</strong> heard of the campaign?"))
                .body(containsString("<p class=\"muted\">One answer</p>"))
                .body(containsString("> <em>Yes</em></label>"))
                .body(containsString("<select name=\"q.told\" aria-label=\"Did you tell anyone?\">"))
                .body(containsString("<option value=\"yes\">Yes</option>"))
                .body(not(containsString("**")))
                .body(not(containsString("color:red")));
        given().auth().oauth2(evaluator(NATIONAL)).when().get("/campaigns/api/results/" + id)
                .then().statusCode(200)
                .body("questions.label", hasItem("1. Have you ever heard of the campaign?"))
                .body("questions.find { it.name == 'heard' }.table.rows.label", hasItem("Yes"));
    }
}
