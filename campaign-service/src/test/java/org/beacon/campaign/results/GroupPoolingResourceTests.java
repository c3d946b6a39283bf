package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.openWave;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The shipped know-the-signs survey with the demo answers: its ten regions with fewer than k (10) respondents in a
 * wave are one group "Other (10 groups)" in the JSON, the CSV and the page (in the reader's language), and a filter
 * on one of them is refused with the reason, while the pool itself is a filter.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class GroupPoolingResourceTests {

    @Inject
    TallyFold fold;

    @Test
    void smallRegionsArePooledInEveryOutputAndRefusedAsFilters() throws Exception {
        long id = DisclosureLossTests.importShipped("know-the-signs");
        for (Wave wave : List.of(Wave.BASELINE, Wave.ENDLINE)) {
            openWave(NATIONAL, id, wave);
            uploadCsv(NATIONAL, id, wave, DisclosureLossTests.answers("know-the-signs-" + wave.id()), false).then()
                    .statusCode(200);
        }
        fold.foldAll();

        var json = DisclosureLossTests.results(id, "region", Wave.BASELINE);
        List<String> groups = json.getList("breakdown.respondents.columns");
        assertEquals(List.of("Dakar", "Diourbel", "Fatick", "Kaffrine", "Kaolack", "Other (10 groups)"),
                groups.subList(0, 6), "regions under k pooled, the others in the form's order");
        // baseline: Kédougou 8, Kolda 7, Saint-Louis 2 and seven regions nobody named
        assertEquals(17, json.<Integer>getList("breakdown.respondents.rows[0].cells.n").get(5));
        assertTrue(json.getList("questions.find { it.name == 'region' }.table.rows.label")
                .contains("Other (10 groups)"), "the region question's own table pools them too");

        String csv = given().auth().oauth2(evaluator(NATIONAL)).when()
                .get("/campaigns/api/results/" + id + "/export.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.contains("Other (10 groups)"), "the CSV carries the pooled group");
        assertTrue(!csv.contains("Kolda"), "no pooled region is named on its own in the CSV");

        given().auth().oauth2(evaluator(NATIONAL)).queryParam("filter", "region:kolda").when()
                .get("/campaigns/api/results/" + id).then().statusCode(400)
                .body("detail", containsString("'kolda' of 'region'"))
                .body("detail", containsString("Other (10 groups)"))
                .body("detail", containsString("region:(other)"));
        given().auth().oauth2(evaluator(NATIONAL)).queryParam("filter", "region:(other)")
                .queryParam("by", "gender").queryParam("wave", "endline").when()
                .get("/campaigns/api/results/" + id).then().statusCode(200)
                .body("filter.label", org.hamcrest.Matchers.equalTo("Other (10 groups)"))
                .body("respondents.rows[0].cells.n", org.hamcrest.Matchers.equalTo(List.of(17, 38)));
        given().auth().oauth2(evaluator(NATIONAL)).queryParam("filter", "gender:(other)").when()
                .get("/campaigns/api/results/" + id).then().statusCode(400)
                .body("detail", containsString("No group of 'gender' is pooled"));

        // the page, in French: the pool in the reader's words, offered as a filter; its members are not
        given().auth().oauth2(evaluator(NATIONAL)).header("Accept-Language", "fr").queryParam("by", "region")
                .when().get("/campaigns/results/" + id).then().statusCode(200)
                .body(containsString("Autres (10 groupes)"))
                .body(containsString("region:(other)"))
                .body(not(containsString("region:kolda")));
        given().auth().oauth2(evaluator(NATIONAL)).header("Accept-Language", "ar").queryParam("by", "region")
                .when().get("/campaigns/results/" + id).then().statusCode(200)
                .body(containsString("مجموعات)"));
    }
}
