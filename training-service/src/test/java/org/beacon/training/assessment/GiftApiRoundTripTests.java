package org.beacon.training.assessment;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.CourseFixtures;
import org.junit.jupiter.api.Test;

/** GIFT through the authoring API and the database: what is imported is exported again, question for question. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class GiftApiRoundTripTests {

    static final String API = "/training/api/authoring";

    @Test
    void moodlesExamplesImportedThroughTheApiAreExportedAsTheSameQuestions() {
        // Numerical questions are not supported; every other example of Moodle's page is.
        String gift = GiftTests.MOODLE_EXAMPLES.replace("When was Ulysses S. Grant born?{#1822:5}\n", "");
        List<GiftQuestion> written = Gift.parse(gift);
        long version = CourseFixtures.newCourse(uniqueSlug("gift-api"), "police", List.of("en"), "GIFT round trip");
        given().auth().oauth2(author("bob")).contentType("text/plain; charset=UTF-8").body(gift)
                .when().post(API + "/versions/" + version + "/questions/gift?lang=en")
                .then().statusCode(200).body("questions", equalTo(written.size()));
        String exported = given().auth().oauth2(author("bob"))
                .when().get(API + "/versions/" + version + "/questions/gift?lang=en")
                .then().statusCode(200).extract().asString();
        assertEquals(GiftTests.withoutLines(written), GiftTests.withoutLines(Gift.parse(exported)), exported);
    }
}
