package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.NGO;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Breakdowns by any allowed single-choice question and by collection team, filters, the change per group and the
 * manager's breakdown dimensions, on the known data set (60 baseline and 80 endline answers).
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(LinearSuppressionOnly.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class BreakdownTests {

    @Inject
    TallyFold fold;

    @Inject
    DataSource dataSource;

    long survey;

    @BeforeEach
    void knownDataSet() {
        survey = evaluationSurvey(NATIONAL, "breakdown_" + unique("f").replace('-', '_'), Wave.BASELINE, Wave.ENDLINE);
        uploadCsv(NATIONAL, survey, Wave.BASELINE, KnownAnswers.csv(KnownAnswers.baseline()), false)
                .then().statusCode(200).body("stored", equalTo(60));
        uploadCsv(NATIONAL, survey, Wave.ENDLINE, KnownAnswers.csv(KnownAnswers.endline()), false)
                .then().statusCode(200).body("stored", equalTo(80));
    }

    JsonPath results(String query) {
        return given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + query)
                .then().statusCode(200).extract().jsonPath();
    }

    static long count(List<Map<String, String>> rows, Predicate<Map<String, String>> where) {
        return rows.stream().filter(where).count();
    }

    /** The respondents of a wave in a group of two answers (an answer null: any). */
    static long respondents(List<Map<String, String>> rows, String question, String answer, String other,
            String otherAnswer) {
        return count(rows, r -> r.get(question).equals(answer) && (otherAnswer == null
                || r.get(other).equals(otherAnswer)));
    }

    @Test
    void aFilteredBreakdownCountsTheGroupsOfBothAnswers() {
        List<Map<String, String>> endline = KnownAnswers.endline();
        int shown = 0;
        for (String by : List.of("region", "age_band")) {
            JsonPath json = results("?by=" + by + "&wave=endline&filter=gender:woman");
            assertEquals("gender", json.getString("filter.dimension"));
            assertEquals("woman", json.getString("filter.group"));
            assertEquals("gender:woman", json.getString("breakdown.filter"));
            List<String> columns = json.getList("breakdown.respondents.columns");
            assertEquals("Woman", columns.get(columns.size() - 1), "the filter's group is the total column");
            List<Integer> cells = json.getList("breakdown.respondents.rows[0].cells.n");
            assertEquals(40, cells.get(cells.size() - 1));
            // each column by its label: a group of its own, a range of age bands or the pool of the rest, each the
            // women of its groups in the known answers (a column of the pooled crosses shows their sum)
            Map<String, List<String>> groups = by.equals("region")
                    ? Map.of("Dakar", List.of("dakar"), "Thiès", List.of("thies"))
                    : Map.of("15-24", List.of("age_15_24"), "25-49", List.of("age_25_49"), "50+",
                            List.of("age_50_plus"), "15-24 – 25-49", List.of("age_15_24", "age_25_49"),
                            "25-49 – 50+", List.of("age_25_49", "age_50_plus"));
            long inColumns = 0;
            for (int g = 0; g < columns.size() - 1; g++) {
                List<String> of = columns.get(g).startsWith("Other (")
                        ? (by.equals("region") ? List.of("dakar", "thies") : List.of("age_15_24", "age_25_49",
                                "age_50_plus")).stream().filter(group -> columns.stream().noneMatch(c -> groups
                                        .getOrDefault(c, List.of()).contains(group))).toList()
                        : groups.get(columns.get(g));
                assertTrue(of != null && !of.isEmpty(), "a column of known groups: " + columns);
                long expected = of.stream().mapToLong(group -> respondents(endline, "gender", "woman", by, group)).sum();
                inColumns += expected;
                if (cells.get(g) != null) {
                    assertEquals(expected, (long) cells.get(g), "women of " + columns.get(g));
                    shown++;
                }
            }
            assertEquals(40 - respondents(endline, "gender", "woman", by, ""), inColumns,
                    "every woman who stated it is in one column: " + columns);
            // the overall tables are of women only: 30 at baseline, 40 at endline
            assertEquals(List.of(30, 40), json.getList("respondents.rows[0].cells.n"));
            List<Integer> yes = json.getList("questions.find { it.name == 'k1' }.table.rows[0].cells.n");
            List<List<Map<String, String>>> waves = List.of(KnownAnswers.baseline(), endline);
            for (int w = 0; w < 2; w++) {
                if (yes.get(w) != null) {
                    assertEquals(respondents(waves.get(w), "gender", "woman", "k1", "yes"), (long) yes.get(w));
                }
            }
        }
        assertTrue(shown > 0, "some groups of women are large enough to be shown");
    }

    @Test
    void aPairShowsTheSameFiguresWhicheverOfItsDimensionsIsTheFilter() {
        JsonPath womenByRegion = results("?by=region&wave=endline&filter=gender:woman");
        JsonPath dakarByGender = results("?by=gender&wave=endline&filter=region:dakar");
        // women in Dakar: column 0 of the first, column 0 of the second; shown or hidden alike in both
        for (String row : List.of("breakdown.respondents.rows[0]", "breakdown.questions.find { it.name == 'k1' }"
                + ".table.rows[0]", "breakdown.questions.find { it.name == 'l1' }.table.rows[4]")) {
            assertEquals(womenByRegion.getString(row + ".cells[0].display"),
                    dakarByGender.getString(row + ".cells[0].display"), row);
        }
    }

    /** The same answers again as other respondents: each row gets its own key (a file's rows are keyed by content). */
    static String keyed(String csv) {
        StringBuilder keyed = new StringBuilder();
        String[] lines = csv.split("\n");
        keyed.append(lines[0]).append(",_uuid\n");
        for (int i = 1; i < lines.length; i++) {
            keyed.append(lines[i]).append(',').append(UUID.randomUUID()).append('\n');
        }
        return keyed.toString();
    }

    @Test
    void eachGroupHasItsChangeWithAConfidenceInterval() {
        // a group under k has its changes hidden, never computed from small counts
        JsonPath byGender = results("?by=gender&wave=endline");
        assertEquals("Prefer not to say", byGender.getString("breakdown.changes[2].group"));
        List<Object> small = byGender.getList("breakdown.changes[2].changes.difference");
        assertTrue(small.stream().allMatch(d -> d == null), "the group of 4 and 5 has no change: " + small);
        assertEquals("hidden", byGender.getString("breakdown.changes[2].changes[0].display"));

        // three times the answers: groups large enough for their changes to be shown
        for (int copy = 0; copy < 2; copy++) {
            uploadCsv(NATIONAL, survey, Wave.BASELINE, keyed(KnownAnswers.csv(KnownAnswers.baseline())), false)
                    .then().statusCode(200).body("stored", equalTo(60));
            uploadCsv(NATIONAL, survey, Wave.ENDLINE, keyed(KnownAnswers.csv(KnownAnswers.endline())), false)
                    .then().statusCode(200).body("stored", equalTo(80));
        }
        int shown = 0;
        for (String by : List.of("region", "age_band", "gender")) {
            JsonPath json = results("?by=" + by + "&wave=endline");
            List<String> groups = json.getList("breakdown.changes.group");
            List<String> columns = json.getList("breakdown.respondents.columns");
            assertEquals(columns.subList(0, columns.size() - 1), groups, "every group has its changes");
            for (int g = 0; g < groups.size(); g++) {
                Map<String, Object> k1 = json.getMap("breakdown.changes[" + g + "].changes.find { it.name == 'k1' }");
                if (k1.get("difference") == null) {
                    assertEquals("hidden", k1.get("display"));
                    continue;
                }
                // the group's answer name: the column label's choice in the known data set
                String group = switch (groups.get(g)) {
                    case "Dakar" -> "dakar";
                    case "Thiès" -> "thies";
                    case "Woman" -> "woman";
                    case "Man" -> "man";
                    case "Prefer not to say" -> "prefer_not";
                    case "15-24" -> "age_15_24";
                    case "25-49" -> "age_25_49";
                    case "50+" -> "age_50_plus";
                    default -> throw new AssertionError("a change shown for group " + groups.get(g));
                };
                Change expected = Change.ofProportions(
                        3 * respondents(KnownAnswers.baseline(), by, group, "k1", "yes"),
                        3 * respondents(KnownAnswers.baseline(), by, group, by, group),
                        3 * respondents(KnownAnswers.endline(), by, group, "k1", "yes"),
                        3 * respondents(KnownAnswers.endline(), by, group, by, group));
                assertEquals(100 * expected.difference(), ((Number) k1.get("difference")).doubleValue(), 0.051);
                assertEquals(100 * expected.low(), ((Number) k1.get("low")).doubleValue(), 0.051);
                assertEquals(100 * expected.high(), ((Number) k1.get("high")).doubleValue(), 0.051);
                shown++;
            }
        }
        assertTrue(shown > 0, "some groups' changes are shown");
    }

    @Test
    void theExportCarriesTheFilteredBreakdownAndEachGroupsChange() throws IOException {
        String csv = given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "/export.csv?by=region&filter=gender:woman")
                .then().statusCode(200).extract().asString();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv))
                .getRecords();
        assertTrue(records.stream().anyMatch(r -> r.get("section").equals("breakdown")
                && r.get("dimension").equals("region within gender:woman") && r.get("group").equals("Dakar")));
        assertTrue(records.stream().anyMatch(r -> r.get("section").equals("change")
                && r.get("dimension").equals("region") && r.get("group").equals("Dakar")));
        JsonPath json = results("?by=region&wave=endline&filter=gender:woman");
        String shown = json.getString("breakdown.respondents.rows[0].cells[0].display");
        assertTrue(records.stream().anyMatch(r -> r.get("section").equals("breakdown")
                && r.get("wave").equals("endline") && r.get("dimension").equals("region within gender:woman")
                && r.get("question").equals("respondents") && r.get("group").equals("Dakar")
                && r.get("display").equals(shown)), "the file shows what the API shows");
    }

    @Test
    void badBreakdownsAndFiltersAreRefusedWithAReason() {
        String api = "/campaigns/api/results/" + survey;
        given().auth().oauth2(evaluator(NATIONAL)).accept("application/json").when().get(api + "?by=nationality")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("no question 'nationality'"));
        given().auth().oauth2(evaluator(NATIONAL)).accept("application/json")
                .when().get(api + "?filter=suggestion:more")
                .then().statusCode(400).body("detail", containsString("text question"));
        given().auth().oauth2(evaluator(NATIONAL)).accept("application/json").when().get(api + "?by=heard_from")
                .then().statusCode(400).body("detail", containsString("not a single-choice one"));
        given().auth().oauth2(evaluator(NATIONAL)).accept("application/json").when().get(api + "?by=k1")
                .then().statusCode(400).body("detail", containsString("has not allowed"));
        given().auth().oauth2(evaluator(NATIONAL)).accept("application/json")
                .when().get(api + "?filter=gender:martian")
                .then().statusCode(400).body("detail", containsString("no group 'martian'"));
        given().auth().oauth2(evaluator(NATIONAL)).accept("application/json").when().get(api + "?filter=gender")
                .then().statusCode(400).body("detail", containsString("dimension:group"));
        given().auth().oauth2(evaluator(NATIONAL)).accept("application/json")
                .when().get(api + "?by=gender&filter=gender:woman")
                .then().statusCode(400);
        given().auth().oauth2(evaluator(NATIONAL)).accept("text/csv")
                .when().get(api + "/export.csv?filter=suggestion:more").then().statusCode(400);
        // the page answers a browser with a readable page
        given().auth().oauth2(evaluator(NATIONAL)).accept("text/html")
                .when().get("/campaigns/results/" + survey + "?by=suggestion")
                .then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("text question"));
    }

    @Test
    void aChosenBreakdownIsReachedFromTheTopOfThePageAndTheSameFiguresAreOfferedAsJson() {
        String page = given().auth().oauth2(evaluator(NATIONAL)).accept("text/html").header("Accept-Language", "fr")
                .when().get("/campaigns/results/" + survey + "?by=gender&wave=endline")
                .then().statusCode(200).extract().asString();
        // the selection form lands on the breakdown, which is far below the overall figures
        assertTrue(page.contains("action=\"/campaigns/results/" + survey + "#breakdown\""), page);
        assertTrue(page.matches("(?s).*<a href=\"#breakdown\">Aller à la ventilation par [^<]+</a>.*"), page);
        assertTrue(page.contains("<h2 id=\"breakdown\">"), page);
        // beside the CSV, the same selection as JSON (every wave's figures, as the CSV), which the browser may open
        String json = "/campaigns/api/results/" + survey + "?by=gender";
        assertTrue(page.contains("<a href=\"" + json + "\" type=\"application/json\">Les mêmes chiffres en JSON</a>"),
                page);
        given().auth().oauth2(evaluator(NATIONAL)).accept("application/json")
                .when().get(json).then().statusCode(200)
                .body("breakdown.respondents.rows", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
        // without a breakdown, no link to one
        String overall = given().auth().oauth2(evaluator(NATIONAL)).accept("text/html")
                .when().get("/campaigns/results/" + survey).then().statusCode(200).extract().asString();
        assertTrue(!overall.contains("href=\"#breakdown\""), overall);
    }

    @Test
    void theManagerDecidesTheDimensionsOnceForEveryOutput() throws SQLException {
        String page = "/campaigns/surveys/" + survey + "/dimensions";
        given().auth().oauth2(manager(NATIONAL)).when().get(page).then().statusCode(200)
                .body(containsString("name=\"question\" value=\"region\" checked"))
                .body(containsString("name=\"question\" value=\"k1\""));
        // an evaluator reads the choice but does not make it; another organization's manager does neither
        given().auth().oauth2(evaluator(NATIONAL)).contentType("application/x-www-form-urlencoded")
                .formParam("question", "k1").when().post(page).then().statusCode(403);
        given().auth().oauth2(manager(NGO)).contentType("application/x-www-form-urlencoded")
                .formParam("question", "k1").when().post(page).then().statusCode(403);
        given().auth().oauth2(manager(NGO)).when().get(page).then().statusCode(403);
        given().auth().oauth2(manager(NATIONAL)).contentType("application/x-www-form-urlencoded")
                .formParam("question", "suggestion").when().post(page).then().statusCode(400);

        given().auth().oauth2(manager(NATIONAL)).contentType("application/x-www-form-urlencoded")
                .formParam("question", "gender", "k1").redirects().follow(false)
                .when().post(page).then().statusCode(303);
        // the rollup was rebuilt for the new dimensions: the results count the waiting answers meanwhile
        JsonPath byAnswer = results("?by=k1&wave=endline&filter=gender:woman");
        // the 40 women by their answer: the small crosses pooled within the group (PairPooling)
        List<String> columns = byAnswer.getList("breakdown.respondents.columns");
        assertEquals("Woman", columns.get(columns.size() - 1), columns.toString());
        assertTrue(columns.contains("Yes") && columns.stream().anyMatch(c -> c.startsWith("Other (")), columns.toString());
        assertEquals(40, byAnswer.getInt("breakdown.respondents.rows[0].cells[" + (columns.size() - 1) + "].n"));
        fold.foldAll();
        assertEquals(byAnswer.getList("breakdown.respondents.rows[0].cells.display"),
                results("?by=k1&wave=endline&filter=gender:woman").getList("breakdown.respondents.rows[0].cells.display"),
                "folded or waiting, the figures are the same");
        given().auth().oauth2(evaluator(NATIONAL)).accept("application/json")
                .when().get("/campaigns/api/results/" + survey + "?by=region")
                .then().statusCode(400).body("detail", containsString("has not allowed"));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement audit = connection.prepareStatement(
                        "select summary from audit_entry where action = ? and subject_id = ?")) {
            audit.setString(1, Breakdowns.AUDIT_ACTION);
            audit.setLong(2, survey);
            try (ResultSet rows = audit.executeQuery()) {
                assertTrue(rows.next(), "the change is audited");
                assertTrue(rows.getString(1).contains("gender, k1"), rows.getString(1));
                assertFalse(rows.next(), "refused changes are not");
            }
        }
    }

    @Test
    void answersArePerCollectionTeamSubjectToTheSmallCellRules() throws SQLException {
        long team = collectionLink("Team Dakar North");
        try (Connection connection = dataSource.getConnection()) {
            // 30 endline answers came through the team's link, as OpenRosa submissions record it
            try (PreparedStatement collected = connection.prepareStatement("""
                    update survey_response set collector = ?, source = 'collect'
                    where id in (select id from survey_response where survey_id = ? and wave = ? order by id limit 30)""")) {
                collected.setLong(1, team);
                collected.setLong(2, survey);
                collected.setInt(3, Wave.ENDLINE.code());
                assertEquals(30, collected.executeUpdate());
            }
        }
        // the collector was set behind the rollup's back: rebuilding (as a dimensions change does) recounts
        allowTeam();
        JsonPath json = results("?by=team&wave=endline");
        assertEquals(List.of("Team Dakar North", "Without a collection link", "All"),
                json.getList("breakdown.respondents.columns"));
        assertEquals(List.of(30, 50, 80), json.getList("breakdown.respondents.rows[0].cells.n"));
        // k1 "I don't know" has 8 answers at endline in all: under k within the team too, so it is never shown on
        // its own: either pooled with the other wrong answers ("Other (…)") or hidden
        List<String> labels = json.getList("breakdown.questions.find { it.name == 'k1' }.table.rows.label");
        int dontKnow = labels.indexOf("I don't know");
        if (dontKnow < 0) {
            assertTrue(labels.stream().anyMatch(label -> label.startsWith("Other") && label.contains("I don't know")),
                    labels.toString());
        } else {
            String shown = json.getString("breakdown.questions.find { it.name == 'k1' }.table.rows[" + dontKnow
                    + "].cells[0].display");
            assertTrue(shown.equals("< 10") || shown.equals("hidden"), shown);
        }
        JsonPath team30 = results("?filter=team:" + team);
        // an endline link has nobody in the baseline by design: a zero everyone knows, not a small cell
        assertEquals(List.of("0", "30"), team30.getList("respondents.rows[0].cells.display"),
                "the team collected at endline only");
    }

    /**
     * A collection link nobody has answered through yet (made before the field work starts) is no group of the
     * results: every figure shown before it was made stays shown, the team breakdown has no group for it, and a
     * filter on it is refused with what to do.
     */
    @Test
    void aCollectionLinkNobodyAnsweredThroughHidesNothing() throws SQLException {
        JsonPath before = results("");
        long team = collectionLink("Team Ziguinchor");
        allowTeam();
        JsonPath after = results("");
        for (String shown : List.of("respondents.rows.cells.display", "questions.table.rows.cells.display",
                "knowledgeScore.table.rows.cells.display", "changes.display")) {
            Object was = before.get(shown);
            assertNotNull(was, shown);
            assertEquals(was, after.get(shown), shown + " as before the link was made");
        }
        JsonPath byTeam = results("?by=team&wave=endline");
        assertEquals(List.of("Without a collection link", "All"), byTeam.getList("breakdown.respondents.columns"));
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "?filter=team:" + team)
                .then().statusCode(400)
                .body("detail", containsString("Nobody has answered through 'Team Ziguinchor' yet"));
        // the page offers no filter on it, and a filter typed in the address gets a readable page saying so
        String page = given().auth().oauth2(evaluator(NATIONAL)).when().get("/campaigns/results/" + survey)
                .then().statusCode(200).extract().asString();
        assertFalse(page.contains("team:" + team), "no filter on a link nobody answered through");
        given().auth().oauth2(evaluator(NATIONAL)).when().get("/campaigns/results/" + survey + "?filter=team:" + team)
                .then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("Nobody has answered through"));
    }

    /** A collection link for the survey's endline, as a manager makes one (its token's hash unique). */
    private long collectionLink(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement link = connection.prepareStatement("""
                        insert into collection_link (survey_id, wave, name, token_hash, created_by)
                        values (?, 'endline', ?, ?, 'manon') returning id""")) {
            link.setLong(1, survey);
            link.setString(2, name);
            link.setString(3, (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""));
            try (ResultSet id = link.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    /** The background questions and the collection team allowed as dimensions: the rollup is rebuilt, then folded. */
    private void allowTeam() {
        given().auth().oauth2(manager(NATIONAL)).contentType("application/x-www-form-urlencoded")
                .formParam("question", "age_band", "gender", "region").formParam("team", "true")
                .redirects().follow(false).when().post("/campaigns/surveys/" + survey + "/dimensions")
                .then().statusCode(303);
        fold.foldAll();
    }
}
