package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.NGO;
import static org.beacon.campaign.survey.SurveyFixtures.admin;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.distribution.TDistribution;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@io.quarkus.test.junit.TestProfile(LinearSuppressionOnly.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class ResultsResourceTests {

    @Inject
    EntityManager entityManager;

    @Inject
    TallyFold fold;

    @Inject
    DataSource dataSource;

    long survey;

    @BeforeEach
    void knownDataSet() {
        survey = evaluationSurvey(NATIONAL, "results_" + unique("f").replace('-', '_'), Wave.BASELINE, Wave.ENDLINE);
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

    @Test
    void countsPercentagesAndMeansAreExact() {
        JsonPath json = results("");
        assertEquals(List.of("baseline", "endline"), json.getList("waves"));
        assertEquals(List.of(60, 80), json.getList("respondents.rows[0].cells.n"));
        String k1 = "questions.find { it.name == 'k1' }.table";
        // 8 endline "don't know" answers are under k: rather than hide them and "no" (12) with them, the two wrong
        // answers are pooled (20 + 10 at baseline, 12 + 8 at endline); the right answer keeps its own row.
        assertEquals(List.of("Yes", "Other (No; I don't know)", "Answered"), json.getList(k1 + ".rows.label"));
        assertEquals(List.of(30, 60), json.getList(k1 + ".rows[0].cells.n"));
        assertEquals(List.of(50.0f, 75.0f), json.getList(k1 + ".rows[0].cells.percent"));
        assertEquals(List.of("30 (50.0%)", "20 (25.0%)"), json.getList(k1 + ".rows[1].cells.display"));
        assertEquals(true, json.getBoolean(k1 + ".rows[0].correct"));

        String l1 = "questions.find { it.name == 'l1' }.table";
        assertEquals(List.of(10, 10, 20, 10, 10), json.getList(l1 + ".rows[0..4].collect { it.cells[0].n }"));
        assertEquals(List.of(3.0f, 3.63f), json.getList(l1 + ".rows.find { it.type == 'mean' }.cells.mean"));

        String told = "questions.find { it.name == 'people_told' }.table";
        assertEquals(List.of(1.5f, 2.0f), json.getList(told + ".rows.find { it.type == 'mean' }.cells.mean"));

        String reach = "questions.find { it.name == 'heard_from' }.table";
        assertEquals("heard_from", json.getString("reachQuestion"));
        assertEquals(List.of(30, 40), json.getList(reach + ".rows[0].cells.n"), "radio");
        assertEquals(List.of(10, 30), json.getList(reach + ".rows[1].cells.n"), "posters");
        assertEquals(List.of(30, 20), json.getList(reach + ".rows[2].cells.n"), "not heard");

        String score = "knowledgeScore.table";
        assertEquals(List.of("0 / 1", "1 / 1", "Answered", "Mean score"), json.getList(score + ".rows.label"));
        assertEquals(List.of(0.5f, 0.75f), json.getList(score + ".rows[3].cells.mean"));
    }

    @Test
    void baselineToEndlineChangesCarryTheirConfidenceIntervals() {
        JsonPath json = results("");
        Map<String, Object> k1 = json.getMap("changes.find { it.name == 'k1' }");
        assertEquals("proportion", k1.get("measure"));
        // Wald: 0.75 - 0.50 ± 1.96 √(0.5·0.5/60 + 0.75·0.25/80)
        double se = Math.sqrt(0.5 * 0.5 / 60 + 0.75 * 0.25 / 80);
        assertEquals(25.0, ((Number) k1.get("difference")).doubleValue(), 0.05);
        assertEquals(100 * (0.25 - 1.959964 * se), ((Number) k1.get("low")).doubleValue(), 0.05);
        assertEquals(100 * (0.25 + 1.959964 * se), ((Number) k1.get("high")).doubleValue(), 0.05);

        // Welch on the Likert answers themselves, computed here from the raw values.
        double[] before = values(KnownAnswers.baseline(), "l1");
        double[] after = values(KnownAnswers.endline(), "l1");
        double v1 = variance(before) / before.length;
        double v2 = variance(after) / after.length;
        double df = Math.pow(v1 + v2, 2) / (v1 * v1 / (before.length - 1) + v2 * v2 / (after.length - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(0.975);
        double d = mean(after) - mean(before);
        Map<String, Object> l1 = json.getMap("changes.find { it.name == 'l1' }");
        assertEquals("mean", l1.get("measure"));
        assertEquals(0.63, ((Number) l1.get("difference")).doubleValue(), 0.005);
        assertEquals(d - t * Math.sqrt(v1 + v2), ((Number) l1.get("low")).doubleValue(), 0.005);
        assertEquals(d + t * Math.sqrt(v1 + v2), ((Number) l1.get("high")).doubleValue(), 0.005);

        Map<String, Object> score = json.getMap("changes.find { it.name == 'knowledge_score' }");
        assertEquals(0.25, ((Number) score.get("difference")).doubleValue(), 0.005);
    }

    @Test
    void aGroupUnderKIsShownAsLessThanKAndProtectedFromSubtraction() {
        JsonPath json = results("?by=gender&wave=baseline");
        assertEquals(List.of("Woman", "Man", "Prefer not to say", "All"),
                json.getList("breakdown.respondents.columns"));
        assertEquals(List.of("30", "hidden", "< 10", "60"), json.getList("breakdown.respondents.rows[0].cells.display"));
        assertEquals(List.of("small"), json.getList("breakdown.respondents.rows[0].cells.findAll { it.n == null && "
                + "it.display == '< 10' }.suppressed"));
        assertEquals((Object) null, json.get("breakdown.respondents.rows[0].cells[1].n"), "the protecting cell has no number");
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "?by=gender&wave=baseline")
                .then().body(not(containsString("\"n\":26")))
                .body(not(containsString("\"n\":4,")));
    }

    @Test
    void noHiddenFigureCanBeRecoveredFromTheExport() throws IOException {
        List<CSVRecord> records = exportCsv();
        Map<String, Long> known = new HashMap<>();
        Set<String> hidden = new java.util.HashSet<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        Map<String, String> overallDisplay = new HashMap<>();
        Set<String> singleAnswer = Set.of("age_band", "gender", "region", "k1", "l1", "knowledge_score");
        Set<String> requiredQuestions = Set.of("age_band", "gender", "k1", "l1", "knowledge_score");
        for (CSVRecord r : records) {
            if (r.get("section").equals("change") || r.get("row_type").equals("mean")) {
                continue;
            }
            String question = r.get("question");
            boolean all = r.get("section").equals("breakdown") ? r.get("group").equals("All") : true;
            String group = all ? "*" : r.get("dimension") + "=" + r.get("group");
            String key = r.get("wave") + "|" + question + "|" + r.get("row") + "|" + group;
            if (r.get("n").isEmpty()) {
                hidden.add(key);
            } else {
                known.put(key, Long.parseLong(r.get("n")));
            }
            if (all) {
                String previous = overallDisplay.putIfAbsent(key, r.get("n").isEmpty() ? r.get("display") : "shown");
                assertTrue(previous == null || previous.equals(r.get("n").isEmpty() ? r.get("display") : "shown"),
                        key + " is shown in one table and hidden in another");
            }
            if (!all) {
                // groups of a dimension add up to everyone
                lines.computeIfAbsent("row|" + r.get("wave") + "|" + question + "|" + r.get("row") + "|"
                        + r.get("dimension"), l -> new ArrayList<>(List.of(r.get("wave") + "|" + question + "|"
                                + r.get("row") + "|*"))).add(key);
            }
            if (singleAnswer.contains(question) && r.get("row_type").equals("choice")) {
                // choices of a single-answer question add up to those who answered it
                lines.computeIfAbsent("col|" + r.get("wave") + "|" + question + "|" + group,
                        l -> new ArrayList<>(List.of(r.get("wave") + "|" + question + "|Answered|" + group))).add(key);
            }
            if (requiredQuestions.contains(question) && r.get("row_type").equals("answered")) {
                // everyone answers a required question: its answered count is the respondent count
                lines.put("eq|" + key, List.of("" + r.get("wave") + "|respondents|Respondents|" + group, key));
            }
        }
        assertTrue(hidden.size() > 10, "the data set has suppressed figures (" + hidden.size() + ")");

        // The attacker: repeatedly solve any sum with a single unknown, using everything recovered so far.
        Set<String> recovered = new java.util.HashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (List<String> line : lines.values()) {
                String total = line.get(0);
                List<String> members = line.subList(1, line.size());
                List<String> unknown = new ArrayList<>();
                if (!known.containsKey(total)) {
                    unknown.add(total);
                }
                members.stream().filter(m -> !known.containsKey(m)).forEach(unknown::add);
                if (unknown.size() == 1 && line.stream().allMatch(k -> known.containsKey(k) || hidden.contains(k))) {
                    String target = unknown.get(0);
                    long sum = members.stream().filter(known::containsKey).mapToLong(known::get).sum();
                    known.put(target, target.equals(total) ? sum : known.get(total) - sum);
                    recovered.add(target);
                    progress = true;
                }
            }
        }
        assertEquals(Set.of(), recovered, "hidden figures recovered by subtraction");
    }

    @Test
    void aMeanIsShownOnlyWhenEveryCountBehindItIs() {
        JsonPath json = results("?by=gender&wave=endline");
        for (Map<String, Object> question : json.<Map<String, Object>>getList("breakdown.questions")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) ((Map<String, Object>) question.get("table"))
                    .get("rows");
            Map<String, Object> mean = rows.stream().filter(r -> r.get("type").equals("mean")).findFirst()
                    .orElse(null);
            if (mean == null || !"likert".equals(question.get("kind"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> means = (List<Map<String, Object>>) mean.get("cells");
            for (int c = 0; c < means.size(); c++) {
                if (means.get(c).get("mean") != null) {
                    final int column = c;
                    assertTrue(rows.stream().filter(r -> !r.get("type").equals("mean"))
                            .allMatch(r -> ((List<Map<String, Object>>) r.get("cells")).get(column).get("n") != null),
                            "a shown mean with a hidden count would give the count away");
                }
            }
        }
    }

    @Test
    void anEvaluatorOfAnotherOrganizationGets403Everywhere() {
        for (String path : List.of("/campaigns/api/results/" + survey, "/campaigns/api/results/" + survey
                + "/export.csv", "/campaigns/api/results/" + survey + "/texts?question=suggestion&wave=endline")) {
            given().auth().oauth2(evaluator(NGO)).when().get(path).then().statusCode(403);
        }
        given().auth().oauth2(evaluator(NGO)).when().get("/campaigns/results/" + survey).then().statusCode(403);
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/api/results/" + survey)
                .then().statusCode(403);
        given().auth().oauth2(admin()).when().get("/campaigns/api/results/" + survey).then().statusCode(200);
    }

    @Test
    void everyExportIsWrittenToTheAuditLog() throws IOException {
        long before = exports();
        exportCsv();
        assertEquals(before + 1, exports());
        Object[] entry = (Object[]) entityManager.createNativeQuery("""
                select actor, actor_name, summary from audit_entry
                where action = 'survey-results-export' and subject_id = ?1 order by id desc limit 1""")
                .setParameter(1, survey).getSingleResult();
        assertEquals(TestTokens.subjectOf("eva-" + NATIONAL), entry[0]);
        assertEquals("Eva-" + NATIONAL + " Tester", entry[1]);
        assertTrue(((String) entry[2]).contains("results as a CSV file"), (String) entry[2]);
        results("");
        assertEquals(before + 2, exports(), "the JSON API is an export too");
    }

    @Test
    void theCsvExportCarriesTheSameSuppression() throws IOException {
        List<CSVRecord> records = exportCsv();
        CSVRecord small = records.stream().filter(r -> r.get("section").equals("breakdown")
                && r.get("wave").equals("baseline") && r.get("dimension").equals("gender")
                && r.get("question").equals("respondents") && r.get("group").equals("Prefer not to say"))
                .findFirst().orElseThrow();
        assertEquals("", small.get("n"));
        assertEquals("< 10", small.get("display"));
        assertTrue(records.stream().noneMatch(r -> r.get("section").equals("breakdown")
                && r.get("wave").equals("baseline") && r.get("question").equals("respondents")
                && r.get("group").equals("Man") && !r.get("n").isEmpty()));
    }

    @Test
    void foldingIntoTheRollupChangesNoFigure() throws Exception {
        String before = given().auth().oauth2(admin()).get("/campaigns/api/results/" + survey + "?by=region&wave=endline")
                .then().statusCode(200).extract().asString();
        // Another instance (or the schedule) is folding right now: foldAll waits for it rather than returning with
        // the queue still full.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, TallyFold.LOCK);
                lock.execute();
            }
            CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> {
                try {
                    other.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            fold.foldAll();
        }
        assertEquals(0L, ((Number) entityManager.createNativeQuery(
                "select count(*) from survey_response_pending where survey_id = ?1").setParameter(1, survey)
                .getSingleResult()).longValue());
        String after = given().auth().oauth2(admin()).get("/campaigns/api/results/" + survey + "?by=region&wave=endline")
                .then().statusCode(200).extract().asString();
        assertEquals(before, after);
    }

    @Test
    void freeTextIsMaskedForEvaluatorsAndStoredAsGiven() {
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "/texts?question=suggestion&wave=endline")
                .then().statusCode(200)
                .body("shown", equalTo(true))
                .body("answered", equalTo(20))
                .body("answeredDisplay", equalTo("20"))
                .body("answers", org.hamcrest.Matchers.hasItem("Call me on [phone]"))
                .body("answers", org.hamcrest.Matchers.hasItem("write to [e-mail]"))
                .body("answers", org.hamcrest.Matchers.hasItem("More radio spots in 2027"))
                .body(not(containsString("77 123")));
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "/texts?question=suggestion&wave=baseline")
                .then().statusCode(200).body("shown", equalTo(false)).body("answers", org.hamcrest.Matchers.empty())
                // 6 people answered at baseline: fewer than k, so the count is as hidden as the answers.
                .body("answered", org.hamcrest.Matchers.nullValue())
                .body("answeredDisplay", equalTo("< 10"))
                .body(not(containsString("6")));
        assertEquals(6L, ((Number) entityManager.createNativeQuery("""
                select count(*) from survey_text_answer t join survey_response r on r.id = t.response_id
                where r.survey_id = ?1 and t.answer = 'Call me on +221 77 123 45 67'""")
                .setParameter(1, survey).getSingleResult()).longValue());
        given().auth().oauth2(admin())
                .when().get("/campaigns/api/results/" + survey + "/texts?question=suggestion&wave=endline")
                .then().statusCode(403);
    }

    @Test
    void anAdminSetsAnOrganizationsKNeverBelowFive() {
        String org = unique("org");
        given().auth().oauth2(admin()).contentType("application/json").body(Map.of("minCellSize", 4))
                .when().put("/campaigns/api/results/disclosure/" + org).then().statusCode(400);
        given().auth().oauth2(evaluator(org)).contentType("application/json").body(Map.of("minCellSize", 20))
                .when().put("/campaigns/api/results/disclosure/" + org).then().statusCode(403);
        given().auth().oauth2(admin()).contentType("application/json").body(Map.of("minCellSize", 5))
                .when().put("/campaigns/api/results/disclosure/" + org).then().statusCode(200)
                .body("minCellSize", equalTo(5));
        given().auth().oauth2(evaluator(org)).when().get("/campaigns/api/results/disclosure/" + org)
                .then().statusCode(200).body("minCellSize", equalTo(5));
        given().auth().oauth2(evaluator(org)).when().get("/campaigns/api/results/disclosure/" + NATIONAL)
                .then().statusCode(403);
    }

    @Test
    void withASmallerKTheSmallGroupIsStillHiddenButMoreIsShown() {
        given().auth().oauth2(admin()).contentType("application/json").body(Map.of("minCellSize", 5))
                .when().put("/campaigns/api/results/disclosure/" + NATIONAL).then().statusCode(200);
        try {
            JsonPath json = results("?by=gender&wave=endline");
            assertEquals(5, json.getInt("minCellSize"));
            assertEquals(List.of("40", "35", "5", "80"), json.getList("breakdown.respondents.rows[0].cells.display"));
            JsonPath baseline = results("?by=gender&wave=baseline");
            assertEquals("< 5", baseline.getString("breakdown.respondents.rows[0].cells[2].display"));
        } finally {
            given().auth().oauth2(admin()).contentType("application/json").body(Map.of("minCellSize", 10))
                    .when().put("/campaigns/api/results/disclosure/" + NATIONAL).then().statusCode(200);
        }
    }

    List<CSVRecord> exportCsv() throws IOException {
        String csv = given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "/export.csv")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("results.csv"))
                .extract().asString();
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    long exports() {
        return ((Number) entityManager.createNativeQuery(
                "select count(*) from audit_entry where action = 'survey-results-export' and subject_id = ?1")
                .setParameter(1, survey).getSingleResult()).longValue();
    }

    static double[] values(List<Map<String, String>> rows, String column) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r.get(column))).toArray();
    }

    static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }

    static double variance(double[] values) {
        double m = mean(values);
        return java.util.Arrays.stream(values).map(v -> (v - m) * (v - m)).sum() / (values.length - 1);
    }

    @Test
    void aPageNumberTooLargeToReachIsRefusedWith400NotAServerError() {
        // 50,000,000 × 50 answers a page does not fit in an int: it used to overflow into a 500.
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "/texts?question=suggestion&wave=endline&page=50000000")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("page number"));
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/results/" + survey + "/texts?question=suggestion&wave=endline&page=50000000")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("page number"));
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "/texts?question=suggestion&wave=endline&page=1")
                .then().statusCode(200).body("page", equalTo(1)).body("answers", org.hamcrest.Matchers.empty());
        // Not a number at all, or too large for one: bad input too, not "nothing at this address".
        for (String page : List.of("abc", "99999999999")) {
            given().auth().oauth2(evaluator(NATIONAL))
                    .when().get("/campaigns/api/results/" + survey + "/texts?question=suggestion&wave=endline&page="
                            + page)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("not of the expected kind"));
        }
        given().auth().oauth2(evaluator(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/results/" + survey + "/texts?question=suggestion&wave=endline&page=abc")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("Demande non valide"));
    }

    @Test
    void anOrganizationNameLongerThanStoredIsRefusedWith400() {
        String tooLong = "o".repeat(101);
        given().auth().oauth2(admin()).contentType("application/json").body(Map.of("minCellSize", 20))
                .when().put("/campaigns/api/results/disclosure/" + tooLong)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", org.hamcrest.Matchers.hasItem(containsString("organization")));
        assertEquals(0L, ((Number) entityManager.createNativeQuery(
                "select count(*) from survey_disclosure_policy where organization like 'ooooo%'")
                .getSingleResult()).longValue());
    }
}
