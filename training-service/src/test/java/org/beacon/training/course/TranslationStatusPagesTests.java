package org.beacon.training.course;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.beacon.training.course.AuthorPagesEditingTests.PAGES;
import static org.beacon.training.course.AuthorPagesEditingTests.as;
import static org.beacon.training.course.AuthorPagesEditingTests.detail;
import static org.beacon.training.course.AuthorPagesEditingTests.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Authors read a translation's status in words, and a change to the default language outdates its translations. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class TranslationStatusPagesTests {

    /** A draft in en and pt with one module of two lessons, nothing translated yet; returns its id. */
    static long portugueseDraft() {
        String location = as(author("bob")).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("slug", uniqueSlug("status")).formParam("sectors", "police")
                .formParam("defaultLanguage", "en").formParam("languages", "en, pt").formParam("title", "Referral")
                .when().post(PAGES + "/courses").then().statusCode(303).extract().header("Location");
        long version = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String page = PAGES + "/versions/" + version;
        post(page + "/modules", "slug", "m1", "title", "Referral pathways");
        long module = detail(version).getLong("modules[0].id");
        post(page + "/modules/" + module + "/lessons", "slug", "l1", "title", "Who to call", "body", "Call the hotline.");
        post(page + "/modules/" + module + "/lessons", "slug", "l2", "title", "Shelters", "body", "Shelters take adults.");
        return version;
    }

    static String statusCell(long version, String uiLanguage) {
        String html = given().auth().oauth2(author("bob")).header("Accept-Language", uiLanguage).when()
                .get(PAGES + "/versions/" + version).then().statusCode(200).extract().asString();
        int row = html.indexOf("<tr id=\"translation-pt\">");
        return html.substring(row, html.indexOf("</tr>", row));
    }

    @Test
    void theStatusSaysWhatIsMissingInWordsInEachInterfaceLanguage() {
        long version = portugueseDraft();
        assertThat(statusCell(version, "en"),
                containsString("2 lessons, 1 module, and the course title or summary missing in Portuguese"));
        assertThat(statusCell(version, "fr"),
                containsString("Il manque 2 leçons, 1 module et le titre ou le résumé du cours en portugais"));
        assertThat(statusCell(version, "es"),
                containsString("Sin traducir al portugués: 2 lecciones, 1 módulo y el título o el resumen del curso"));
        assertThat(statusCell(version, "pt"), containsString("Por traduzir para português: 2 lições, 1 módulo e"));
        // Arabic has a dual: two lessons are "درسان", one module "وحدة واحدة".
        assertThat(statusCell(version, "ar"), containsString("درسان"));
        assertThat(statusCell(version, "ar"), containsString("وحدة واحدة"));
        assertThat(statusCell(version, "en"), not(containsString("{")));

        String page = PAGES + "/versions/" + version;
        long lesson = detail(version).getLong("modules[0].lessons[0].id");
        post(page + "/lessons/" + lesson + "/texts", "language", "pt", "title", "Quem chamar", "body", "Ligue.");
        assertThat(statusCell(version, "en"),
                containsString("1 lesson, 1 module, and the course title or summary missing in Portuguese"));
    }

    @Test
    void changingALessonInTheDefaultLanguageOutdatesItsTranslations() {
        long version = portugueseDraft();
        String page = PAGES + "/versions/" + version;
        JsonPath detail = detail(version);
        long module = detail.getLong("modules[0].id");
        long first = detail.getLong("modules[0].lessons[0].id");
        long second = detail.getLong("modules[0].lessons[1].id");
        post(page + "/course/" + version + "/texts", "language", "pt", "title", "Encaminhamento", "summary", "");
        post(page + "/modules/" + module + "/texts", "language", "pt", "title", "Vias de encaminhamento");
        post(page + "/lessons/" + first + "/texts", "language", "pt", "title", "Quem chamar", "body", "Ligue para a linha.");
        post(page + "/lessons/" + second + "/texts", "language", "pt", "title", "Abrigos", "body", "Os abrigos acolhem adultos.");
        assertThat(statusCell(version, "en"), containsString("<td>100%</td>"));

        // Saving the English text unchanged outdates nothing; changing it outdates the Portuguese lesson.
        post(page + "/lessons/" + first + "/texts", "language", "en", "title", "Who to call", "body", "Call the hotline.");
        assertThat(statusCell(version, "en"), containsString("<td>100%</td>"));
        post(page + "/lessons/" + first + "/texts", "language", "en", "title", "Who to call",
                "body", "Call the hotline, then the labour inspectorate.");
        String cell = statusCell(version, "en");
        assertThat(cell, not(containsString("<td>100%</td>")));
        assertThat(cell, containsString("1 lesson outdated in Portuguese"));
        given().auth().oauth2(author("bob")).when().get("/training/api/authoring/versions/" + version).then()
                .body("completeness.find { it.language == 'pt' }.complete", equalTo(false))
                .body("completeness.find { it.language == 'pt' }.outdatedItems.lesson", equalTo(1))
                .body("completeness.find { it.language == 'en' }.percent", equalTo(100));

        // The translator brings the lesson up to date: 100 % again.
        post(page + "/lessons/" + first + "/texts", "language", "pt", "title", "Quem chamar",
                "body", "Ligue para a linha e depois para a inspeção do trabalho.");
        assertThat(statusCell(version, "en"), containsString("<td>100%</td>"));
    }
}
