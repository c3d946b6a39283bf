package org.beacon.training.assessment;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
        // Every example of Moodle's page, numerical included, and the formats, matching and descriptions.
        String gift = GiftTests.MOODLE_EXAMPLES + "\n" + GiftFormatsTests.BANK;
        List<GiftQuestion> written = EnglishWords.parse(gift);
        long version = CourseFixtures.newCourse(uniqueSlug("gift-api"), "police", List.of("en"), "GIFT round trip");
        given().auth().oauth2(author("bob")).contentType("text/plain; charset=UTF-8").body(gift)
                .when().post(API + "/versions/" + version + "/questions/gift?lang=en")
                .then().statusCode(200).body("questions", equalTo(written.size()));
        String exported = given().auth().oauth2(author("bob"))
                .when().get(API + "/versions/" + version + "/questions/gift?lang=en")
                .then().statusCode(200).extract().asString();
        assertEquals(GiftTests.withoutLines(written), GiftTests.withoutLines(EnglishWords.parse(exported)), exported);
    }

    @Test
    void aGiftAnswerLongerThanItsColumnOrNulIsA400NamingWhatToFix() {
        long version = CourseFixtures.newCourse(uniqueSlug("gift-limits"), "police", List.of("en"), "GIFT limits");
        String tooLong = "::long:: Pick {=a ~" + "x".repeat(2001) + "}";
        given().auth().oauth2(author("bob")).contentType("text/plain; charset=UTF-8").body(tooLong)
                .when().post(API + "/versions/" + version + "/questions/gift?lang=en")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasItem("line 1: question 'long': answer 2 is 2,001 characters long; the limit is 2,000."));
        given().auth().oauth2(author("bob")).contentType("text/plain; charset=UTF-8").body("::nul:: Pick\0 {=a ~b}")
                .when().post(API + "/versions/" + version + "/questions/gift?lang=en")
                .then().statusCode(400)
                .body("errors", hasItem("line 1: contains the character U+0000 (NUL), which cannot be stored; remove it."));
        // A body is read up to the limit of one file and no further (the HTTP limit is set for media).
        given().auth().oauth2(author("bob")).contentType("text/plain; charset=UTF-8")
                .body("// filler\n".repeat(120_000)).when().post(API + "/versions/" + version + "/questions/gift?lang=en")
                .then().statusCode(413)
                .body("detail", equalTo("The GIFT file is larger than 1 MB, the limit for one file; split it."));
        // The same through the author's form: refused at the edge, the field named, on a readable page.
        given().auth().oauth2(author("bob")).formParam("language", "en").formParam("gift", "::nul:: Pick\0 {=a ~b}")
                .when().post("/training/author/versions/" + version + "/gift")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("gift: contains the character U+0000 (NUL)"));
        given().auth().oauth2(author("bob")).when().get(API + "/versions/" + version + "/questions/gift?lang=en")
                .then().statusCode(200).body(not(containsString("::nul::")));
    }
}
