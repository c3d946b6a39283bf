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
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The shipped know-the-signs survey with the demo answers: its twelve regions with fewer than 10 × k (100) respondents
 * in a wave are one group "Other (12 groups)" in the JSON, the CSV and the page (in the reader's language), and a
 * filter on one of them is refused with the reason, while the pool itself is a filter; its two oldest age bands (59
 * and 54 people at baseline) are one range "35-49 – 50+".
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
        assertEquals(List.of("Dakar", "Diourbel", "Fatick", "Other (12 groups)", "All"), groups,
                "regions under 10 × k pooled, the others in the form's order");
        // baseline: Kaffrine 63, Kaolack 26, Kédougou 8, Kolda 7, Saint-Louis 2 and seven regions nobody named
        assertEquals(106, json.<Integer>getList("breakdown.respondents.rows[0].cells.n").get(3));
        assertTrue(json.getList("questions.find { it.name == 'region' }.table.rows.label")
                .contains("Other (12 groups)"), "the region question's own table pools them too");
        assertEquals(List.of("15-17", "18-24", "25-34", "35-49 – 50+", "All"),
                DisclosureLossTests.results(id, "age_band", Wave.BASELINE).getList("breakdown.respondents.columns"),
                "the two oldest age bands, under 10 × k, merged into one range");

        // rare channels pooled as mentions in the breakdowns: how often they were ticked, with no share of a group
        Map<String, Object> mentions = json.<Map<String, Object>>getList(
                "breakdown.questions.find { it.name == 'heard_from' }.table.rows").stream()
                .filter(row -> String.valueOf(row.get("label")).startsWith("Mentions of: ")).findFirst()
                .orElseThrow(() -> new AssertionError("a row of mentions in the breakdown of heard_from"));
        List<Map<String, Object>> cells = DisclosureLossTests.cast(mentions.get("cells"));
        assertTrue(cells.stream().allMatch(cell -> cell.get("percent") == null), "mentions have no share: " + cells);
        long ticked = 0;
        List<Map<String, Object>> overall = json.getList("questions.find { it.name == 'heard_from' }.table.rows");
        for (String option : String.valueOf(mentions.get("label")).substring("Mentions of: ".length()).split("; ")) {
            Map<String, Object> row = overall.stream().filter(r -> option.equals(r.get("label"))).findFirst()
                    .orElseThrow(() -> new AssertionError(option + " is an option shown in the results"));
            ticked += ((Number) DisclosureLossTests.<List<Map<String, Object>>>cast(row.get("cells")).get(0).get("n"))
                    .longValue();
        }
        assertEquals(ticked, ((Number) cells.get(cells.size() - 1).get("n")).longValue(),
                "the row's total is the baseline ticks of its options: " + mentions);

        String csv = given().auth().oauth2(evaluator(NATIONAL)).when()
                .get("/campaigns/api/results/" + id + "/export.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.contains("Other (12 groups)"), "the CSV carries the pooled group");
        assertTrue(!csv.contains("Kolda"), "no pooled region is named on its own in the CSV");

        given().auth().oauth2(evaluator(NATIONAL)).queryParam("filter", "region:kolda").when()
                .get("/campaigns/api/results/" + id).then().statusCode(400)
                .body("detail", containsString("'kolda' of 'region'"))
                .body("detail", containsString("Other (12 groups)"))
                .body("detail", containsString("region:(other)"));
        // a filtered breakdown's first request may be answered 503 with Retry-After while its pair is solved
        ShippedSurveyResultsTests.ready(() -> given().auth().oauth2(evaluator(NATIONAL))
                .queryParam("filter", "region:(other)").queryParam("by", "gender").queryParam("wave", "endline")
                .when().get("/campaigns/api/results/" + id)).then().statusCode(200)
                .body("filter.label", org.hamcrest.Matchers.equalTo("Other (12 groups)"))
                .body("respondents.rows[0].cells.n", org.hamcrest.Matchers.equalTo(List.of(106, 153)));
        given().auth().oauth2(evaluator(NATIONAL)).queryParam("filter", "age_band:age_50_plus").when()
                .get("/campaigns/api/results/" + id).then().statusCode(400)
                .body("detail", containsString("age_band:age_35_49~age_50_plus"));
        ShippedSurveyResultsTests.ready(() -> given().auth().oauth2(evaluator(NATIONAL))
                .queryParam("filter", "age_band:age_35_49~age_50_plus").when()
                .get("/campaigns/api/results/" + id)).then().statusCode(200)
                .body("respondents.rows[0].cells.n", org.hamcrest.Matchers.equalTo(List.of(113, 140)));
        given().auth().oauth2(evaluator(NATIONAL)).queryParam("filter", "gender:(other)").when()
                .get("/campaigns/api/results/" + id).then().statusCode(400)
                .body("detail", containsString("No group of 'gender' is pooled"));

        // the page, in French: the pool in the reader's words, offered as a filter; its members are not
        given().auth().oauth2(evaluator(NATIONAL)).header("Accept-Language", "fr").queryParam("by", "region")
                .when().get("/campaigns/results/" + id).then().statusCode(200)
                .body(containsString("Autres (12 groupes)"))
                .body(containsString("Mentions de : "))
                .body(containsString("region:(other)"))
                .body(not(containsString("region:kolda")));
        given().auth().oauth2(evaluator(NATIONAL)).header("Accept-Language", "ar").queryParam("by", "region")
                .when().get("/campaigns/results/" + id).then().statusCode(200)
                .body(containsString("مجموعات)"))
                .body(containsString("مرات اختيار: "));
    }
}
