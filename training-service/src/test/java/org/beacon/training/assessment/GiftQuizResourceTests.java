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
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.CourseFixtures;
import org.beacon.training.LearnerSteps;
import org.beacon.training.LearnerSteps.Learner;
import org.junit.jupiter.api.Test;

/**
 * A course whose post-test has a numerical and a matching question and a description, answered by a trainee over
 * the API and the pages, scored on the server and shown to the reviewer; the single-question form writes and
 * corrects each of these types with the GIFT import's rules.
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
        long version = draftWithExtraQuestions(slug);
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
    static Map<String, String> values(Map<String, Object> question, String field) {
        Map<String, String> values = new HashMap<>();
        for (Map<String, Object> option : (List<Map<String, Object>>) question.get(field)) {
            values.put((String) option.get("text"), (String) option.get("value"));
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
        Map<String, String> items = values(matching, "options");
        Map<String, String> choices = values(matching, "choices");
        assertEquals(Map.of("Deception", "0", "Coercion", "1"), items);
        assertEquals(Map.of("a false job offer", "0", "a signed contract", "1", "threats against the family", "2"),
                choices);

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
        assertEquals(GiftTests.withoutLines(EnglishWords.parse(CourseFixtures.BANK_EN + EXTRA)),
                GiftTests.withoutLines(EnglishWords.parse(exported)));
    }

    /** The test course with the extra questions at the end of its post-test, as a draft the form may change. */
    static long draftWithExtraQuestions(String slug) {
        Map<String, byte[]> files = new HashMap<>(CourseFixtures.courseFiles(slug));
        files.put("questions/bank.en.gift", (CourseFixtures.BANK_EN + EXTRA).getBytes(StandardCharsets.UTF_8));
        String yaml = new String(files.get("course.yaml"), StandardCharsets.UTF_8)
                .replace("posttest: [t-q01, t-q02, t-q03, t-q04]",
                        "posttest: [t-q01, t-q02, t-q03, t-q04, t-intro, t-q05, t-q06]");
        files.put("course.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        return CourseFixtures.importCourse(CourseFixtures.zip(slug, files), 201).getLong("versionId");
    }

    static ValidatableResponse save(long version, String reader, String... fields) {
        RequestSpecification request = given().auth().oauth2(author("bob")).redirects().follow(false)
                .header("Accept-Language", reader).contentType("application/x-www-form-urlencoded; charset=UTF-8");
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.when().post("/training/author/versions/" + version + "/questions/edit").then();
    }

    static String gift(long version) {
        return given().auth().oauth2(author("bob"))
                .when().get("/training/api/authoring/versions/" + version + "/questions/gift?lang=en")
                .then().statusCode(200).extract().asString();
    }

    static String formPage(long version, String name) {
        return given().auth().oauth2(author("bob"))
                .when().get("/training/author/versions/" + version + "/questions/edit?name=" + name + "&lang=en")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void theFormWritesAndCorrectsANumericalQuestion() {
        String slug = CourseFixtures.uniqueSlug("form-numerical");
        long version = draftWithExtraQuestions(slug);
        String form = formPage(version, "t-q05");
        assertTrue(form.contains("<option value=\"numerical\" selected>"), form);
        assertTrue(form.contains("name=\"answer\" value=\"18\""), form);
        assertTrue(form.contains("name=\"tolerance\" value=\"0.5\""), form);
        // Edit: a tolerance with a decimal comma, and a range earning half the credit.
        save(version, "en", "language", "en", "name", "t-q05", "type", "numerical",
                "stem", "Until what age is a person a child under the Protocol?",
                "answer", "18", "tolerance", "0,5", "weight", "100", "answerFeedback", "Yes, eighteen.",
                "answer", "16..17", "tolerance", "", "weight", "50", "answerFeedback", "Close.").statusCode(303);
        // Create: one accepted number, full credit when the credit is left empty.
        save(version, "en", "language", "en", "isNew", "true", "name", "elements", "type", "numerical",
                "stem", "How many elements does the definition have?", "answer", "3").statusCode(303);
        String written = gift(version);
        assertTrue(written.contains("::t-q05:: Until what age is a person a child under the Protocol? {#\n"
                + "  =18:0.5 #Yes, eighteen.\n  =%50%16.5:0.5 #Close.\n}"), written);
        assertTrue(written.contains("::elements:: How many elements does the definition have? {#\n  =3\n}"), written);
        // Refused as the GIFT import refuses it, the form shown again as typed, nothing changed.
        String refused = save(version, "en", "language", "en", "name", "t-q05", "type", "numerical",
                "stem", "Until what age?", "answer", "eighteen", "tolerance", "1", "weight", "100")
                .statusCode(400).extract().asString();
        assertTrue(refused.contains("is not a number, a number:tolerance or a range"), refused);
        assertTrue(refused.contains("name=\"answer\" value=\"eighteen\""), refused);
        assertTrue(refused.contains("name=\"tolerance\" value=\"1\""), refused);
        assertTrue(refused.contains("Until what age?</textarea>"), refused);
        assertFalse(refused.contains("line 1:"), refused);
        save(version, "en", "language", "en", "name", "t-q05", "type", "numerical", "stem", "Until what age?",
                "answer", "18", "weight", "50").statusCode(400).body(containsString("no answer is worth 100%"));
        // A typed number cannot smuggle GIFT into the bank.
        save(version, "en", "language", "en", "name", "t-q05", "type", "numerical", "stem", "Until what age?",
                "answer", "18}\n\n::other:: Injected {T", "weight", "100").statusCode(400);
        assertEquals(written, gift(version));

        // The trainee is asked and scored on the edited question.
        CourseFixtures.publish(version);
        Learner learner = LearnerSteps.throughModules("ines", slug, "en", Map.of());
        JsonPath quiz = LearnerSteps.quiz(learner, learner.posttest());
        Map<String, Object> numerical = question(quiz, "numerical");
        assertEquals("Until what age is a person a child under the Protocol?", numerical.get("stem"));
        Map<Long, List<String>> answers = LearnerSteps.answers(quiz, LearnerSteps.PERFECT_EN);
        answers.put(((Number) numerical.get("id")).longValue(), List.of("16,2"));
        answers.put(((Number) question(quiz, "matching").get("id")).longValue(), List.of("0:0", "1:2"));
        JsonPath result = LearnerSteps.submit(learner, learner.posttest(), answers);
        assertEquals(0.5f, ((Number) result.getList("questions.credit").get(4)).floatValue());
        assertEquals("Close.", result.getList("questions.feedback").get(4));
    }

    @Test
    void theFormWritesAndCorrectsAMatchingQuestion() {
        String slug = CourseFixtures.uniqueSlug("form-matching");
        long version = draftWithExtraQuestions(slug);
        String form = formPage(version, "t-q06");
        assertTrue(form.contains("<option value=\"matching\" selected>"), form);
        assertTrue(form.contains("name=\"match\" value=\"a false job offer\""), form);
        assertTrue(form.contains("name=\"match\" value=\"a signed contract\""), form);
        save(version, "en", "language", "en", "name", "t-q06", "type", "matching",
                "stem", "Match each means with an example.",
                "answer", "Deception", "match", "a false job offer",
                "answer", "Abuse of power", "match", "an employer keeping passports",
                "answer", "", "match", "a signed contract",
                "generalFeedback", "Article 3(a) lists the means.").statusCode(303);
        save(version, "en", "language", "en", "isNew", "true", "name", "pairs", "type", "matching",
                "stem", "Match each element with an example.", "answer", "Act", "match", "recruitment",
                "answer", "Purpose", "match", "exploitation").statusCode(303);
        String written = gift(version);
        assertTrue(written.contains("  =Deception -> a false job offer\n  =Abuse of power -> an employer keeping"
                + " passports\n  = -> a signed contract\n  ####Article 3(a) lists the means.\n}"), written);
        assertTrue(written.contains("::pairs:: Match each element with an example. {\n  =Act -> recruitment\n"), written);
        String refused = save(version, "en", "language", "en", "name", "t-q06", "type", "matching",
                "stem", "Match one.", "answer", "Deception", "match", "a false job offer").statusCode(400)
                .extract().asString();
        assertTrue(refused.contains("needs at least two pairs"), refused);
        assertTrue(refused.contains("name=\"match\" value=\"a false job offer\""), refused);
        save(version, "en", "language", "en", "name", "t-q06", "type", "matching", "stem", "Match them.",
                "answer", "Deception", "match", "a false job offer", "answerFeedback", "Yes.",
                "answer", "Coercion", "match", "threats").statusCode(400)
                .body(containsString("pairs have no feedback"));
        save(version, "en", "language", "en", "name", "t-q06", "type", "matching", "stem", "Match them.",
                "answer", "Deception", "match", "", "answer", "Coercion", "match", "threats").statusCode(400)
                .body(containsString("matches nothing"));
        assertEquals(written, gift(version));

        CourseFixtures.publish(version);
        Learner learner = LearnerSteps.throughModules("joao", slug, "en", Map.of());
        Map<String, Object> matching = question(LearnerSteps.quiz(learner, learner.posttest()), "matching");
        assertEquals(Map.of("Deception", "0", "Abuse of power", "1"), values(matching, "options"));
        assertTrue(values(matching, "choices").containsKey("an employer keeping passports"), matching.toString());
    }

    @Test
    void theFormWritesAndCorrectsADescription() {
        String slug = CourseFixtures.uniqueSlug("form-description");
        long version = draftWithExtraQuestions(slug);
        String form = formPage(version, "t-intro");
        assertTrue(form.contains("<option value=\"description\" selected>"), form);
        assertTrue(form.contains("[markdown]The last two questions are about **numbers**"), form);
        save(version, "en", "language", "en", "name", "t-intro", "type", "description",
                "stem", "[markdown]Two last questions: **numbers**, then **means**.",
                "answer", "ignored", "weight", "100").statusCode(303);
        save(version, "en", "language", "en", "isNew", "true", "name", "note", "type", "description",
                "stem", "Take your time.").statusCode(303);
        String written = gift(version);
        assertTrue(written.contains("::t-intro:: [markdown]Two last questions\\: **numbers**, then **means**.\n\n"),
                written);
        assertTrue(written.contains("::note:: Take your time.\n"), written);
        assertFalse(written.contains("ignored"), written);
        // A description without text is refused by its field's label, in the reader's language.
        String refused = save(version, "fr", "language", "en", "name", "t-intro", "type", "description",
                "stem", " ", "legalSource", "Protocol").statusCode(400).extract().asString();
        assertTrue(refused.contains("Question : écrivez la question."), refused);
        assertTrue(refused.contains("name=\"legalSource\" value=\"Protocol\""), refused);
        assertEquals(written, gift(version));

        CourseFixtures.publish(version);
        Learner learner = LearnerSteps.throughModules("kemi", slug, "en", Map.of());
        Map<String, Object> description = question(LearnerSteps.quiz(learner, learner.posttest()), "description");
        assertEquals("Two last questions: <strong>numbers</strong>, then <strong>means</strong>.",
                description.get("stemHtml"));
    }
}
