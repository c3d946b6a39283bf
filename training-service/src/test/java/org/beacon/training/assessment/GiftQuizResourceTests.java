package org.beacon.training.assessment;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.LearnerSteps.API;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.CourseFixtures;
import org.beacon.training.LearnerSteps;
import org.beacon.training.LearnerSteps.Learner;
import org.junit.jupiter.api.Test;

/**
 * A course whose post-test has a numerical and a matching question and a description, answered by a trainee over
 * the API and the pages, scored on the server and shown to the reviewer.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class GiftQuizResourceTests {

    static final String EXTRA = """

            ::t-intro:: [markdown]The last two questions are about **numbers** and **means**.

            // legal: UN Trafficking Protocol, Art. 3(d)
            ::t-q05:: Under what age is a person a child under the Protocol? {#18:0.5 #Right: under eighteen.}

            ::t-q06:: [markdown]Match each **means** with an example. {
              =Deception -> a false job offer
              =Coercion -> threats against the family
              = -> a signed contract
              #### Article 3(a) lists the means.
            }
            """;

    /** The test course with the extra questions at the end of its post-test. */
    static String publishedWithExtraQuestions(String slug) {
        Map<String, byte[]> files = new HashMap<>(CourseFixtures.courseFiles(slug));
        files.put("questions/bank.en.gift", (CourseFixtures.BANK_EN + EXTRA).getBytes(StandardCharsets.UTF_8));
        String yaml = new String(files.get("course.yaml"), StandardCharsets.UTF_8)
                .replace("posttest: [t-q01, t-q02, t-q03, t-q04]",
                        "posttest: [t-q01, t-q02, t-q03, t-q04, t-intro, t-q05, t-q06]");
        files.put("course.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        long version = CourseFixtures.importCourse(CourseFixtures.zip(slug, files), 201).getLong("versionId");
        CourseFixtures.publish(version);
        return String.valueOf(version);
    }

    /** A trainee of a new course with the extra questions, at its post-test. */
    record AtPosttest(String version, Learner learner, JsonPath quiz) {
        long id(String type) {
            return ((Number) question(quiz, type).get("id")).longValue();
        }
    }

    static AtPosttest atPosttest(String trainee) {
        String slug = CourseFixtures.uniqueSlug("gift-" + trainee);
        String version = publishedWithExtraQuestions(slug);
        Learner learner = LearnerSteps.throughModules(trainee, slug, "en", Map.of());
        return new AtPosttest(version, learner, LearnerSteps.quiz(learner, learner.posttest()));
    }

    static Map<String, Object> question(JsonPath quiz, String type) {
        return quiz.<Map<String, Object>>getList("questions").stream().filter(q -> q.get("type").equals(type))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Integer> values(Map<String, Object> question, String field) {
        Map<String, Integer> values = new HashMap<>();
        for (Map<String, Object> option : (List<Map<String, Object>>) question.get(field)) {
            values.put((String) option.get("text"), (Integer) option.get("value"));
        }
        return values;
    }

    @Test
    void aTraineeAnswersANumericalAndAMatchingQuestionAndIsScoredAsMoodleScoresThem() {
        AtPosttest at = atPosttest("noura");
        Learner learner = at.learner();
        JsonPath quiz = at.quiz();
        String quizText = quiz.prettify();
        for (String secret : List.of("Right: under", "0.5", "Art. 3(d)", "Article 3(a) lists", "->")) {
            assertFalse(quizText.contains(secret), "the quiz leaks " + secret + ": " + quizText);
        }
        Map<String, Object> description = question(quiz, "description");
        assertEquals("The last two questions are about numbers and means.", description.get("stem"));
        assertEquals("The last two questions are about <strong>numbers</strong> and <strong>means</strong>.",
                description.get("stemHtml"));
        Map<String, Object> numerical = question(quiz, "numerical");
        Map<String, Object> matching = question(quiz, "matching");
        assertEquals("Match each means with an example.", matching.get("stem"));
        Map<String, Integer> items = values(matching, "options");
        Map<String, Integer> choices = values(matching, "choices");
        assertEquals(Map.of("Deception", 0, "Coercion", 1), items);
        assertEquals(Map.of("a false job offer", 0, "a signed contract", 1, "threats against the family", 2), choices);

        Map<Long, List<String>> answers = LearnerSteps.answers(quiz, LearnerSteps.PERFECT_EN);
        answers.put(((Number) numerical.get("id")).longValue(), List.of("18,4"));
        // Deception right, Coercion matched to the distractor: half the pairs.
        answers.put(((Number) matching.get("id")).longValue(), List.of("0:0", "1:1"));
        JsonPath result = LearnerSteps.submit(learner, learner.posttest(), answers);
        // Four right, the numerical right, the matching half right; the description is not a question: 5.5 of 6.
        assertEquals(91.67f, result.getFloat("score"));
        assertTrue(result.getBoolean("passed"));
        List<Map<String, Object>> questions = result.getList("questions");
        assertEquals(6, questions.size());
        Map<String, Object> numericalResult = questions.get(4);
        assertEquals(1.0f, ((Number) numericalResult.get("credit")).floatValue());
        assertEquals(List.of("18,4"), numericalResult.get("yourAnswer"));
        assertEquals(List.of("18 ± 0.5"), numericalResult.get("rightAnswers"));
        assertEquals("Right: under eighteen.", numericalResult.get("feedback"));
        Map<String, Object> matchingResult = questions.get(5);
        assertEquals(0.5f, ((Number) matchingResult.get("credit")).floatValue());
        assertEquals(List.of("Deception → a false job offer", "Coercion → a signed contract"),
                matchingResult.get("yourAnswer"));
        assertEquals(List.of("Deception → a false job offer", "Coercion → threats against the family"),
                matchingResult.get("rightAnswers"));
        assertEquals("Article 3(a) lists the means.", matchingResult.get("feedback"));
    }

    @Test
    void aWordForANumberOrAnUnknownPairIsA400AndNothingIsScored() {
        AtPosttest at = atPosttest("omar");
        Learner learner = at.learner();
        long numerical = at.id("numerical");
        long matching = at.id("matching");
        String attempts = API + "/" + learner.enrolment() + "/assessments/" + learner.posttest() + "/attempts";
        given().auth().oauth2(learner.token()).contentType("application/json")
                .body(Map.of("answers", Map.of(numerical, List.of("eighteen"))))
                .when().post(attempts).then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Question " + numerical + " takes a number; 'eighteen' is not one."));
        given().auth().oauth2(learner.token()).contentType("application/json")
                .body(Map.of("answers", Map.of(matching, List.of("0:7"))))
                .when().post(attempts).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("does not match one of its items to one of its choices"));
        given().auth().oauth2(learner.token()).when().get(API + "/" + learner.enrolment())
                .then().statusCode(200).body("posttest.taken", equalTo(false));
    }

    @Test
    void thePagesAskForANumberAndAMatchAndTheReviewerReadsTheKey() {
        AtPosttest at = atPosttest("lina");
        Learner learner = at.learner();
        String version = at.version();
        long numerical = at.id("numerical");
        long matching = at.id("matching");
        String page = "/training/enrolments/" + learner.enrolment() + "/assessments/" + learner.posttest();
        given().auth().oauth2(learner.token()).when().get(page).then().statusCode(200)
                .body(containsString("<input id=\"q" + numerical + "\" name=\"q" + numerical + "\" inputmode=\"decimal\""))
                .body(containsString("<select name=\"q" + matching + "\""))
                .body(containsString("<option value=\"0:2\" lang=\"en\">threats against the family</option>"))
                .body(containsString("<strong>means</strong>"))
                .body(not(containsString("[markdown]")));
        String location = given().auth().oauth2(learner.token()).redirects().follow(false)
                .formParam("q" + numerical, "18").formParam("q" + matching, "0:0").formParam("q" + matching, "1:2")
                .when().post(page).then().statusCode(303).extract().header("Location");
        given().auth().oauth2(learner.token()).when().get(location).then().statusCode(200)
                .body(containsString("Deception → a false job offer; Coercion → threats against the family"));
        given().auth().oauth2(author("rita")).when().get("/training/author/versions/" + version + "/read?lang=en")
                .then().statusCode(200)
                .body(containsString("<td lang=\"en\" dir=\"ltr\">18 ± 0.5</td>"))
                .body(containsString("Deception → a false job offer"))
                .body(containsString("<strong>numbers</strong>"))
                .body(not(containsString("[markdown]")));
    }

    @Test
    void theBankIsExportedWithItsFormatsNumbersAndPairs() {
        String slug = CourseFixtures.uniqueSlug("gift-export");
        String version = publishedWithExtraQuestions(slug);
        String exported = given().auth().oauth2(author("rita"))
                .when().get("/training/api/authoring/versions/" + version + "/questions/gift?lang=en")
                .then().statusCode(200).extract().asString();
        assertTrue(exported.contains("::t-intro:: [markdown]The last two questions are about **numbers**"), exported);
        assertTrue(exported.contains("  =18:0.5 #Right\\: under eighteen.\n"), exported);
        assertTrue(exported.contains("  = -> a signed contract\n"), exported);
        assertEquals(GiftTests.withoutLines(Gift.parse(CourseFixtures.BANK_EN + EXTRA)),
                GiftTests.withoutLines(Gift.parse(exported)));
    }

    @Test
    void theSingleQuestionFormLeavesNumericalAndMatchingQuestionsToGift() {
        long version = CourseFixtures.newCourse(CourseFixtures.uniqueSlug("gift-form"), "police", List.of("en"),
                "GIFT form");
        given().auth().oauth2(author("bob")).contentType("text/plain; charset=UTF-8").body(EXTRA)
                .when().post("/training/api/authoring/versions/" + version + "/questions/gift?lang=en")
                .then().statusCode(200).body("questions", equalTo(3));
        String form = "/training/author/versions/" + version + "/questions/edit";
        given().auth().oauth2(author("bob")).when().get(form + "?name=t-q05&lang=en").then().statusCode(409)
                .body(containsString("the form edits choice, true/false and short-answer questions"));
        given().auth().oauth2(author("bob")).formParam("language", "en").formParam("name", "t-q05")
                .formParam("type", "single").formParam("stem", "Under what age?")
                .formParam("answer", "18").formParam("weight", "100").formParam("answer", "17").formParam("weight", "0")
                .when().post(form).then().statusCode(400)
                .body(containsString("&#39;t-q05&#39; is a numerical question"));
        String exported = given().auth().oauth2(author("bob"))
                .when().get("/training/api/authoring/versions/" + version + "/questions/gift?lang=en")
                .then().statusCode(200).extract().asString();
        assertTrue(exported.contains("=18:0.5 #"), exported);
    }
}
