package org.beacon.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.publishedCourse;
import static org.beacon.training.CourseFixtures.trainee;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.CourseFixtures;
import org.beacon.training.LearnerSteps;
import org.beacon.training.LearnerSteps.Learner;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class EnrolmentResourceTests {

    static final String API = LearnerSteps.API;

    @Test
    void aTraineeGoesFromEnrolmentToAVerifiedCertificate() throws IOException {
        String slug = uniqueSlug("journey");
        publishedCourse(slug);
        Learner course = LearnerSteps.enrol("jade", slug, "en");
        assertEquals(0, course.outline().getInt("progress"));

        // Lessons wait for the pre-test.
        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment() + "/lessons/" + course.lesson(0, 0))
                .then().statusCode(409).body("detail", containsString("pre-test"));

        JsonPath pretest = LearnerSteps.quiz(course, course.pretest());
        assertOnlyQuizFields(pretest);
        JsonPath pre = LearnerSteps.submit(course, course.pretest(), LearnerSteps.answers(pretest, Map.of("For an adult", List.of("2"),
                "Trafficking always", List.of("true"))));
        assertEquals(25.0f, pre.getFloat("score"));

        // The pre-test is taken once: it measures what the trainee knew before.
        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment() + "/assessments/" + course.pretest())
                .then().statusCode(409);

        // Lessons open in order.
        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment() + "/lessons/" + course.lesson(0, 1))
                .then().statusCode(409);
        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment() + "/lessons/" + course.lesson(0, 0))
                .then().statusCode(200).body("html", containsString("<strong>act</strong>")).body("fallback", equalTo(false));
        LearnerSteps.study(course, course.lesson(0, 0));
        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment() + "/lessons/" + course.lesson(0, 1))
                .then().statusCode(200)
                .body("media[0].fileName", equalTo("handout.pdf"))
                .body("media[0].kind", equalTo("pdf"))
                .body("html", containsString("href=\"/training/api/attachments/"));

        // A module's check opens once its lessons are studied; the post-test once every module is done.
        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment() + "/assessments/" + course.check(0))
                .then().statusCode(409);
        LearnerSteps.study(course, course.lesson(0, 1));
        LearnerSteps.submit(course, course.check(0), Map.of());
        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment() + "/assessments/" + course.posttest())
                .then().statusCode(409).body("detail", containsString("Complete every module"));
        LearnerSteps.study(course, course.lesson(1, 0));
        LearnerSteps.submit(course, course.check(1), Map.of());

        JsonPath posttest = LearnerSteps.quiz(course, course.posttest());
        JsonPath failed = LearnerSteps.submit(course, course.posttest(), LearnerSteps.answers(posttest, Map.of("For an adult", List.of("1"),
                "Trafficking always", List.of("true"), "Which article", List.of("7"), "Which of these", List.of("2"))));
        assertEquals(0.0f, failed.getFloat("score"));
        assertFalse(failed.getBoolean("passed"));
        assertFalse(failed.getBoolean("courseCompleted"));
        // A failed post-test gives its score, not which answers were right: a true/false answer marked wrong would
        // name the key, and the trainee retakes the test.
        assertTrue(failed.getBoolean("keyWithheld"));
        assertEquals(java.util.Arrays.asList(null, null, null, null), failed.getList("questions.credit"));
        failed.getList("questions.rightAnswers", List.class).forEach(key -> assertTrue(key.isEmpty(), failed.prettify()));

        JsonPath passed = LearnerSteps.submit(course, course.posttest(), LearnerSteps.answers(posttest, LearnerSteps.PERFECT_EN));
        assertEquals(100.0f, passed.getFloat("score"));
        assertTrue(passed.getBoolean("courseCompleted"));
        assertFalse(passed.getBoolean("keyWithheld"));
        assertEquals(List.of("Act, means and purpose", "Act and means"), passed.getList("questions[0].rightAnswers"));
        String code = passed.getString("certificateCode");

        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment())
                .then().statusCode(200).body("status", equalTo("completed")).body("progress", equalTo(100))
                .body("certificateCode", equalTo(code));

        byte[] pdf = given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment() + "/certificate.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Jade Tester"), text);
            assertTrue(text.contains("Test course " + slug), text);
            assertTrue(text.contains(code), text);
        }

        given().queryParam("code", code.toLowerCase()).when().get("/training/public/verify")
                .then().statusCode(200)
                .body(containsString("Jade Tester"))
                .body(containsString("Test course " + slug))
                .body(not(containsString(TestTokens.subjectOf("jade"))));
    }

    @Test
    void theAnswerKeyIsNeverSentBeforeSubmissionAndScoringIsOnTheServer() {
        String slug = uniqueSlug("keys");
        publishedCourse(slug);
        Learner course = LearnerSteps.throughModules("kofi", slug, "en", Map.of());
        String quiz = given().auth().oauth2(course.token())
                .when().get(API + "/" + course.enrolment() + "/assessments/" + course.posttest())
                .then().statusCode(200).body("questions", hasSize(4)).extract().asString();
        assertOnlyQuizFields(new JsonPath(quiz));
        // Nor in the texts those fields carry: no feedback, legal source or GIFT key mark slips into a stem or option.
        for (String secret : List.of("Right: all three", "Partly", "truth", "Article 5\"", "\"=")) {
            assertFalse(quiz.contains(secret), "the quiz leaks " + secret + ": " + quiz);
        }
        JsonPath result = LearnerSteps.submit(course, course.posttest(), LearnerSteps.answers(new JsonPath(quiz), Map.of(
                "For an adult", List.of("2"), "Trafficking always", List.of("false"),
                "Which article", List.of("Article 5"), "Which of these", List.of("0", "2"))));
        // 0.5 (weighted ~%50%) + 1 + 1 + max(0, 0.5 - 1) = 2.5 of 4
        assertEquals(62.5f, result.getFloat("score"));
        assertFalse(result.getBoolean("passed"));
        assertEquals(75, result.getInt("passMark"));
        // Not passed: the result names the trainee's answers and the score, but neither the right answers nor
        // each answer's credit, feedback or legal source, which give them away.
        String resultText = result.prettify();
        for (String secret : List.of("Act, means and purpose", "Right:", "Partly", "Abuse of a position", "UN Smuggling Protocol",
                "\"5\"")) {
            assertFalse(resultText.contains(secret), "the failed result leaks " + secret + ": " + resultText);
        }
        assertEquals(List.of("Act and means"), result.getList("questions[0].yourAnswer"));
        assertEquals((Object) null, result.get("questions[0].credit"));
        // What a trainee receives of each question before the post-test is passed: the question and their own
        // answer; credit, rightAnswers, feedback and legalSource are there only empty.
        for (Map<String, Object> question : result.<Map<String, Object>>getList("questions")) {
            assertEquals(RESULT_QUESTION_FIELDS, question.keySet(), "fields of a result question: " + question);
            assertEquals(Set.of("id", "type", "stem", "stemHtml", "yourAnswer", "keyShown", "language", "fallback"),
                    filled(question), "filled fields of a withheld result question: " + question);
        }
    }

    /** The fields of a quiz: the questions and their options, without weight, key, credit or feedback. */
    static final Set<String> QUIZ_FIELDS = Set.of("enrolmentId", "assessmentId", "kind", "moduleTitle", "moduleLanguage", "passMark",
            "fallback", "defaultLanguage", "questions");
    static final Set<String> QUIZ_QUESTION_FIELDS = Set.of("id", "type", "stem", "stemHtml", "options", "choices",
            "language", "fallback");
    static final Set<String> RESULT_QUESTION_FIELDS = Set.of("id", "type", "stem", "stemHtml", "credit", "yourAnswer",
            "keyShown", "rightAnswers", "feedback", "feedbackHtml", "legalSource", "language", "fallback");

    /** Exactly these fields reach the trainee before answering: a field added to the view fails here first. */
    static void assertOnlyQuizFields(JsonPath quiz) {
        assertEquals(QUIZ_FIELDS, quiz.getMap("$").keySet());
        List<Map<String, Object>> questions = quiz.getList("questions");
        assertFalse(questions.isEmpty());
        for (Map<String, Object> question : questions) {
            assertEquals(QUIZ_QUESTION_FIELDS, question.keySet(), "fields of a quiz question: " + question);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> options = (List<Map<String, Object>>) question.get("options");
            options.forEach(option -> assertEquals(Set.of("value", "text", "html"), option.keySet(), "fields of an option"));
        }
    }

    /** The fields that carry something: not null, not an empty list. */
    static Set<String> filled(Map<String, Object> json) {
        return json.entrySet().stream()
                .filter(e -> e.getValue() != null && !(e.getValue() instanceof List<?> list && list.isEmpty()))
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void theKeyIsShownOnceThePosttestIsPassedAndAtOnceForChecksTheyDoNotShare() {
        String slug = uniqueSlug("keyed");
        Map<String, byte[]> files = CourseFixtures.courseFiles(slug);
        // Module two's check asks t-q03, which the post-test then does not ask.
        files.put("course.yaml", new String(files.get("course.yaml"), StandardCharsets.UTF_8)
                .replace("posttest: [t-q01, t-q02, t-q03, t-q04]", "posttest: [t-q01, t-q02, t-q04]")
                .getBytes(StandardCharsets.UTF_8));
        CourseFixtures.publish(CourseFixtures.importCourse(CourseFixtures.zip(slug, files), 201).getLong("versionId"));
        Learner course = LearnerSteps.enrol("keira", slug, "en");
        JsonPath pre = LearnerSteps.submit(course, course.pretest(), LearnerSteps.answers(
                LearnerSteps.quiz(course, course.pretest()), Map.of("For an adult", List.of("1"))));
        assertTrue(pre.getBoolean("keyWithheld"));
        assertFalse(pre.prettify().contains("Act, means and purpose"), pre.prettify());
        assertFalse(pre.prettify().contains("that is the rule for children"), pre.prettify());
        LearnerSteps.study(course, course.lesson(0, 0));
        LearnerSteps.study(course, course.lesson(0, 1));
        // t-q02 is in the post-test as well: its check keeps the key like the pre-test.
        JsonPath shared = LearnerSteps.submit(course, course.check(0), Map.of());
        assertFalse(shared.getBoolean("questions[0].keyShown"));
        assertFalse(shared.prettify().contains("can be domestic"), shared.prettify());
        LearnerSteps.study(course, course.lesson(1, 0));
        JsonPath formative = LearnerSteps.submit(course, course.check(1), Map.of());
        assertTrue(formative.getBoolean("questions[0].keyShown"));
        assertEquals(List.of("5", "Article 5"), formative.getList("questions[0].rightAnswers"));
        assertEquals("UN Smuggling Protocol, Art. 5", formative.getString("questions[0].legalSource"));

        JsonPath failed = LearnerSteps.posttest(course, Map.of());
        String page = "/training/enrolments/" + course.enrolment() + "/attempts/" + failed.getLong("attemptId");
        String before = given().auth().oauth2(course.token()).when().get(page).then().statusCode(200).extract().asString();
        assertTrue(before.contains("shown once you pass the post-test"), before);
        assertFalse(before.contains("Right answer"), before);
        assertFalse(before.contains("Act, means and purpose"), before);

        JsonPath passed = LearnerSteps.posttest(course, LearnerSteps.PERFECT_EN);
        assertTrue(passed.getBoolean("courseCompleted"));
        assertTrue(passed.prettify().contains("Right: all three elements."), passed.prettify());
        String after = given().auth().oauth2(course.token()).when().get(page).then().statusCode(200).extract().asString();
        assertTrue(after.contains("Act, means and purpose"), "the completed course shows the key of every attempt");
        assertFalse(after.contains("shown once you pass the post-test"), after);
    }

    @Test
    void aFrenchTraineeStudiesInFrenchWithAVisibleFallbackForUntranslatedLessons() {
        String slug = uniqueSlug("langs");
        publishedCourse(slug);
        Learner course = LearnerSteps.throughModules("fatou", slug, "fr", Map.of());
        assertEquals("Leçon un", course.outline().getString("modules[0].lessons[0].title"));
        assertEquals("Lesson two", course.outline().getString("modules[0].lessons[1].title"));
        assertTrue(course.outline().getBoolean("modules[0].lessons[1].fallback"));
        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment() + "/lessons/" + course.lesson(0, 0))
                .then().statusCode(200).body("fallback", equalTo(false)).body("html", containsString("<strong>l&#39;acte</strong>"));
        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment() + "/lessons/" + course.lesson(0, 1))
                .then().statusCode(200).body("fallback", equalTo(true)).body("shownLanguage", equalTo("en"));
        // The questions come in French; a short answer accepted in French scores.
        JsonPath posttest = LearnerSteps.quiz(course, course.posttest());
        assertTrue(posttest.getString("questions.stem").contains("Pour une victime adulte"));
        JsonPath result = LearnerSteps.submit(course, course.posttest(), LearnerSteps.answers(posttest, Map.of("Pour une victime", List.of("0"),
                "La traite", List.of("false"), "Quel article", List.of("Article 5"), "Which of these", List.of("0", "1"))));
        assertEquals(100.0f, result.getFloat("score"));
    }

    @Test
    void lessonMarkupCannotRunScripts() {
        String slug = uniqueSlug("xss");
        publishedCourse(slug);
        Learner course = LearnerSteps.throughModules("xavier", slug, "en", Map.of());
        String html = given().auth().oauth2(course.token())
                .when().get(API + "/" + course.enrolment() + "/lessons/" + course.lesson(0, 1))
                .then().statusCode(200).extract().path("html");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("<img"), html);
        // Raw HTML in a lesson is shown as text, never interpreted.
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void enrollingTwiceKeepsTheFirstEnrolment() {
        String slug = uniqueSlug("twice");
        publishedCourse(slug);
        Learner course = LearnerSteps.enrol("tomas", slug, "en");
        given().auth().oauth2(course.token()).contentType("application/json")
                .body(Map.of("course", slug, "language", "fr"))
                .when().post(API).then().statusCode(200).body("enrolmentId", equalTo((int) course.enrolment()))
                .body("language", equalTo("en"));
        given().auth().oauth2(course.token()).when().get(API)
                .then().statusCode(200).body("course", hasItem(slug));
    }

    @Test
    void badEnrolmentsAreClear4xx() {
        String slug = uniqueSlug("bad");
        publishedCourse(slug);
        given().auth().oauth2(trainee("una")).contentType("application/json")
                .body(Map.of("course", "no-such-course", "language", "en"))
                .when().post(API).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(trainee("una")).contentType("application/json")
                .body(Map.of("course", slug, "language", "sw"))
                .when().post(API).then().statusCode(400).body("detail", containsString("en,fr"));
        given().auth().oauth2(trainee("una")).when().get(API).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aQuestionFromAnotherAssessmentIsRefusedAndNothingIsScored() {
        String slug = uniqueSlug("foreign");
        publishedCourse(slug);
        Learner course = LearnerSteps.enrol("ines", slug, "en");
        given().auth().oauth2(course.token()).contentType("application/json")
                .body(Map.of("answers", Map.of(999999L, List.of("0"))))
                .when().post(API + "/" + course.enrolment() + "/assessments/" + course.pretest() + "/attempts")
                .then().statusCode(400);
        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment())
                .then().statusCode(200).body("pretest.taken", equalTo(false));
    }

    @Test
    void aChoiceCountsOnceHoweverOftenItIsSentAndUnknownValuesOrPositionsAreRefused() {
        String slug = uniqueSlug("positions");
        publishedCourse(slug);
        Learner course = LearnerSteps.throughModules("pavel", slug, "en", Map.of());
        JsonPath quiz = LearnerSteps.quiz(course, course.posttest());
        String attempts = API + "/" + course.enrolment() + "/assessments/" + course.posttest() + "/attempts";
        long means = LearnerSteps.answers(quiz, Map.of("Which of these", List.of("0"))).keySet().iterator().next();
        // the stored positions themselves are no answers: the page never sends them
        for (List<String> refused : List.of(List.of("0"), List.of("3"), List.of("-1"), List.of("x"))) {
            given().auth().oauth2(course.token()).contentType("application/json")
                    .body(Map.of("answers", Map.of(means, refused)))
                    .when().post(attempts).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("is not one of its answers"));
        }
        given().auth().oauth2(course.token()).contentType("application/json")
                .body(Map.of("answers", LearnerSteps.answers(quiz, Map.of("For an adult", List.of("0", "1")))))
                .when().post(attempts).then().statusCode(400).body("detail", containsString("takes one answer"));
        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment())
                .then().body("posttest.taken", equalTo(false));
        // Deception (50%) sent three times, once with spaces around it, is still one choice: 0.5 of one question,
        // not 1.5 clamped to 1.
        String deception = LearnerSteps.optionValue(course.enrolment(), means, 0);
        JsonPath result = LearnerSteps.submit(course, course.posttest(),
                Map.of(means, List.of(deception, " " + deception + " ", deception)));
        assertEquals(12.5f, result.getFloat("score"));
        assertEquals(List.of("Deception"), result.getList("questions[3].yourAnswer"));
    }

    @Test
    void aNullAnswerListIsA400AndNothingIsScored() {
        String slug = uniqueSlug("null-answer");
        publishedCourse(slug);
        Learner course = LearnerSteps.enrol("nils", slug, "en");
        long question = LearnerSteps.quiz(course, course.pretest()).getLong("questions[0].id");
        given().auth().oauth2(course.token()).contentType("application/json")
                .body("{\"answers\": {\"" + question + "\": null}}")
                .when().post(API + "/" + course.enrolment() + "/assessments/" + course.pretest() + "/attempts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("send a list of answers"));
        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment())
                .then().body("pretest.taken", equalTo(false));
    }

    @Test
    void anotherTraineesEnrolmentIsForbidden() {
        String slug = uniqueSlug("private");
        publishedCourse(slug);
        Learner course = LearnerSteps.enrol("paula", slug, "en");
        given().auth().oauth2(trainee("mallory")).when().get(API + "/" + course.enrolment())
                .then().statusCode(403);
        given().auth().oauth2(trainee("mallory")).when().get(API + "/" + course.enrolment() + "/certificate.pdf")
                .then().statusCode(403);
    }

    @Test
    void noCertificateBeforeCompletion() {
        String slug = uniqueSlug("early");
        publishedCourse(slug);
        Learner course = LearnerSteps.enrol("ed", slug, "en");
        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment() + "/certificate.pdf")
                .then().statusCode(404).body("detail", containsString("not completed"));
        given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment())
                .then().body("certificateCode", nullValue());
    }

    @Test
    void theLearningApiNeedsATraineeToken() {
        given().when().get(API).then().statusCode(401);
        given().when().post(API + "/1/lessons/1/studied").then().statusCode(401);
        given().when().get("/training/api/courses/any-course").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("eve", "national-coordination", "evaluator"))
                .when().get(API).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("manon", "national-coordination", "campaign-manager"))
                .contentType("application/json").body(Map.of("course", "x", "language", "en"))
                .when().post(API).then().statusCode(403);
    }

    @Test
    void theOfflinePackageIsStreamedIntoTheResponseWithTheMediaAsStored() throws IOException {
        String slug = uniqueSlug("offline-stream");
        Map<String, byte[]> files = CourseFixtures.courseFiles(slug);
        // A handout that does not compress, larger than the server's response buffer.
        byte[] handout = new byte[40_000];
        new java.util.Random(7).nextBytes(handout);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, handout, 0, 9);
        files.put("media/handout.pdf", handout);
        CourseFixtures.publish(CourseFixtures.importCourse(CourseFixtures.zip(slug, files), 201).getLong("versionId"));
        Learner course = LearnerSteps.enrol("sami", slug, "en");
        io.restassured.response.Response response = given().auth().oauth2(course.token())
                .when().get(API + "/" + course.enrolment() + "/offline.zip");
        // Written as it is built rather than buffered whole first: no length is known in advance.
        response.then().statusCode(200).contentType("application/zip")
                .header("Transfer-Encoding", "chunked").header("Content-Length", nullValue());
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(response.asByteArray()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertEquals(List.of("style.css", "glossary.html", "index.html", "lessons/01-l1.html", "lessons/02-l2.html",
                "lessons/03-l3.html", "media/handout.pdf"), List.copyOf(entries.keySet()));
        assertTrue(java.util.Arrays.equals(handout, entries.get("media/handout.pdf")));
    }

    @Test
    void theOfflinePackageOpensFromDiskWithRelativeLinksAndTheMedia() throws IOException {
        String slug = uniqueSlug("offline");
        publishedCourse(slug);
        Learner course = LearnerSteps.enrol("oumar", slug, "fr");
        byte[] zip = given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment() + "/offline.zip")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        Map<String, String> entries = new HashMap<>();
        Map<String, byte[]> binary = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                binary.put(entry.getName(), bytes);
                entries.put(entry.getName(), new String(bytes, StandardCharsets.UTF_8));
            }
        }
        assertTrue(entries.containsKey("index.html"), entries.keySet().toString());
        assertTrue(entries.containsKey("lessons/01-l1.html"));
        assertTrue(entries.containsKey("lessons/02-l2.html"));
        assertTrue(entries.containsKey("lessons/03-l3.html"));
        assertTrue(entries.containsKey("glossary.html"));
        assertTrue(entries.containsKey("style.css"));
        assertTrue(java.util.Arrays.equals(org.beacon.training.CourseFixtures.PDF, binary.get("media/handout.pdf")));
        String index = entries.get("index.html");
        assertTrue(index.contains("Cours d&#39;essai " + slug) || index.contains("Cours d'essai " + slug), index);
        assertTrue(index.contains("href=\"lessons/01-l1.html\""), index);
        String lesson = entries.get("lessons/02-l2.html");
        assertTrue(lesson.contains("href=\"../media/handout.pdf\""), lesson);
        assertTrue(lesson.contains("class=\"notice\""), "untranslated lesson says so offline too");
        for (Map.Entry<String, String> page : entries.entrySet()) {
            if (page.getKey().endsWith(".html")) {
                assertFalse(page.getValue().matches("(?s).*(href|src)=\"(https?:)?//.*"), page.getKey() + " links out");
                assertFalse(page.getValue().contains("\"/training"), page.getKey() + " links to the server");
                assertFalse(page.getValue().contains("<script"), page.getKey());
            }
        }
        assertTrue(index.matches("(?s).*lang=\"fr\".*"));
        given().auth().oauth2(trainee("other")).when().get(API + "/" + course.enrolment() + "/offline.zip")
                .then().statusCode(403);
        given().when().get(API + "/" + course.enrolment() + "/offline.zip").then().statusCode(401);
        assertTrue(entries.get("lessons/01-l1.html").contains("href=\"../style.css\""));
        assertTrue(course.outline().getString("title").startsWith("Cours d'essai"),
                course.outline().getString("title"));
        assertEquals(1, course.outline().getInt("version"));
        assertTrue(index.contains("href=\"glossary.html\""));
        assertTrue(matchesPattern("(?s).*Confier un enfant.*").matches(entries.get("glossary.html")));
    }

    /** Every page of the offline package, unzipped as a reader would. */
    private static Map<String, String> offlinePages(Learner course) throws IOException {
        byte[] zip = given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment() + "/offline.zip")
                .then().statusCode(200).extract().asByteArray();
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith(".html")) {
                    pages.put(entry.getName(), new String(bytes, StandardCharsets.UTF_8));
                }
            }
        }
        return pages;
    }

    @Test
    void theOfflinePackageLoadsNothingFromOutsideIt() throws IOException {
        String slug = uniqueSlug("offline-remote");
        Map<String, byte[]> files = CourseFixtures.courseFiles(slug);
        files.put("lessons/m1/l1.en.md", """
                # Lesson one

                ![Map of the routes](https://tiles.example.org/routes.png "Routes")

                ![](//cdn.example.org/pixel.gif) and ![tracker](http://198.51.100.7/t.gif)

                ![The handout's cover](../../media/handout.pdf)

                Read the [Protocol](https://www.unodc.org/protocol) itself.
                """.getBytes(StandardCharsets.UTF_8));
        CourseFixtures.publish(CourseFixtures.importCourse(CourseFixtures.zip(slug, files), 201).getLong("versionId"));
        Learner course = LearnerSteps.enrol("ines", slug, "en");
        Map<String, String> pages = offlinePages(course);
        assertEquals(5, pages.size(), pages.keySet().toString());
        java.util.regex.Pattern remoteLoad = java.util.regex.Pattern.compile(
                "<(?:img|script|iframe|audio|video|source|embed|object|link)\\b[^>]*(?:src|href|data|srcset)"
                        + "\\s*=\\s*[\"']?\\s*(?:https?:)?//", java.util.regex.Pattern.CASE_INSENSITIVE);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String html = page.getValue();
            assertFalse(remoteLoad.matcher(html).find(), page.getKey() + " loads from outside: " + html);
            assertFalse(html.contains("url("), page.getKey());
            assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self' file:;"
                    + " script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'\">"), page.getKey());
            // The policy comes before anything the page loads.
            assertTrue(html.indexOf("Content-Security-Policy") < html.indexOf("<link"), page.getKey());
        }
        String lesson = pages.get("lessons/01-l1.html");
        // Remote images are shown as links the reader may follow, labelled with their description.
        assertTrue(lesson.contains("<a href=\"https://tiles.example.org/routes.png\""), lesson);
        assertTrue(lesson.contains(">Map of the routes</a>"), lesson);
        assertTrue(lesson.contains("<a href=\"http://198.51.100.7/t.gif\""), lesson);
        assertTrue(lesson.contains("src=\"../media/handout.pdf\""), lesson);
        assertTrue(lesson.contains("<a href=\"https://www.unodc.org/protocol\""), lesson);
    }
}
