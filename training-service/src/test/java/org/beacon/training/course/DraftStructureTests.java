package org.beacon.training.course;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.courseFiles;
import static org.beacon.training.CourseFixtures.importCourse;
import static org.beacon.training.CourseFixtures.publishedCourse;
import static org.beacon.training.CourseFixtures.trainee;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.beacon.training.CourseFixtures.zip;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Authors reorder and remove the modules and lessons of a draft; a published version refuses both. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class DraftStructureTests {

    static final String API = "/training/api/authoring/versions/";

    @Test
    void modulesAndLessonsAreMovedAndRemovedInADraft() {
        String slug = uniqueSlug("arrange");
        long version = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        JsonPath before = detail(version);
        long m1 = before.getLong("modules[0].id");
        long m2 = before.getLong("modules[1].id");
        long l1 = before.getLong("modules[0].lessons[0].id");

        move(version, "modules", m2, "up").statusCode(200).body("modules.slug", equalTo(List.of("m2", "m1")));
        move(version, "modules", m2, "up").statusCode(200).body("modules.slug", equalTo(List.of("m2", "m1")));
        move(version, "lessons", l1, "down").statusCode(200)
                .body("modules.find { it.slug == 'm1' }.lessons.slug", equalTo(List.of("l2", "l1")));
        move(version, "lessons", l1, "sideways").statusCode(400);

        given().auth().oauth2(author("bob")).when().delete(API + version + "/lessons/" + l1).then().statusCode(200)
                .body("modules.find { it.slug == 'm1' }.lessons.slug", equalTo(List.of("l2")));
        given().auth().oauth2(author("bob")).when().delete(API + version + "/modules/" + m2).then().statusCode(200)
                .body("modules.slug", equalTo(List.of("m1")))
                .body("modules[0].check", equalTo(List.of("t-q02")));
        // The texts of the removed lesson and module go with them, in every language.
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> ContentText.count(
                "(ownerKind = 'lesson' and ownerId = ?1) or (ownerKind = 'module' and ownerId = ?2)", l1, m2)));

        given().auth().oauth2(author("bob")).when().delete(API + version + "/lessons/" + l1).then().statusCode(404);
        given().auth().oauth2(trainee("tina")).when().delete(API + version + "/modules/" + m1).then()
                .statusCode(403);
    }

    @Test
    void aPublishedVersionCannotBeRearranged() {
        String slug = uniqueSlug("arranged");
        long version = publishedCourse(slug);
        long m1 = detail(version).getLong("modules[0].id");
        move(version, "modules", m1, "down").statusCode(409);
        given().auth().oauth2(author("bob")).when().delete(API + version + "/modules/" + m1).then().statusCode(409)
                .body("detail", containsString("Start a new draft"));
        given().auth().oauth2(author("bob")).when().get(API + version).then()
                .body("modules.slug", equalTo(List.of("m1", "m2")));
    }

    @Test
    void theVersionPageOffersTheButtonsOnADraftOnly() {
        String slug = uniqueSlug("arrange-page");
        long version = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        long m2 = detail(version).getLong("modules[1].id");
        String page = "/training/author/versions/" + version;
        given().auth().oauth2(author("bob")).header("Accept-Language", "fr").when().get(page).then()
                .body(containsString("action=\"" + page + "/modules/" + m2 + "/move\""))
                .body(containsString("aria-label=\"Monter\""));
        given().auth().oauth2(author("bob")).redirects().follow(false).formParam("direction", "up")
                .when().post(page + "/modules/" + m2 + "/move").then().statusCode(303);
        given().auth().oauth2(author("bob")).redirects().follow(false)
                .when().post(page + "/modules/" + m2 + "/remove").then().statusCode(303);
        given().auth().oauth2(author("bob")).when().get(API + version).then()
                .body("modules.slug", equalTo(List.of("m1")));
    }

    private static JsonPath detail(long version) {
        return given().auth().oauth2(author("bob")).when().get(API + version).then().statusCode(200).extract()
                .jsonPath();
    }

    private static ValidatableResponse move(long version, String kind, long id, String direction) {
        return given().auth().oauth2(author("bob")).queryParam("direction", direction)
                .when().post(API + version + "/" + kind + "/" + id + "/move").then();
    }
}
