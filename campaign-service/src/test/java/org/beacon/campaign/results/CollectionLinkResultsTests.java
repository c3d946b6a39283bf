package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.collect.OpenRosaResourceTests.download;
import static org.beacon.campaign.collect.OpenRosaResourceTests.filled;
import static org.beacon.campaign.collect.OpenRosaResourceTests.submit;
import static org.beacon.campaign.results.DisclosureLossTests.answers;
import static org.beacon.campaign.results.DisclosureLossTests.importShipped;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.openWave;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.DisclosureLoss;
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

    @Inject
    TallyFold fold;

    private static final List<String> SHOWN = List.of("respondents.rows.cells.display",
            "questions.table.rows.cells.display", "knowledgeScore.table.rows.cells.display", "changes.display");

    private static JsonPath results(long survey, String query) {
        return given().auth().oauth2(evaluator(NATIONAL)).when().get("/campaigns/api/results/" + survey + query)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The shipped Safe Journeys survey with both waves of the demo stack's answers. */
    private static long safeJourneysAsTheDemoStackHasIt() throws Exception {
        long survey = importShipped("safe-journeys");
        for (Wave wave : List.of(Wave.BASELINE, Wave.ENDLINE)) {
            openWave(NATIONAL, survey, wave);
            uploadCsv(NATIONAL, survey, wave, answers("safe-journeys-stack-" + wave.id()), false).then()
                    .statusCode(200);
        }
        return survey;
    }

    @Test
    void aLinkNobodyAnsweredThroughLeavesEveryFigureAsItWas() throws Exception {
        long survey = safeJourneysAsTheDemoStackHasIt();
        List<String> queries = List.of("", "?by=region&wave=endline", "?by=gender&wave=baseline",
                "?by=age_band&wave=endline");
        List<JsonPath> before = queries.stream().map(query -> results(survey, query)).toList();

        collectionLink(survey, "Équipe Ziguinchor");

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

    /**
     * A field team's first answer through an endline link: the link's group has nobody in the baseline by design (every
     * answer through a link is of the link's wave, and the link list says which), so it is a zero everyone knows, not
     * a small cell. Protecting it hid baseline figures of everyone (how many were asked how many people they told, its
     * mean, and so the change of that mean) and the baseline of every breakdown the moment the team sent its first
     * answer.
     */
    @Test
    void aTeamsFirstAnswerThroughAnEndlineLinkHidesNothingOfTheBaseline() throws Exception {
        long survey = safeJourneysAsTheDemoStackHasIt();
        List<String> baselines = List.of("?by=region&wave=baseline", "?by=gender&wave=baseline",
                "?by=age_band&wave=baseline");
        List<JsonPath> before = baselines.stream().map(query -> results(survey, query)).toList();
        List<Object> overallBefore = baselineColumn(results(survey, ""));

        String token = collectionLink(survey, "Équipe Ziguinchor");
        // in the form's order; a group's questions are elements of the group's element
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("age_band", "age_25_34");
        answer.put("gender", "woman");
        answer.put("region", "dakar");
        answer.put("k_smuggling", "false_job_exploit");
        answer.put("k_internal", "yes");
        answer.put("k_consent", "consent_irrelevant");
        answer.put("k_child", "dont_know");
        answer.put("k_smuggled_liable", "dont_know");
        answer.put("attitudes", "<l_only_way>2</l_only_way><l_local_future>4</l_local_future>"
                + "<l_can_verify>4</l_can_verify><l_family_support>3</l_family_support>");
        answer.put("heard_from", "radio");
        answer.put("people_told", "2");
        answer.put("told_whom", "family");
        // as ODK Collect sends it: the form from the link's list, filled, then submitted
        submit(token, filled(download(token), "uuid:" + UUID.randomUUID(), answer)).then().statusCode(201);
        fold.foldAll();

        JsonPath overall = results(survey, "");
        assertEquals(List.of(1200, 1501), overall.getList("respondents.rows[0].cells.n"), "the answer is counted");
        assertEquals(List.of(), new DisclosureLoss().results(overall.getMap("$")).headlinesHidden(),
                "headline figures hidden");
        assertEquals(overallBefore, baselineColumn(overall), "everyone's baseline as before the team's answer");
        for (int q = 0; q < baselines.size(); q++) {
            JsonPath after = results(survey, baselines.get(q));
            for (String shown : SHOWN.subList(0, 3)) { // not the changes: their endline has the new answer
                String path = "breakdown." + shown;
                Object was = before.get(q).get(path);
                assertEquals(was, after.get(path), baselines.get(q) + " " + path);
            }
        }
        JsonPath byTeam = results(survey, "?by=team&wave=baseline");
        assertEquals(List.of("Équipe Ziguinchor", "Without a collection link", "All"),
                byTeam.getList("breakdown.respondents.columns"));
        assertEquals(List.of("0", "1200", "1200"), byTeam.getList("breakdown.respondents.rows[0].cells.display"),
                "nobody in the baseline of an endline link: a zero, not a small cell");
    }

    /** Every baseline figure of the results' tables (the first of each row's cells: the baseline column). */
    private static List<Object> baselineColumn(JsonPath results) {
        List<Object> column = new java.util.ArrayList<>();
        for (String table : List.of("respondents.rows", "knowledgeScore.table.rows")) {
            results.<Map<String, Object>>getList(table).forEach(row -> column.add(firstCell(row)));
        }
        results.<Map<String, Object>>getList("questions.table").forEach(t -> DisclosureLossTests
                .<List<Map<String, Object>>>cast(t.get("rows")).forEach(row -> column.add(firstCell(row))));
        return column;
    }

    private static Object firstCell(Map<String, Object> row) {
        return row.get("label") + ": " + DisclosureLossTests.<List<Map<String, Object>>>cast(row.get("cells")).get(0)
                .get("display");
    }

    /** Makes an endline collection link for a team and returns its token. */
    private static String collectionLink(long survey, String team) {
        return given().auth().oauth2(manager(NATIONAL)).contentType("application/json")
                .body(Map.of("wave", "endline", "name", team))
                .when().post("/campaigns/api/surveys/" + survey + "/collection-links").then().statusCode(201)
                .extract().path("token");
    }
}
