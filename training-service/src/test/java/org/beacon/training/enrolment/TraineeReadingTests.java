package org.beacon.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.courseFiles;
import static org.beacon.training.CourseFixtures.importCourse;
import static org.beacon.training.CourseFixtures.publish;
import static org.beacon.training.CourseFixtures.trainee;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.beacon.training.CourseFixtures.zip;
import static org.beacon.training.enrolment.LearnPagesTests.page;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.CourseFixtures;
import org.beacon.training.LearnerSteps;
import org.beacon.training.LearnerSteps.Learner;
import org.junit.jupiter.api.Test;

/**
 * What a trainee reads: the study language, changed mid-course; Markdown tables; content laid out in its own
 * direction in any interface language; no source references; course titles in the reader's language.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class TraineeReadingTests {

    static final String API = LearnerSteps.API;

    /** The test course in English, French and Arabic, with a table and source references in the texts. */
    static Map<String, byte[]> files(String slug) {
        Map<String, byte[]> files = courseFiles(slug);
        String yaml = new String(files.get("course.yaml"), StandardCharsets.UTF_8)
                .replace("languages: [en, fr]", "languages: [en, fr, ar]")
                .replace("  fr: \"Cours d'essai " + slug + "\"", "  fr: \"Cours d'essai " + slug + "\"\n  ar: \"دورة تجريبية " + slug + "\"");
        files.put("course.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        files.put("lessons/m1/l1.en.md", """
                # Lesson one

                The three elements: **act**, means and purpose. (002 L17)

                | Element | Example |
                | --- | --- |
                | Act | Recruitment (002 L19, 002 L30) |
                | Means | <script>alert(1)</script> Deception |
                """.getBytes(StandardCharsets.UTF_8));
        files.put("lessons/m1/l1.ar.md", "# الدرس الأول\n\nالعناصر الثلاثة: الفعل والوسيلة والغرض. (002 L17)\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("questions/bank.en.gift", CourseFixtures.BANK_EN
                .replace("Trafficking always involves crossing a border.", "Trafficking always involves crossing a border. (002 L50)")
                .replace("#Right: trafficking can happen within one country.}", "#Right: trafficking can happen within one country. (002 L50)}")
                .getBytes(StandardCharsets.UTF_8));
        return files;
    }

    static long publishedCourse(String slug) {
        long version = importCourse(zip(slug, files(slug)), 201).getLong("versionId");
        publish(version);
        return version;
    }

    static String changeLanguage(String token, long enrolment, String language, int status) {
        Response response = given().auth().oauth2(token).redirects().follow(false).formParam("language", language)
                .when().post("/training/enrolments/" + enrolment + "/language");
        response.then().statusCode(status);
        return status == 303 ? response.header("Location") : response.asString();
    }

    @Test
    void aTraineeChangesTheLanguageMidCourseAndKeepsProgressAnswersAndScores() {
        String slug = uniqueSlug("switch");
        publishedCourse(slug);
        Learner learner = LearnerSteps.enrol("sofia", slug, "fr");
        JsonPath pretest = LearnerSteps.submit(learner, learner.pretest(),
                LearnerSteps.answers(LearnerSteps.quiz(learner, learner.pretest()), Map.of("Pour une victime", List.of("0"))));
        LearnerSteps.study(learner, learner.lesson(0, 0));
        JsonPath before = given().auth().oauth2(learner.token()).when().get(API + "/" + learner.enrolment())
                .then().statusCode(200).extract().jsonPath();

        String outline = page(learner.token(), "/training/enrolments/" + learner.enrolment(), "en");
        assertTrue(outline.contains("action=\"/training/enrolments/" + learner.enrolment() + "/language\""), outline);
        assertTrue(outline.contains("<option value=\"fr\" lang=\"fr\" selected>Français</option>"), outline);
        assertTrue(outline.contains("<option value=\"ar\" lang=\"ar\">العربية</option>"), outline);
        assertTrue(outline.contains("<option value=\"en\" lang=\"en\">English</option>"), outline);

        assertEquals("/training/enrolments/" + learner.enrolment(), changeLanguage(learner.token(), learner.enrolment(), "en", 303));
        JsonPath after = given().auth().oauth2(learner.token()).when().get(API + "/" + learner.enrolment())
                .then().statusCode(200).body("language", equalTo("en")).extract().jsonPath();
        assertTrue(after.getString("title").startsWith("Test course"), after.getString("title"));
        assertEquals(before.getInt("progress"), after.getInt("progress"));
        assertTrue(after.getBoolean("pretest.taken"));
        assertEquals(before.getFloat("pretest.score"), after.getFloat("pretest.score"));
        assertTrue(after.getBoolean("modules[0].lessons[0].studied"));
        assertEquals(before.getLong("enrolmentId"), after.getLong("enrolmentId"));

        // The answer given in French is shown in English now: answers are kept by position, not by text.
        String result = page(learner.token(), "/training/enrolments/" + learner.enrolment() + "/attempts/"
                + pretest.getLong("attemptId"), "en");
        assertTrue(result.contains("Act, means and purpose"), result);
        String lesson = page(learner.token(), "/training/enrolments/" + learner.enrolment() + "/lessons/"
                + learner.lesson(0, 1), "en");
        assertTrue(lesson.contains("<article lang=\"en\" dir=\"ltr\">"), lesson);
        assertTrue(page(learner.token(), "/training/enrolments/" + learner.enrolment(), "en")
                .contains("<option value=\"en\" lang=\"en\" selected>English</option>"));

        // Only the languages the course version is published in; nothing changes otherwise.
        assertTrue(changeLanguage(learner.token(), learner.enrolment(), "es", 400).contains("en,fr,ar"));
        given().auth().oauth2(learner.token()).contentType("application/json").body(Map.of("language", "de"))
                .when().post(API + "/" + learner.enrolment() + "/language").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(learner.token()).contentType("application/json").body("{}")
                .when().post(API + "/" + learner.enrolment() + "/language").then().statusCode(400);
        given().auth().oauth2(learner.token()).when().get(API + "/" + learner.enrolment())
                .then().body("language", equalTo("en"));
        // Another trainee's enrolment is not theirs to change.
        given().auth().oauth2(trainee("mallory")).redirects().follow(false).formParam("language", "ar")
                .when().post("/training/enrolments/" + learner.enrolment() + "/language").then().statusCode(403);

        // The API does the same; switching back keeps everything too.
        given().auth().oauth2(learner.token()).contentType("application/json").body(Map.of("language", "ar"))
                .when().post(API + "/" + learner.enrolment() + "/language").then().statusCode(200)
                .body("language", equalTo("ar")).body("progress", equalTo(before.getInt("progress")))
                .body("titleLanguage", equalTo("ar")).body("languages", equalTo(List.of("en", "fr", "ar")));
    }

    @Test
    void tablesRenderAsTablesOnlineAndOfflineAndTraineesSeeNoSourceReferences() throws IOException {
        String slug = uniqueSlug("tables");
        long draft = importCourse(zip(slug, files(slug)), 201).getLong("versionId");
        long lessonId = given().auth().oauth2(author("bob")).when().get("/training/api/authoring/versions/" + draft)
                .then().statusCode(200).extract().jsonPath().getLong("modules[0].lessons[0].id");
        // Authors and reviewers see the references as written.
        String texts = page(author("bob"), "/training/author/versions/" + draft + "/lessons/" + lessonId + "/texts?lang=en", "en");
        assertTrue(texts.contains("(002 L17)"), texts);
        publish(draft);
        assertTrue(given().auth().oauth2(author("bob")).when()
                .get("/training/api/authoring/versions/" + draft + "/questions/gift?lang=en")
                .then().statusCode(200).extract().asString().contains("crossing a border. (002 L50)"));

        Learner learner = LearnerSteps.throughModules("tomas", slug, "en", Map.of());
        String lesson = page(learner.token(), "/training/enrolments/" + learner.enrolment() + "/lessons/"
                + learner.lesson(0, 0), "en");
        assertTrue(lesson.contains("<div class=\"table-scroll\"><table>"), lesson);
        assertTrue(lesson.contains("<th>Element</th>"), lesson);
        assertTrue(lesson.contains("<td>Recruitment</td>"), lesson);
        assertTrue(lesson.contains("&lt;script&gt;"), lesson);
        assertFalse(lesson.contains("| --- |"), lesson);
        assertTrue(lesson.contains("means and purpose.</p>"), lesson);
        assertNoReference(lesson);
        assertNoReference(given().auth().oauth2(learner.token()).when()
                .get(API + "/" + learner.enrolment() + "/lessons/" + learner.lesson(0, 0)).then().statusCode(200)
                .extract().asString());

        String quiz = page(learner.token(), "/training/enrolments/" + learner.enrolment() + "/assessments/"
                + learner.posttest(), "en");
        assertTrue(quiz.contains("crossing a border.</span>"), quiz);
        assertNoReference(quiz);
        long attempt = LearnerSteps.passPosttest(learner).getLong("attemptId");
        String result = page(learner.token(), "/training/enrolments/" + learner.enrolment() + "/attempts/" + attempt, "en");
        assertTrue(result.contains("trafficking can happen within one country."), result);
        assertNoReference(result);

        Map<String, String> offline = new HashMap<>();
        byte[] zip = given().auth().oauth2(learner.token()).when().get(API + "/" + learner.enrolment() + "/offline.zip")
                .then().statusCode(200).extract().asByteArray();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                offline.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(offline.get("style.css").contains(".table-scroll{overflow-x:auto"), offline.get("style.css"));
        assertTrue(offline.get("lessons/01-l1.html").contains("<div class=\"table-scroll\"><table>"), offline.get("lessons/01-l1.html"));
        offline.forEach((name, text) -> {
            if (name.endsWith(".html")) {
                assertNoReference(text);
            }
        });
    }

    @Test
    void offlineInArabicTheGlossaryTermKeepsTheCoursesLanguageAndDirection() throws IOException {
        String slug = uniqueSlug("offline-glossary");
        publishedCourse(slug);
        Learner learner = LearnerSteps.enrol("ines", slug, "ar");
        Map<String, String> offline = new HashMap<>();
        byte[] zip = given().auth().oauth2(learner.token()).when().get(API + "/" + learner.enrolment() + "/offline.zip")
                .then().statusCode(200).extract().asByteArray();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                offline.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        String glossary = offline.get("glossary.html");
        assertTrue(glossary.contains("<html lang=\"ar\" dir=\"rtl\">"), glossary);
        // "confiage" is kept as the course (English) wrote it; its explanation has no Arabic and is the English one.
        assertTrue(glossary.contains("<dt lang=\"en\" dir=\"ltr\"><strong>confiage</strong></dt>"), glossary);
        assertTrue(glossary.contains("<dd lang=\"en\" dir=\"ltr\">Entrusting a child"), glossary);
    }

    static void assertNoReference(String text) {
        assertFalse(text.matches("(?s).*\\d{3} L\\d+.*"), "a source reference reached a trainee: " + text);
    }

    @Test
    void theCatalogueNamesCoursesInTheReadersLanguageWithTheLanguagesTheyAreOfferedIn() {
        String slug = uniqueSlug("catalogue");
        publishedCourse(slug);
        String token = trainee("ines");
        String french = page(token, "/training", "fr");
        assertTrue(french.contains("<h3 lang=\"fr\" dir=\"ltr\"><a href=\"/training/courses/" + slug + "\">Cours d"), french);
        assertTrue(french.contains("Proposé en : <span lang=\"en\" dir=\"ltr\">English</span>, <span lang=\"fr\" dir=\"ltr\">Français</span>, "
                + "<span lang=\"ar\" dir=\"rtl\">العربية</span>"), french);
        // Not offered in Spanish: the default language's title, marked as English.
        String spanish = page(token, "/training", "es");
        assertTrue(spanish.contains("<h3 lang=\"en\" dir=\"ltr\"><a href=\"/training/courses/" + slug + "\">Test course " + slug), spanish);
        // An Arabic title in an English interface is laid out right to left.
        String arabic = page(token, "/training", "ar");
        assertTrue(arabic.contains("<h3 lang=\"ar\" dir=\"rtl\"><a href=\"/training/courses/" + slug + "\">دورة تجريبية " + slug), arabic);

        String course = page(token, "/training/courses/" + slug, "fr");
        assertTrue(course.contains("<h1 lang=\"fr\" dir=\"ltr\">Cours d"), course);
        assertTrue(course.contains("<option value=\"fr\" lang=\"fr\" selected>Français</option>"), course);

        // "Your courses" names each enrolment in the reader's language where the course has it (issue 14), else in the
        // language it is studied in.
        Learner learner = LearnerSteps.enrol("ines", slug, "ar");
        String home = page(learner.token(), "/training", "fr");
        assertTrue(home.contains("<a href=\"/training/enrolments/" + learner.enrolment() + "\" lang=\"fr\" dir=\"ltr\">Cours d&#39;essai " + slug), home);
        String notOffered = page(learner.token(), "/training", "es");
        assertTrue(notOffered.contains("<a href=\"/training/enrolments/" + learner.enrolment() + "\" lang=\"ar\" dir=\"rtl\">دورة تجريبية " + slug),
                "no Spanish title: the language it is studied in; " + notOffered);
        given().auth().oauth2(learner.token()).when().get(API).then().statusCode(200)
                .body("find { it.id == " + learner.enrolment() + " }.title", equalTo("دورة تجريبية " + slug));
        String outline = page(learner.token(), "/training/enrolments/" + learner.enrolment(), "en");
        assertTrue(outline.contains("<h1 lang=\"ar\" dir=\"rtl\">دورة تجريبية"), outline);
    }

    @Test
    void inTheArabicInterfaceFrenchContentIsLaidOutLeftToRightWithItsOwnLanguage() {
        String slug = uniqueSlug("direction");
        publishedCourse(slug);
        Learner learner = LearnerSteps.throughModules("samir", slug, "fr", Map.of());
        String outline = page(learner.token(), "/training/enrolments/" + learner.enrolment(), "ar");
        assertTrue(outline.contains("<html lang=\"ar\" dir=\"rtl\">"), outline);
        assertTrue(outline.contains("<h1 lang=\"fr\" dir=\"ltr\">Cours d"), outline);
        assertTrue(outline.contains("<h2 lang=\"fr\" dir=\"ltr\">Module un</h2>"), outline);
        assertTrue(outline.contains("lang=\"fr\" dir=\"ltr\">Leçon un</a>"), outline);
        // Lesson two has no French title: it is marked as the English it is.
        assertTrue(outline.contains("lang=\"en\" dir=\"ltr\">Lesson two</a>"), outline);
        assertTrue(outline.contains("<dd lang=\"fr\" dir=\"ltr\">Confier un enfant"), outline);
        assertTrue(outline.contains("<dt lang=\"en\" dir=\"ltr\"><strong>confiage</strong></dt>"), outline);

        String lesson = page(learner.token(), "/training/enrolments/" + learner.enrolment() + "/lessons/"
                + learner.lesson(0, 0), "ar");
        assertTrue(lesson.contains("<span lang=\"fr\" dir=\"ltr\">Module un</span>"), lesson);
        assertTrue(lesson.contains("<h1 lang=\"fr\" dir=\"ltr\">Leçon un</h1>"), lesson);
        assertTrue(lesson.contains("<article lang=\"fr\" dir=\"ltr\">"), lesson);

        String check = page(learner.token(), "/training/enrolments/" + learner.enrolment() + "/assessments/"
                + learner.posttest(), "ar");
        assertTrue(check.contains("<span lang=\"fr\" dir=\"ltr\">Pour une victime adulte"), check);
        long attempt = LearnerSteps.submit(learner, learner.posttest(), LearnerSteps.answers(
                LearnerSteps.quiz(learner, learner.posttest()), Map.of("Pour une victime", List.of("0")))).getLong("attemptId");
        String result = page(learner.token(), "/training/enrolments/" + learner.enrolment() + "/attempts/" + attempt, "ar");
        assertTrue(result.contains("<span lang=\"fr\" dir=\"ltr\">L&#39;acte, les moyens et la finalité</span>")
                || result.contains("<span lang=\"fr\" dir=\"ltr\">L'acte, les moyens et la finalité</span>"), result);
    }
}
