package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Results protected with a width of 25 (k is 10, {@link WideIntervals}), more than hiding other figures alone can
 * give a survey of a few dozen people without hiding its respondents. With 60 and 80 people, the rule rounds a
 * knowledge item's right answers instead: an evaluator reads the rounded count as a range with its shares, in the
 * JSON (suppressed "rounded", low and high), the CSV and the page, and no range is left narrow. With 20 and 24 (too
 * few for any headline share), ranges are left narrow and the results say how many: in the JSON, and on the page in
 * the reader's language. (With 20 and 24 people every range within a wave is narrower than 25 while its respondents
 * stay shown, whatever else is hidden.)
 */
@QuarkusTest
@TestProfile(WideIntervals.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class WideIntervalsTests {

    @Test
    void rightAnswersAreShownAsARangeWithItsSharesAndNoRangeIsLeftNarrow() {
        long survey = KnownAnswers.survey("rounded", 60, 80);
        JsonPath json = results(survey, "");
        assertEquals(25, json.getInt("intervalWidth"));
        assertEquals(0, json.getInt("narrowRanges"), "no range left narrow");
        assertEquals(List.of(60, 80), json.getList("respondents.rows[0].cells.n"), "the respondents stay shown");

        // k1's right answer: 30 of 60 at baseline, shown; 60 of 80 at endline, rounded to the range of 26 values
        // (counted from zero in steps of 26) that holds it
        String k1 = "questions.find { it.name == 'k1' }.table.rows.find { it.correct }.cells";
        assertEquals(30, json.getInt(k1 + "[0].n"));
        Map<String, Object> endline = json.getMap(k1 + "[1]");
        assertEquals(ResultsView.Figure.ROUNDED, endline.get("suppressed"));
        assertEquals(null, endline.get("n"), "the count itself is not shown");
        assertEquals(52, endline.get("low"));
        assertEquals(77, endline.get("high"));
        assertEquals("52–77 (65.0–96.3%)", endline.get("display"));
        assertEquals(80.6f, ((Number) endline.get("percent")).floatValue(), "the middle of the range's shares");
        assertTrue(json.getString("changes.find { it.name == 'k1' }.display").contains(" pp ["),
                "the change is computed from the range: " + json.getString("changes.find { it.name == 'k1' }.display"));

        List<Map<String, Object>> rounded = new ArrayList<>();
        for (String by : List.of("gender", "region", "age_band")) {
            for (String wave : List.of("baseline", "endline")) {
                collect(results(survey, "?by=" + by + "&wave=" + wave),
                        "breakdown.questions.find { it.name == 'k1' }.table", rounded);
            }
        }
        for (Map<String, Object> cell : rounded) {
            long low = ((Number) cell.get("low")).longValue();
            long high = ((Number) cell.get("high")).longValue();
            assertTrue(high - low <= 25 && high > low, "a range of at most 26 values: " + cell);
            assertEquals(null, cell.get("n"), "the count itself is not shown: " + cell);
            // with the shares of those who answered in the group, or the range alone where they are hidden
            String display = (String) cell.get("display");
            assertTrue(display.equals(low + "–" + high) ? cell.get("percent") == null
                    : display.startsWith(low + "–" + high + " ("), cell.toString());
        }

        given().auth().oauth2(evaluator(NATIONAL)).when().get("/campaigns/api/results/" + survey + "/export.csv")
                .then().statusCode(200).body(containsString("52–77 (65.0–96.3%)"));
        given().auth().oauth2(evaluator(NATIONAL)).when().get("/campaigns/results/" + survey)
                .then().statusCode(200).body(containsString("52–77 (65.0–96.3%)"));
    }

    @Test
    void theResultsSayHowManyHiddenFiguresAreLeftNarrowToKeepTheHeadlineFiguresShown() {
        long survey = KnownAnswers.survey("narrow", 20, 24);
        JsonPath json = results(survey, "");
        assertEquals(25, json.getInt("intervalWidth"));
        assertEquals(List.of(20, 24), json.getList("respondents.rows[0].cells.n"), "the respondents stay shown");
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

        // a filtered breakdown's ranges left narrow are its pair's: the page says why, and what to choose instead
        String filtered = "?by=region&wave=endline&filter=gender:woman";
        int narrowFiltered = results(survey, filtered).getInt("narrowRanges");
        assertTrue(narrowFiltered > 1, "ranges left narrow in the filtered breakdown: " + narrowFiltered);
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/results/" + survey + filtered)
                .then().statusCode(200)
                .body(containsString(narrowFiltered + " hidden figures can be narrowed down to fewer than 25 possible"
                        + " values from the figures shown: in a filtered breakdown"))
                .body(containsString("filter on a larger group or break the results down by a question with fewer"
                        + " groups"))
                .body(not(containsString("which stays shown")));
    }

    private static JsonPath results(long survey, String query) {
        return given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + query).then().statusCode(200).extract().jsonPath();
    }

    private static void collect(JsonPath json, String table, List<Map<String, Object>> rounded) {
        List<Map<String, Object>> cells = json.getList(table + ".rows.find { it.correct }.cells");
        for (Map<String, Object> cell : cells) {
            if (ResultsView.Figure.ROUNDED.equals(cell.get("suppressed"))) {
                rounded.add(cell);
            }
        }
    }
}
