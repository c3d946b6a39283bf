package org.beacon.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.publishedCourse;
import static org.beacon.training.CourseFixtures.trainee;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;

import io.restassured.response.Response;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The trainee's journey through the HTML pages alone: forms, redirects, no JavaScript. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class LearnPagesTests {

    static final int PAGE_BUDGET = 60 * 1024;

    static String page(String token, String path, String language) {
        Response response = given().auth().oauth2(token).header("Accept-Language", language).redirects().follow(false)
                .when().get(path);
        response.then().statusCode(200).contentType(containsString("text/html"));
        String html = response.asString();
        assertTrue(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < PAGE_BUDGET, path + " is over 60 KB");
        assertTrue(!html.contains("<script"), path + " has a script");
        return html;
    }

    static String redirect(Response response) {
        response.then().statusCode(303);
        String location = response.header("Location");
        assertTrue(location.startsWith("/training/"), location);
        return location;
    }

    @Test
    void aTraineeCompletesACourseThroughTheFormsAlone() {
        String slug = uniqueSlug("pages");
        publishedCourse(slug);
        String token = trainee("pia");

        String home = page(token, "/training", "en");
        assertTrue(home.contains("/training/courses/" + slug), home);
        String course = page(token, "/training/courses/" + slug, "fr");
        assertTrue(course.contains("Cours d&#39;essai") || course.contains("Cours d'essai"), course);
        assertTrue(course.contains("<option value=\"fr\""), course);

        String enrolment = redirect(given().auth().oauth2(token).redirects().follow(false)
                .formParam("language", "fr").when().post("/training/courses/" + slug + "/enrol"));
        String outline = page(token, enrolment, "fr");
        assertTrue(outline.contains("Test préalable"), outline);
        // Progress in the reader's format: French puts a (narrow) no-break space before the percent sign.
        assertTrue(java.util.regex.Pattern.compile(">0[\u00a0\u202f]%</progress>").matcher(outline).find(), outline);
        long enrolmentId = Long.parseLong(enrolment.substring(enrolment.lastIndexOf('/') + 1));
        var steps = given().auth().oauth2(token).when().get("/training/api/enrolments/" + enrolmentId).then().extract().jsonPath();

        String pretest = page(token, "/training/enrolments/" + enrolmentId + "/assessments/" + steps.getLong("pretest.assessmentId"), "fr");
        assertTrue(pretest.contains("type=\"radio\""), pretest);
        assertTrue(pretest.contains("Vrai"), pretest);
        // A field that names no question of the test is refused with a readable page, and nothing is scored.
        given().auth().oauth2(token).redirects().follow(false).formParam("q0", "x")
                .when().post("/training/enrolments/" + enrolmentId + "/assessments/" + steps.getLong("pretest.assessmentId"))
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString("not part of this assessment"));
        given().auth().oauth2(token).when().get("/training/api/enrolments/" + enrolmentId)
                .then().body("pretest.taken", equalTo(false));
    }

    @Test
    void theLessonPageShowsTheFallbackNoticeLinksMediaAndNeverEmbedsVideo() {
        String slug = uniqueSlug("lesson-page");
        publishedCourse(slug);
        var learner = org.beacon.training.LearnerSteps.throughModules("lea", slug, "fr", java.util.Map.of());
        String html = page(learner.token(), "/training/enrolments/" + learner.enrolment() + "/lessons/" + learner.lesson(0, 1), "fr");
        assertTrue(html.contains("class=\"notice\""), html);
        assertTrue(html.contains("pas encore disponible"), html);
        assertTrue(html.contains("href=\"/training/api/attachments/"), html);
        assertTrue(html.contains("handout.pdf"), html);
        assertTrue(!html.contains("<video") && !html.contains("<audio") && !html.contains("<iframe"), html);
        assertTrue(html.contains("&lt;script&gt;"), "a script in the lesson is shown as text");

        String arabic = page(learner.token(), "/training/enrolments/" + learner.enrolment(), "ar");
        assertTrue(arabic.contains("dir=\"rtl\""));
        for (String language : new String[] { "en", "es", "pt" }) {
            page(learner.token(), "/training/enrolments/" + learner.enrolment() + "/lessons/" + learner.lesson(0, 0), language);
        }
    }

    @Test
    void everyFallbackSaysItIsInTheCoursesDefaultLanguageAndContentIsMarkedWithItsOwn() {
        String slug = uniqueSlug("fallbacks");
        java.util.Map<String, byte[]> files = org.beacon.training.CourseFixtures.courseFiles(slug);
        // Lesson two gets a French text but keeps its English-only title; t-q04 has no French version.
        files.put("lessons/m1/l2.fr.md", "Lisez le document avant l'atelier.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.beacon.training.CourseFixtures.publish(org.beacon.training.CourseFixtures.importCourse(
                org.beacon.training.CourseFixtures.zip(slug, files), 201).getLong("versionId"));
        var learner = org.beacon.training.LearnerSteps.throughModules("fanta", slug, "fr", java.util.Map.of());
        String notice = "<p class=\"notice\">Une partie de ce texte n’est pas encore disponible dans votre langue ;"
                + " elle est affichée dans la langue par défaut du cours (en).</p>";

        String outline = page(learner.token(), "/training/enrolments/" + learner.enrolment(), "fr");
        assertTrue(outline.contains(notice), outline);

        String lesson = page(learner.token(), "/training/enrolments/" + learner.enrolment() + "/lessons/"
                + learner.lesson(0, 1), "fr");
        assertTrue(lesson.contains(notice), "only the title falls back, and the notice still names en: " + lesson);
        assertTrue(lesson.contains("<h1 lang=\"en\" dir=\"ltr\">Lesson two</h1>"), lesson);
        assertTrue(lesson.contains("<article lang=\"fr\" dir=\"ltr\">"), lesson);

        String quiz = page(learner.token(), "/training/enrolments/" + learner.enrolment() + "/assessments/"
                + learner.posttest(), "fr");
        assertTrue(quiz.contains(notice), quiz);
        assertTrue(quiz.contains("<span lang=\"en\" dir=\"ltr\">Which of these are means"), quiz);
        assertTrue(quiz.contains("<span lang=\"en\" dir=\"ltr\">Deception</span>"), quiz);
        assertTrue(quiz.contains("<span lang=\"fr\" dir=\"ltr\">Pour une victime adulte"), quiz);

        long attempt = org.beacon.training.LearnerSteps.posttest(learner, java.util.Map.of()).getLong("attemptId");
        String result = page(learner.token(), "/training/enrolments/" + learner.enrolment() + "/attempts/" + attempt, "fr");
        assertTrue(result.contains(notice), result);
        assertTrue(result.contains("<span lang=\"en\" dir=\"ltr\">Which of these are means"), result);
    }

    @Test
    void studyingALessonRedirectsToTheNextOneAndAnsweringShowsTheResult() {
        String slug = uniqueSlug("prg");
        publishedCourse(slug);
        var learner = org.beacon.training.LearnerSteps.enrol("remi", slug, "en");
        String token = learner.token();
        long question = org.beacon.training.LearnerSteps.quiz(learner, learner.pretest()).getLong("questions[0].id");
        String first = org.beacon.training.LearnerSteps.optionValue(learner.enrolment(), question, 0);
        String location = redirect(given().auth().oauth2(token).redirects().follow(false)
                .formParam("q" + question, first).when()
                .post("/training/enrolments/" + learner.enrolment() + "/assessments/" + learner.pretest()));
        String result = page(token, location, "en");
        assertTrue(result.contains("Your result"), result);
        // The pre-test shares its questions with the post-test: its result keeps the key.
        assertTrue(result.contains("shown once you pass the post-test"), result);
        assertTrue(!result.contains("Right answer"), result);

        location = redirect(given().auth().oauth2(token).redirects().follow(false)
                .when().post("/training/enrolments/" + learner.enrolment() + "/lessons/" + learner.lesson(0, 0) + "/studied"));
        assertTrue(location.endsWith("/lessons/" + learner.lesson(0, 1)), location);
        location = redirect(given().auth().oauth2(token).redirects().follow(false)
                .when().post("/training/enrolments/" + learner.enrolment() + "/lessons/" + learner.lesson(0, 1) + "/studied"));
        assertTrue(location.endsWith("/enrolments/" + learner.enrolment()), "the module's check comes next: " + location);

        given().auth().oauth2(token).formParam("q" + question, first).redirects().follow(false).when()
                .post("/training/enrolments/" + learner.enrolment() + "/assessments/" + learner.pretest())
                .then().statusCode(409).contentType(containsString("text/html"));
    }

    @Test
    void pagesNeedATraineeAndShowReadableErrors() {
        given().auth().oauth2(TestTokens.token("eve", "national-coordination", "evaluator"))
                .when().get("/training/courses/anything").then().statusCode(403).contentType(containsString("text/html"));
        given().auth().oauth2(trainee("nina")).when().get("/training/courses/no-such-course")
                .then().statusCode(404).contentType(containsString("text/html")).body(containsString("No course"));
        given().auth().oauth2(trainee("nina")).when().get("/training/enrolments/999999")
                .then().statusCode(404).body(not(startsWith("{")));
        given().when().get("/training/enrolments/1").then().statusCode(401);
        given().auth().oauth2(trainee("nina")).when().get("/training").then().statusCode(200)
                .body(containsString("lang=\"en\""))
                .header("Content-Type", containsString("text/html"));
        given().auth().oauth2(trainee("nina")).header("Accept-Language", "pt").when().get("/training")
                .then().body(containsString("A sua formação"));
        given().auth().oauth2(trainee("nina")).header("Accept-Language", "es").when().get("/training")
                .then().body(containsString("Su formación")).body(containsString("lang=\"es\""));
        given().auth().oauth2(trainee("nina")).when().get("/training").then().body(not(containsString("/training/author")))
                .body(not(containsString("/training/reports")));
    }

    @Test
    void aTestAlreadyTakenSaysItIsDoneAndOffersOnlyARetake() {
        String slug = uniqueSlug("steps-done");
        publishedCourse(slug);
        var learner = org.beacon.training.LearnerSteps.throughModules("dora", slug, "en", Map.of());
        String outline = page(learner.token(), "/training/enrolments/" + learner.enrolment(), "fr");
        // Pre-test and every module check taken: each is done; only the post-test is still to take.
        assertTrue(outline.contains("<span class=\"ok\">Terminé</span>"), outline);
        assertEquals(1, outline.split(">Passer le test</a>", -1).length - 1, outline);
        assertTrue(outline.contains(">Repasser le test</a>"), "a check may still be taken again today: " + outline);

        org.beacon.training.LearnerSteps.passPosttest(learner);
        String done = page(learner.token(), "/training/enrolments/" + learner.enrolment(), "fr");
        assertTrue(done.contains("Réussi"), done);
        assertTrue(!done.contains(">Passer le test</a>") && !done.contains(">Repasser le test</a>"), done);
    }
}
