package org.beacon.training.assessment;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.author;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The training pages write every number in the reader's notation: Arabic digits for an Arabic reader, a decimal
 * comma for a French one. An Arabic page is read as a reader reads it, without the markup and without the course's
 * own content (marked with its {@code lang}): no Latin digit may be left. GIFT refusals say the line in the reader's
 * words and digits.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class ReaderNumbersPagesTests {

    /** Elements holding the course's content, marked with their own language (none nests another of its tag). */
    private static final Pattern CONTENT = Pattern.compile(
            "<(\\w+)\\b[^>]*\\blang=\"(?!ar\")[^\"]*\"[^>]*>.*?</\\1>", Pattern.DOTALL);
    private static final Pattern LATIN_DIGITS = Pattern.compile("[^\\s<>]*[0-9]+[^\\s<>]*");

    /** A slug of letters only, so that the course's address never puts a digit on a page. */
    static String letterSlug(String prefix) {
        Random random = new Random();
        StringBuilder slug = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 10; i++) {
            slug.append((char) ('a' + random.nextInt(26)));
        }
        return slug.toString();
    }

    static String page(String token, String path, String language) {
        return given().auth().oauth2(token).header("Accept-Language", language).when().get(path).then().statusCode(200)
                .extract().asString();
    }

    /** Choices of a form: course addresses, languages, written as they are typed. */
    private static final Pattern OPTIONS = Pattern.compile("<option\\b[^>]*>.*?</option>", Pattern.DOTALL);
    /** A certificate's verification code, typed as printed. */
    private static final Pattern CERTIFICATE_CODE = Pattern.compile("[A-Z0-9]{3,4}-[A-Z0-9]{4}-[A-Z0-9]{4}");

    /**
     * What a reader reads of a page outside the course's own content and the identifiers typed as they are: its
     * text, without markup.
     */
    static String readerText(String html) {
        String body = html.substring(html.indexOf("<body"));
        String withoutContent = OPTIONS.matcher(CONTENT.matcher(body).replaceAll(" ")).replaceAll(" ");
        return CERTIFICATE_CODE.matcher(withoutContent.replaceAll("(?s)<[^>]*>", " ")).replaceAll(" ")
                .replace("&nbsp;", " ");
    }

    static void noLatinDigits(String html, String path) {
        Matcher latin = LATIN_DIGITS.matcher(readerText(html));
        List<String> found = latin.results().map(m -> m.group()).toList();
        assertEquals(List.of(), found, path + " shows Latin digits to an Arabic reader");
    }

    @Test
    void anArabicReaderReadsTheCourseTheOutlineAndTheResultInArabicDigitsAndAFrenchOneWithADecimalComma() {
        String slug = letterSlug("readers");
        long version = GiftQuizResourceTests.draftWithExtraQuestions(slug);
        CourseFixtures.publish(version);
        String course = "/training/courses/" + slug;
        String coursePage = page(CourseFixtures.trainee("rania"), course, "ar");
        assertTrue(coursePage.contains("الإصدار ١ "), coursePage);
        noLatinDigits(coursePage, course);

        Learner learner = LearnerSteps.throughModules("rania", slug, "en", Map.of());
        String outline = "/training/enrolments/" + learner.enrolment();
        noLatinDigits(page(learner.token(), outline, "ar"), outline);
        JsonPath quiz = LearnerSteps.quiz(learner, learner.posttest());
        Map<Long, List<String>> answers = LearnerSteps.answers(quiz, LearnerSteps.PERFECT_EN);
        answers.put(((Number) GiftQuizResourceTests.question(quiz, "numerical").get("id")).longValue(), List.of("١٨"));
        answers.put(((Number) GiftQuizResourceTests.question(quiz, "matching").get("id")).longValue(),
                List.of("0:0", "1:2"));
        JsonPath result = LearnerSteps.submit(learner, learner.posttest(), answers);
        assertTrue(result.getBoolean("passed"), result.prettify());
        String resultPath = outline + "/attempts/" + result.getLong("attemptId");
        String arabic = page(learner.token(), resultPath, "ar");
        assertTrue(arabic.contains("١٨ ± ٠٫٥"), arabic);
        noLatinDigits(arabic, resultPath);
        assertTrue(page(learner.token(), resultPath, "fr").contains("18 ± 0,5"));
        assertTrue(page(learner.token(), resultPath, "en").contains("18 ± 0.5"));
    }

    @Test
    void theAuthoringListTheQuestionBankAndTheCohortListCountInTheReadersDigits() {
        String slug = letterSlug("counting");
        long version = CourseFixtures.publishedCourse(slug);
        String list = page(author("bob"), "/training/author", "ar");
        assertTrue(list.contains("<a href=\"/training/author/versions/" + version + "\">الإصدار ١</a>"), list);
        String bank = page(author("bob"), "/training/author/versions/" + version + "/questions", "ar");
        assertTrue(bank.contains(slug + " · الإصدار ١</a>"), bank);

        String trainer = TestTokens.token("latifa", "police-academy", "trainer");
        given().auth().oauth2(trainer).contentType("application/json")
                .body(Map.of("name", "Atelier de Dakar", "course", slug, "institution", "Police Academy Dakar",
                        "startsOn", "2027-02-01", "endsOn", "2027-02-05"))
                .when().post("/training/api/cohorts").then().statusCode(201);
        String cohorts = page(trainer, "/training/cohorts", "ar");
        assertTrue(cohorts.contains(">٠ متدرب<"), cohorts);
        noLatinDigits(cohorts, "/training/cohorts");
    }

    @Test
    void aRefusedGiftFileNamesItsLinesInTheReadersWordsAndDigits() {
        String slug = letterSlug("refusals");
        long version = CourseFixtures.importCourse(CourseFixtures.zip(slug, CourseFixtures.courseFiles(slug)), 201)
                .getLong("versionId");
        StringBuilder fine = new StringBuilder();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            fine.append("::").append(name).append(":: Fine? {T}\n\n");
        }
        // Line 11: an answer block left open; line 13: an essay, which no one could mark.
        String broken = fine + "::f:: Which? {=x\n\n::g:: Explain. {}\n";
        String french = given().auth().oauth2(author("bob")).header("Accept-Language", "fr").redirects().follow(false)
                .formParam("language", "en").formParam("gift", broken)
                .when().post("/training/author/versions/" + version + "/gift")
                .then().statusCode(400).contentType(containsString("text/html")).extract().asString();
        assertTrue(french.contains("ligne 11 : le bloc de réponses ouvert ici n’est pas fermé par « } »."), french);
        assertTrue(french.contains("Le fichier GIFT contient 2 erreurs ; rien n’a été importé."), french);
        String arabic = given().auth().oauth2(author("bob")).header("Accept-Language", "ar").redirects().follow(false)
                .formParam("language", "en").formParam("gift", broken)
                .when().post("/training/author/versions/" + version + "/gift")
                .then().statusCode(400).extract().asString();
        assertTrue(arabic.contains("السطر ١١: كتلة الإجابات المفتوحة هنا غير مغلقة بـ «}»."), arabic);
        assertFalse(arabic.contains("line 11"), arabic);
        // The API keeps its English title; its detail and errors follow the client's language as the page does.
        JsonPath problem = given().auth().oauth2(author("bob")).header("Accept-Language", "fr")
                .contentType("text/plain; charset=UTF-8").body(broken)
                .when().post("/training/api/authoring/versions/" + version + "/questions/gift?lang=en")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertEquals("Invalid GIFT file", problem.getString("title"));
        assertTrue(problem.getList("errors").contains("ligne 11 : le bloc de réponses ouvert ici n’est pas fermé par « } »."),
                problem.prettify());
    }

    @Test
    void theQuestionFormShowsItsNumbersInTheReadersNotationAndReadsThemBack() {
        long version = GiftQuizResourceTests.draftWithExtraQuestions(letterSlug("typing"));
        String form = page(author("bob"), "/training/author/versions/" + version + "/questions/edit?name=t-q05&lang=en",
                "ar");
        assertTrue(form.contains("name=\"answer\" value=\"١٨\""), form);
        assertTrue(form.contains("name=\"tolerance\" value=\"٠٫٥\""), form);
        assertTrue(form.contains("name=\"weight\" value=\"١٠٠\""), form);
        // Sent back as shown, with a range in Arabic digits and a French decimal comma: the same GIFT numbers.
        GiftQuizResourceTests.save(version, "ar", "language", "en", "name", "t-q05", "type", "numerical",
                "stem", "Under what age is a person a child under the Protocol?",
                "answer", "١٨", "tolerance", "٠٫٥", "weight", "١٠٠", "answerFeedback", "Right: under eighteen.",
                "answer", "١٦..١٧", "tolerance", "", "weight", "50,5", "answerFeedback", "").statusCode(303);
        String written = GiftQuizResourceTests.gift(version);
        assertTrue(written.contains("  =18:0.5 #Right\\: under eighteen.\n  =%50.5%16.5:0.5\n"), written);
    }
}
