package org.beacon.training.course;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.trainee;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.beacon.training.course.AuthorPagesEditingTests.PAGES;
import static org.beacon.training.course.AuthorPagesEditingTests.detail;
import static org.beacon.training.course.AuthorPagesEditingTests.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.CourseFixtures;
import org.junit.jupiter.api.Test;

/**
 * A reviewer reads what they approve: the version in review, read-only, in each language, with its lessons as
 * trainees see them, its questions with key and feedback, and what changed since the published version.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class VersionReadingPagesTests {

    static final String CHANGED_BANK = """
            // legal: UN Trafficking Protocol, Art. 3
            ::t-q02:: Trafficking always requires crossing a border. {F#Wrong: trafficking can be domestic.#Right: it can happen within one country.}

            // legal: UN Trafficking Protocol, Art. 3(b)
            ::t-q05:: Which of these make consent irrelevant? {
              ~%33.33333%Deception #One of the means.
              ~%33.33333%Coercion #One of the means.
              ~%33.33334%Abuse of power #One of the means.
              ~%-100%Payment of wages #Not a means.
            }
            """;

    @Test
    void theReviewerReadsTheVersionInReviewWithItsKeyAndItsChanges() {
        String slug = uniqueSlug("read-review");
        long published = CourseFixtures.publishedCourse(slug);
        given().auth().oauth2(author("rita")).when().get(PAGES + "/versions/" + published + "/read?lang=en")
                .then().statusCode(200).body(containsString("everything in it is new"));

        long draft = AuthoringResourceTests.newDraft(slug, author("bob"));
        String page = PAGES + "/versions/" + draft;
        JsonPath detail = detail(draft);
        long lessonOne = detail.getLong("modules[0].lessons[0].id");
        long lessonThree = detail.getLong("modules[1].lessons[0].id");
        long moduleOne = detail.getLong("modules[0].id");
        post(page + "/lessons/" + lessonOne + "/texts", "language", "en", "title", "Lesson one",
                "body", "The three elements: **act**, means and *purpose*, all three.");
        post(page + "/lessons/" + lessonThree + "/remove", "direction", "");
        post(page + "/modules/" + moduleOne + "/lessons", "slug", "l4", "title", "Lesson four", "body", "Referral.");
        given().auth().oauth2(author("bob")).redirects().follow(false).formParam("language", "en")
                .formParam("gift", CHANGED_BANK).when().post(page + "/gift").then().statusCode(303);
        post(page + "/submit");

        // The version page links each lesson to its reading; the reading page is open while in review.
        given().auth().oauth2(author("rita")).when().get(page).then().statusCode(200)
                .body(containsString("href=\"" + page + "/read?lang=en#lesson-" + lessonOne + "\""));
        String english = given().auth().oauth2(author("rita")).when().get(page + "/read?lang=en")
                .then().statusCode(200).extract().asString();
        assertThat(english, containsString("Changes since version 1"));
        assertThat(section(english, "Lessons changed"), containsString("Lesson one"));
        assertThat(section(english, "Lessons added"), containsString("Lesson four"));
        assertThat(section(english, "Lessons removed"), containsString("Lesson three"));
        assertThat(section(english, "Questions added"), containsString("t-q05"));
        assertThat(section(english, "Questions changed"), containsString("t-q02"));
        assertThat(english, not(containsString("t-q01 ·")));
        // Lessons as trainees see them: Markdown rendered, raw HTML escaped.
        assertThat(english, containsString("<strong>act</strong>, means and <em>purpose</em>"));
        assertThat(english, not(containsString("<script>")));
        // Every question with its answers, their credit, the key and the feedback.
        assertThat(english, containsString("Act, means and purpose"));
        assertThat(english, containsString("Right: all three elements."));
        assertThat(english, containsString("<td>33.33333%"));
        assertThat(english, containsString("<td>-100%"));
        assertThat(english, not(containsString(" %")));
        assertThat(english, containsString("Wrong: trafficking can be domestic."));
        assertThat(english, containsString("UN Trafficking Protocol, Art. 3(b)"));
        assertThat(english, containsString("action=\"" + page + "/approve\""));

        // French: the translated lesson in French, the untranslated one and question in English, marked so.
        String french = given().auth().oauth2(author("rita")).header("Accept-Language", "fr").when()
                .get(page + "/read?lang=fr").then().statusCode(200).extract().asString();
        assertThat(french, containsString("Leçon un"));
        assertThat(french, containsString("Les trois éléments : <strong>l"));
        assertThat(french, containsString("Modifications depuis la version 1"));
        assertThat(french, containsString("lang=\"en\" dir=\"ltr\">Which of these make consent irrelevant?"));
        assertThat(french, containsString("n’est pas encore disponible"));
        // Credits as a French reader writes a percentage, never the machine's "33.33333 %".
        assertThat(french, containsString("<td>33,33333\u00a0%"));
        assertThat(french, not(containsString("33.33333")));
        given().auth().oauth2(author("rita")).header("Accept-Language", "fr").when().get(page).then().statusCode(200)
                .body(containsString("75\u00a0%"));

        // The author who wrote it may read it but is offered no approval; trainees may not read it at all.
        given().auth().oauth2(author("bob")).when().get(page + "/read?lang=en").then().statusCode(200)
                .body(not(containsString("action=\"" + page + "/approve\"")));
        given().auth().oauth2(trainee("tom")).when().get(page + "/read?lang=en").then().statusCode(403);
        given().auth().oauth2(author("rita")).when().get(PAGES + "/versions/999999999/read").then().statusCode(404);
    }

    /** A lesson of 40,000 characters is saved through the page's form (2 KB was Quarkus' limit); 50,001 is refused. */
    @Test
    void aLongLessonIsSavedThroughTheForm() {
        long version = AuthorPagesEditingTests.createCourse(uniqueSlug("long-lesson"));
        String page = PAGES + "/versions/" + version;
        post(page + "/modules", "slug", "m1", "title", "Module");
        long module = detail(version).getLong("modules[0].id");
        post(page + "/modules/" + module + "/lessons", "slug", "long", "title", "Long", "body", "Start.");
        long lesson = detail(version).getLong("modules[0].lessons[0].id");
        String paragraph = "Indicators of trafficking: control of documents, debt bondage, isolation — اَلْإِتِّجَار. ";
        String body = paragraph.repeat(40_000 / paragraph.length() + 1).substring(0, 40_000);
        given().auth().oauth2(author("bob")).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("language", "en")
                .formParam("title", "Long").formParam("body", body).when().post(page + "/lessons/" + lesson + "/texts")
                .then().statusCode(303);
        given().auth().oauth2(author("bob")).when().get(page + "/lessons/" + lesson + "/texts?lang=en").then()
                .statusCode(200).body(containsString(body.substring(39_000) + "</textarea>"));

        String tooLong = "x".repeat(50_001);
        given().auth().oauth2(author("bob")).redirects().follow(false).formParam("language", "en")
                .formParam("title", "Long").formParam("body", tooLong).when().post(page + "/lessons/" + lesson + "/texts")
                .then().statusCode(400).body(containsString("50,000"));
    }

    /** The list under one heading of the changes, up to the next heading. */
    private static String section(String html, String heading) {
        int start = html.indexOf("<h3>" + heading + "</h3>");
        if (start < 0) {
            return "";
        }
        int end = html.indexOf("</ul>", start);
        return html.substring(start, end);
    }
}
