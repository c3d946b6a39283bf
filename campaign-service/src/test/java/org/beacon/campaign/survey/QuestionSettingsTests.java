package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.NGO;
import static org.beacon.campaign.survey.SurveyFixtures.campaign;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.importXlsx;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.sheets;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.beacon.campaign.survey.SurveyFixtures.xlsx;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.campaign.results.TallyFold;
import org.beacon.commons.web.ReaderFormats;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A form imported without Beacon's columns gets full results once its manager marks its questions (issue 13,
 * point 3): knowledge score, breakdown, reverse-worded means, part credit; changing the marks after answers exist
 * recomputes the results; invalid marks are refused naming the question, and only the survey's managers may mark.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(org.beacon.campaign.results.LinearSuppressionOnly.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class QuestionSettingsTests {

    @Inject
    EntityManager entityManager;

    @Inject
    TallyFold fold;

    long survey;

    /**
     * A plain XLSForm: no beacon_kind, no beacon_answer. The Likert item has ODK's own likert appearance and is worded
     * negatively; the sex question is an ordinary select_one.
     */
    static byte[] plainForm(String formId) {
        List<List<String>> survey = List.of(List.of("type", "name", "label::English (en)", "required", "appearance"),
                List.of("select_one sexes", "sex", "Sex", "yes", ""),
                List.of("select_one districts", "district", "District", "yes", ""),
                List.of("select_one k1list", "k1", "Can trafficking happen inside one country?", "yes", ""),
                List.of("select_one agree5", "l1", "An employer may keep a worker's identity papers.", "yes", "likert"),
                List.of("select_multiple channels", "heard", "Where did you hear of the campaign?", "no", ""),
                List.of("integer", "told", "How many people did you tell?", "no", ""));
        List<List<String>> choices = List.of(List.of("list_name", "name", "label::English (en)"),
                List.of("sexes", "woman", "Woman"), List.of("sexes", "man", "Man"),
                List.of("sexes", "prefer_not", "Prefer not to say"),
                List.of("districts", "north", "North"), List.of("districts", "south", "South"),
                List.of("k1list", "yes", "Yes"), List.of("k1list", "no", "No"),
                List.of("k1list", "dont_know", "I don't know"),
                List.of("agree5", "1", "1 - Strongly disagree"), List.of("agree5", "2", "2"),
                List.of("agree5", "3", "3"), List.of("agree5", "4", "4"),
                List.of("agree5", "5", "5 - Strongly agree"),
                List.of("channels", "radio", "Radio"), List.of("channels", "posters", "Posters"));
        List<List<String>> settings = List.of(List.of("form_title", "form_id", "version", "default_language"),
                List.of("Plain " + formId, formId, "1", "English (en)"));
        return xlsx(sheets(survey, choices, settings));
    }

    /**
     * Answers of one wave, the same for women and men so that every cell of the breakdown by sex is at least k:
     * per sex, k1 yes/no/don't know and the Likert points 1-5 with the counts given.
     */
    static String answers(int yes, int no, int dontKnow, int... likert) {
        StringBuilder csv = new StringBuilder("sex,district,k1,l1,heard,told\n");
        for (String sex : List.of("woman", "man")) {
            List<String> k1 = new ArrayList<>();
            k1.addAll(Collections.nCopies(yes, "yes"));
            k1.addAll(Collections.nCopies(no, "no"));
            k1.addAll(Collections.nCopies(dontKnow, "dont_know"));
            List<String> l1 = new ArrayList<>();
            for (int point = 1; point <= 5; point++) {
                l1.addAll(Collections.nCopies(likert[point - 1], Integer.toString(point)));
            }
            assertEquals(k1.size(), l1.size());
            for (int i = 0; i < k1.size(); i++) {
                csv.append(sex).append(',').append(i % 2 == 0 ? "north" : "south").append(',').append(k1.get(i))
                        .append(',').append(l1.get(i)).append(",radio,").append(i % 3).append('\n');
            }
        }
        return csv.toString();
    }

    @BeforeEach
    void plainSurveyWithAnswers() {
        long campaign = campaign(NATIONAL);
        survey = importXlsx(manager(NATIONAL), campaign, plainForm("plain_" + unique("f").replace('-', '_')))
                .then().statusCode(201).extract().<Integer>path("survey.id").longValue();
        SurveyFixtures.openWave(NATIONAL, survey, Wave.BASELINE);
        SurveyFixtures.openWave(NATIONAL, survey, Wave.ENDLINE);
        // baseline 2 x 60: k1 30/15/15, Likert 10 10 10 10 20; endline 2 x 80: k1 50/15/15, Likert 10 10 10 10 40
        uploadCsv(NATIONAL, survey, Wave.BASELINE, answers(30, 15, 15, 10, 10, 10, 10, 20), false)
                .then().statusCode(200).body("stored", equalTo(120));
        uploadCsv(NATIONAL, survey, Wave.ENDLINE, answers(50, 15, 15, 10, 10, 10, 10, 40), false)
                .then().statusCode(200).body("stored", equalTo(160));
    }

    JsonPath results(String query) {
        return given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + query)
                .then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> setting(String question, String use, String answer, Map<String, Integer> credits,
            boolean reversed) {
        Map<String, Object> setting = new HashMap<>();
        setting.put("question", question);
        setting.put("use", use);
        setting.put("answer", answer);
        setting.put("credits", credits);
        setting.put("reversed", reversed);
        return setting;
    }

    io.restassured.response.Response put(String token, List<Map<String, Object>> settings) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("settings", settings))
                .when().put("/campaigns/api/surveys/" + survey + "/settings");
    }

    /** The marks that make the plain form a full evaluation survey. */
    List<Map<String, Object>> fullMarks(String answer, Map<String, Integer> credits) {
        return List.of(setting("k1", "knowledge", answer, credits, false),
                setting("sex", "gender", null, null, false),
                setting("district", "background", null, null, false),
                setting("l1", "", null, null, true),
                setting("heard", "channel", null, null, false));
    }

    static Map<String, Object> row(JsonPath results, String path, String label) {
        List<Map<String, Object>> rows = results.getList(path + ".table.rows");
        return rows.stream().filter(r -> label.equals(r.get("label"))).findFirst().orElseThrow(
                () -> new AssertionError("no row " + label + " in " + rows));
    }

    static Map<String, Object> change(JsonPath results, String name) {
        List<Map<String, Object>> changes = results.getList("changes");
        return changes.stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Object mean(Map<String, Object> row, int column) {
        return ((List<Map<String, Object>>) row.get("cells")).get(column).get("mean");
    }

    @Test
    void aPlainFormMarkedAfterItsAnswersGetsAKnowledgeScoreABreakdownAndReversedMeans() {
        // Before marking: the import report and the survey page say what is missing, and where to mark it.
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/api/surveys/" + survey)
                .then().statusCode(200)
                .body("notices", hasItem(containsString("no knowledge score and no breakdown")))
                .body("notices", hasItem(containsString("/campaigns/surveys/" + survey + "/settings")));
        given().auth().oauth2(manager(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/surveys/" + survey)
                .then().statusCode(200)
                .body(containsString("ni score de connaissances ni ventilation"))
                .body(containsString("href=\"/campaigns/surveys/" + survey + "/settings\""));
        JsonPath before = results("");
        assertNull(before.get("knowledgeScore"), "no knowledge item, no score");
        assertEquals(3.33, ((Number) mean(row(before, "questions[3]", "Mean (1-5)"), 0)).doubleValue(), 1e-6,
                "the Likert item read as worded: (10 + 20 + 30 + 40 + 100) / 60");
        // no gender question yet, so no gender breakdown: asking for one is refused
        given().auth().oauth2(evaluator(NATIONAL)).when()
                .get("/campaigns/api/results/" + survey + "?by=gender&wave=baseline").then().statusCode(400);

        put(manager(NATIONAL), fullMarks("yes", Map.of())).then().statusCode(200)
                .body("changed", equalTo(true)).body("rescored", equalTo(280));
        fold.foldAll();

        JsonPath after = results("");
        // Knowledge score: yes is the right answer, 30 of 60 per sex at baseline, 50 of 80 at endline.
        assertEquals(0.5, ((Number) mean(row(after, "knowledgeScore", "Mean score"), 0)).doubleValue(), 1e-6);
        assertEquals(0.63, ((Number) mean(row(after, "knowledgeScore", "Mean score"), 1)).doubleValue(), 1e-6);
        assertEquals(true, row(after, "questions[2]", "Yes").get("correct"));
        // The reverse-worded item: 6 - 3.33 = 2.67 at baseline, 6 - 3.75 = 2.25 at endline; the rise in agreement
        // with the negative statement is a fall, shown as such, with the statement.
        String reversedLabel = "An employer may keep a worker's identity papers. (reverse-worded: the mean counts "
                + "answer 1 as 5 and 5 as 1)";
        assertEquals(reversedLabel, after.getString("questions[3].label"));
        assertEquals(2.67, ((Number) mean(row(after, "questions[3]", "Mean (1-5)"), 0)).doubleValue(), 1e-6);
        assertEquals(2.25, ((Number) mean(row(after, "questions[3]", "Mean (1-5)"), 1)).doubleValue(), 1e-6);
        Map<String, Object> likertChange = change(after, "l1");
        assertEquals(reversedLabel, likertChange.get("label"));
        assertEquals(-0.42, ((Number) likertChange.get("difference")).doubleValue(), 1e-6);
        assertEquals("heard", after.getString("reachQuestion"));
        // The breakdown by the question marked as gender, a group per choice.
        JsonPath bySex = results("?by=gender&wave=endline");
        assertEquals(List.of("Woman", "Man", "Prefer not to say", "All"),
                bySex.getList("breakdown.respondents.columns"));
        assertEquals(160, bySex.getList("breakdown.respondents.rows[0].cells.n").get(3));
        assertNotNull(bySex.get("breakdown.knowledgeScore"));

        // The page shows the same, in the page's language.
        given().auth().oauth2(evaluator(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/results/" + survey)
                .then().statusCode(200)
                .body(containsString("énoncé inversé : la moyenne compte la réponse 1 comme 5 et 5 comme 1"));
        // Audited: who changed what.
        String summary = (String) entityManager.createNativeQuery("""
                select summary from audit_entry where action = 'survey-question-settings' and subject_id = ?1
                order by id desc limit 1""").setParameter(1, survey).getSingleResult();
        assertTrue(summary.contains("k1: knowledge item (answer yes)")
                && summary.contains("l1: no particular use, reverse-worded")
                && summary.contains("responses rescored: 280"), summary);
    }

    @Test
    void remarkingAfterAnswersRecomputesTheScoresAndTheRollup() {
        put(manager(NATIONAL), fullMarks("yes", Map.of())).then().statusCode(200);
        fold.foldAll();
        assertEquals(0.5, ((Number) mean(row(results(""), "knowledgeScore", "Mean score"), 0)).doubleValue(), 1e-6);

        // The right answer was "no" all along: 15 of 60 at baseline, 15 of 80 at endline.
        put(manager(NATIONAL), fullMarks("no", Map.of())).then().statusCode(200).body("changed", equalTo(true));
        JsonPath pending = results("");
        assertEquals(0.25, ((Number) mean(row(pending, "knowledgeScore", "Mean score"), 0)).doubleValue(), 1e-6,
                "exact before the fold: the rebuilt rollup's responses are read from the queue");
        fold.foldAll();
        JsonPath after = results("");
        assertEquals(0.25, ((Number) mean(row(after, "knowledgeScore", "Mean score"), 0)).doubleValue(), 1e-6);
        assertEquals(0.19, ((Number) mean(row(after, "knowledgeScore", "Mean score"), 1)).doubleValue(), 1e-6);
        assertEquals(true, row(after, "questions[2]", "No").get("correct"));
        assertEquals(false, row(after, "questions[2]", "Yes").get("correct"));
        // Every response counted once: the rollup holds 280 respondents, not 560.
        assertEquals(List.of(120, 160), after.getList("respondents.rows[0].cells.n"));
        assertEquals(280L, ((Number) entityManager.createNativeQuery(
                "select coalesce(sum(n), 0) from survey_tally where survey_id = ?1 and question_id = 0"
                        + " and dim_a = 0 and dim_b = 0")
                .setParameter(1, survey).getSingleResult()).longValue());
        // Unmarking takes the score away again; the same marks twice change nothing and are not rescored.
        put(manager(NATIONAL), fullMarks("no", Map.of())).then().statusCode(200).body("changed", equalTo(false));
        put(manager(NATIONAL), List.of(setting("k1", "", null, null, false))).then().statusCode(200);
        assertNull(results("").get("knowledgeScore"));
        assertEquals(0L, ((Number) entityManager.createNativeQuery(
                "select count(*) from survey_response where survey_id = ?1 and knowledge_score is not null")
                .setParameter(1, survey).getSingleResult()).longValue());
    }

    @Test
    void aPartCreditOptionIsShownWithItsCreditNeverAsCorrect() {
        put(manager(NATIONAL), fullMarks("yes", Map.of("dont_know", 50))).then().statusCode(200)
                .body("settings.find { it.question == 'k1' }.credits.dont_know", equalTo(50));
        fold.foldAll();
        JsonPath after = results("");
        Map<String, Object> partial = row(after, "questions[2]", "I don't know (50 % credit)");
        assertEquals(false, partial.get("correct"));
        assertEquals(true, row(after, "questions[2]", "Yes").get("correct"));
        // Scores in half points: 0, 0.5 and 1 of 1; baseline mean (30 + 15 x 0.5) / 60 = 0.625.
        assertEquals(List.of("0 / 1", "0.5 / 1", "1 / 1"), after.getList("knowledgeScore.table.rows.label")
                .subList(0, 3));
        assertEquals(List.of(30, 30, 60), List.of(0, 1, 2).stream()
                .map(r -> after.getList("knowledgeScore.table.rows[" + r + "].cells.n").get(0)).toList());
        assertEquals(0.63, ((Number) mean(row(after, "knowledgeScore", "Mean score"), 0)).doubleValue(), 1e-6);
        // The same in the CSV export and on the page, in the page's language.
        String csv = given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + survey + "/export.csv")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("I don't know (50 % credit)"), csv);
        given().auth().oauth2(evaluator(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/results/" + survey)
                .then().statusCode(200).body(anyOf(containsString("I don&#39;t know (50\u00a0% de crédit)"),
                        containsString("I don't know (50\u00a0% de crédit)")));
        // A new answer is scored in the same half points as the rescored ones.
        Map<String, List<String>> answer = new LinkedHashMap<>();
        answer.put("sex", List.of("woman"));
        answer.put("district", List.of("north"));
        answer.put("k1", List.of("dont_know"));
        answer.put("l1", List.of("3"));
        SurveyFixtures.submit(SurveyFixtures.slug(survey), Wave.ENDLINE, java.util.UUID.randomUUID().toString(),
                answer).then().statusCode(303);
        assertEquals(List.of(1), entityManager.createNativeQuery("""
                select distinct knowledge_score from survey_response
                where survey_id = ?1 and answers[3] = 3""").setParameter(1, survey).getResultList().stream()
                .map(n -> ((Number) n).intValue()).toList());
    }

    @Test
    void invalidMarksAreRefusedNamingTheQuestionAndChangeNothing() {
        put(manager(NATIONAL), List.of(setting("k1", "knowledge", null, null, false))).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasItem(containsString("k1: a knowledge item needs its right answer")));
        put(manager(NATIONAL), List.of(setting("k1", "knowledge", "maybe", null, false))).then().statusCode(400)
                .body("errors", hasItem(containsString("k1: a knowledge item needs its right answer")));
        put(manager(NATIONAL), List.of(setting("k1", "knowledge", "yes", Map.of("no", 40), false)))
                .then().statusCode(400).body("errors", hasItem(containsString("k1: part credit is 25, 50 or 75 %")));
        put(manager(NATIONAL), List.of(setting("k1", "knowledge", "yes", Map.of("yes", 50), false)))
                .then().statusCode(400).body("errors", hasItem(containsString("k1: part credit")));
        put(manager(NATIONAL), List.of(setting("sex", "gender", null, null, false),
                setting("district", "gender", null, null, false))).then().statusCode(400)
                .body("errors", hasItem(containsString("district: has the same role as another question")));
        put(manager(NATIONAL), List.of(setting("heard", "channel", null, null, false),
                setting("k1", "channel", null, null, false))).then().statusCode(400)
                .body("errors", hasItem(containsString("has the same role")));
        put(manager(NATIONAL), List.of(setting("district", "gender", null, null, false))).then().statusCode(400)
                .body("errors", hasItem(containsString("district: the gender question must offer")));
        put(manager(NATIONAL), List.of(setting("heard", "region", null, null, false))).then().statusCode(400)
                .body("errors", hasItem(containsString("heard: a background question is a single-choice question")));
        put(manager(NATIONAL), List.of(setting("l1", "knowledge", "1", null, false))).then().statusCode(400)
                .body("errors", hasItem(containsString("l1: a knowledge item is a single-choice question")));
        put(manager(NATIONAL), List.of(setting("k1", "", null, null, true))).then().statusCode(400)
                .body("errors", hasItem(containsString("k1: only a Likert item")));
        put(manager(NATIONAL), List.of(setting("told", "channel", null, null, false))).then().statusCode(400)
                .body("errors", hasItem(containsString("told: there is no such question")));
        put(manager(NATIONAL), List.of(setting("k1", "nationality", null, null, false))).then().statusCode(400)
                .body("errors", hasItem(containsString("k1: this is not a use")));
        given().auth().oauth2(manager(NATIONAL)).contentType(ContentType.JSON).body("{}")
                .when().put("/campaigns/api/surveys/" + survey + "/settings").then().statusCode(400);
        // The page refuses the same way, in its language, with the question named, and status 400.
        List<Long> ids = questionIds();
        given().auth().oauth2(manager(NATIONAL)).header("Accept-Language", "fr").redirects().follow(false)
                .formParam("use-" + ids.get(2), "knowledge").formParam("answer-" + ids.get(2), "")
                .when().post("/campaigns/surveys/" + survey + "/settings")
                .then().statusCode(400)
                .body(containsString("k1 : une question de connaissances doit avoir sa bonne réponse"));
        given().auth().oauth2(manager(NATIONAL)).header("Accept-Language", "fr").redirects().follow(false)
                .formParam("use-" + ids.get(2), "knowledge").formParam("answer-" + ids.get(2), "yes")
                .formParam("credit-" + ids.get(2) + "-2", "40")
                .when().post("/campaigns/surveys/" + survey + "/settings")
                .then().statusCode(400)
                .body(containsString("k1 : le crédit partiel est de 25\u00a0%, 50\u00a0% ou 75\u00a0%"));
        // Nothing changed: no knowledge item, no role, no rescoring, no audit entry.
        assertNull(results("").get("knowledgeScore"));
        assertEquals(0L, ((Number) entityManager.createNativeQuery("""
                select count(*) from survey_question where survey_id = ?1
                and (kind = 'knowledge' or role is not null or reversed)""").setParameter(1, survey)
                .getSingleResult()).longValue());
        assertEquals(0L, ((Number) entityManager.createNativeQuery("""
                select count(*) from audit_entry where action = 'survey-question-settings' and subject_id = ?1""")
                .setParameter(1, survey).getSingleResult()).longValue());
    }

    List<Long> questionIds() {
        return entityManager.createNativeQuery("select id from survey_question where survey_id = ?1 order by position")
                .setParameter(1, survey).getResultList().stream().map(n -> ((Number) n).longValue()).toList();
    }

    @Test
    void thePageMarksEveryQuestionInOneForm() {
        List<Long> ids = questionIds();
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/surveys/" + survey + "/settings")
                .then().statusCode(200)
                .body(containsString("name=\"use-" + ids.get(2) + "\""))
                .body(containsString("name=\"reversed-" + ids.get(3) + "\""))
                .body(containsString("name=\"credit-" + ids.get(2) + "-3\""))
                .body(not(containsString("name=\"use-" + ids.get(5) + "\"")));
        given().auth().oauth2(manager(NATIONAL)).redirects().follow(false)
                .formParam("use-" + ids.get(0), "gender")
                .formParam("use-" + ids.get(1), "region")
                .formParam("use-" + ids.get(2), "knowledge").formParam("answer-" + ids.get(2), "yes")
                .formParam("credit-" + ids.get(2) + "-3", "25")
                .formParam("reversed-" + ids.get(3), "true")
                .formParam("use-" + ids.get(4), "channel")
                .when().post("/campaigns/surveys/" + survey + "/settings")
                .then().statusCode(303)
                .header("Location", containsString("/campaigns/surveys/" + survey + "/settings?outcome=saved"));
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/surveys/" + survey + "/settings?outcome=saved")
                .then().statusCode(200).body(containsString("The settings were saved"))
                .body(containsString("<option value=\"25\" selected>25% credit</option>"));
        // The credit is a percentage as the reader writes it, never the machine's "25 %".
        given().auth().oauth2(manager(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/surveys/" + survey + "/settings")
                .then().statusCode(200).body(containsString("<option value=\"25\" selected>25\u00a0% de crédit</option>"));
        given().auth().oauth2(manager(NATIONAL)).header("Accept-Language", "ar")
                .when().get("/campaigns/surveys/" + survey + "/settings")
                .then().statusCode(200).body(containsString("<option value=\"25\" selected>درجة "
                        + ReaderFormats.percent(25, 0, Locale.forLanguageTag("ar")) + "</option>"))
                .body(not(containsString("25 %")));
        JsonPath after = results("");
        // Scores in quarter points: "don't know" (30 at baseline) scores 0.25.
        assertEquals("0.25 / 1", after.getString("knowledgeScore.table.rows[1].label"));
        assertEquals(30, after.getList("knowledgeScore.table.rows[1].cells.n").get(0));
        assertEquals(List.of("North", "South", "All"),
                results("?by=region&wave=baseline").getList("breakdown.respondents.columns"));
        // The survey page no longer says the form is unmarked.
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/api/surveys/" + survey)
                .then().statusCode(200)
                .body("notices", not(hasItem(containsString("no knowledge score and no breakdown"))));
    }

    @Test
    void onlyManagersOfTheSurveysOrganizationMark() {
        List<Map<String, Object>> marks = fullMarks("yes", Map.of());
        put(evaluator(NATIONAL), marks).then().statusCode(403);
        put(manager(NGO), marks).then().statusCode(403);
        given().auth().oauth2(evaluator(NATIONAL)).when().get("/campaigns/surveys/" + survey + "/settings")
                .then().statusCode(403);
        given().auth().oauth2(manager(NGO)).when().get("/campaigns/surveys/" + survey + "/settings")
                .then().statusCode(403);
        given().auth().oauth2(manager(NGO)).redirects().follow(false)
                .formParam("use-" + questionIds().get(0), "gender")
                .when().post("/campaigns/surveys/" + survey + "/settings").then().statusCode(403);
        given().auth().oauth2(manager(NGO)).when().get("/campaigns/api/surveys/" + survey + "/settings")
                .then().statusCode(403);
        put(manager(NATIONAL), List.of()).then().statusCode(200).body("changed", equalTo(false));
        given().auth().oauth2(manager(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("settings", List.of()))
                .when().put("/campaigns/api/surveys/999999999/settings").then().statusCode(404);
        assertFalse(((Number) entityManager.createNativeQuery(
                "select count(*) from survey_question where survey_id = ?1 and kind = 'knowledge'")
                .setParameter(1, survey).getSingleResult()).longValue() > 0, "nothing was marked");
    }

    /** The plain form with Beacon's columns for the same settings, and one more background question. */
    static byte[] markedForm(String formId, String reverse) {
        List<List<String>> survey = List.of(
                List.of("type", "name", "label::English (en)", "required", "appearance", "beacon_kind",
                        "beacon_answer", "beacon_reverse"),
                List.of("select_one districts", "nationality", "Nationality", "yes", "", "background", "", ""),
                List.of("select_one k1list", "k1", "Can trafficking happen inside one country?", "yes", "",
                        "knowledge", "yes dont_know:50", ""),
                List.of("select_one agree5", "l1", "An employer may keep a worker's identity papers.", "yes",
                        "likert", "", "", reverse),
                List.of("select_one k1list", "k2", "Is a recruitment fee legal?", "yes", "", "", "", ""));
        List<List<String>> choices = List.of(List.of("list_name", "name", "label::English (en)"),
                List.of("districts", "north", "North"), List.of("districts", "south", "South"),
                List.of("k1list", "yes", "Yes"), List.of("k1list", "no", "No"),
                List.of("k1list", "dont_know", "I don't know"),
                List.of("agree5", "1", "1"), List.of("agree5", "2", "2"), List.of("agree5", "3", "3"),
                List.of("agree5", "4", "4"), List.of("agree5", "5", "5"));
        List<List<String>> settings = List.of(List.of("form_title", "form_id", "version", "default_language"),
                List.of("Marked " + formId, formId, "1", "English (en)"));
        return xlsx(sheets(survey, choices, settings));
    }

    @Test
    void beaconColumnsAreAShortcutForTheSameSettings() {
        long campaign = campaign(NATIONAL);
        String formId = "marked_" + unique("f").replace('-', '_');
        long marked = importXlsx(manager(NATIONAL), campaign, markedForm(formId, "yes"))
                .then().statusCode(201).extract().<Integer>path("survey.id").longValue();
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/api/surveys/" + marked + "/settings")
                .then().statusCode(200)
                .body("settings.find { it.question == 'nationality' }.use", equalTo("background"))
                .body("settings.find { it.question == 'k1' }.use", equalTo("knowledge"))
                .body("settings.find { it.question == 'k1' }.answer", equalTo("yes"))
                .body("settings.find { it.question == 'k1' }.credits.dont_know", equalTo(50))
                .body("settings.find { it.question == 'l1' }.reversed", equalTo(true))
                .body("settings.find { it.question == 'k2' }.use", equalTo(""));
        // The same form again changes nothing (its fingerprint is stable); a reverse-worded mark on anything but a
        // Likert item, or a part credit that is not a quarter, is refused naming the row and column.
        importXlsx(manager(NATIONAL), campaign, markedForm(formId, "yes")).then().statusCode(200)
                .body("created", equalTo(false)).body("changed", equalTo(false));
        List<List<String>> survey = List.of(
                List.of("type", "name", "label::English (en)", "beacon_kind", "beacon_answer", "beacon_reverse"),
                List.of("select_one k1list", "k1", "Inside one country?", "knowledge", "yes no:40", ""),
                List.of("select_one k1list", "k2", "A fee?", "", "", "yes"));
        List<List<String>> choices = List.of(List.of("list_name", "name", "label::English (en)"),
                List.of("k1list", "yes", "Yes"), List.of("k1list", "no", "No"));
        List<List<String>> settings = List.of(List.of("form_title", "form_id"), List.of("Bad", "bad_marks"));
        importXlsx(manager(NATIONAL), campaign, xlsx(sheets(survey, choices, settings))).then().statusCode(400)
                .body("errors", hasItem(allOf(containsString("row 2"), containsString("beacon_answer"),
                        containsString("'no:40' is not a part-credit option"))))
                .body("errors", hasItem(allOf(containsString("row 3"), containsString("beacon_reverse"),
                        containsString("only a Likert item"))));
    }
}
