package org.beacon.training;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Malformed requests get a 400 a client can act on, never a 500 or a bare "HTTP 400 Bad Request": JSON bodies (the
 * field as a path and the problem), U+0000 in text, broken multipart bodies.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class HostileInputTests {

    static final String COURSES = "/training/api/authoring/courses";

    private static ValidatableResponse createCourse(String json) {
        return given().auth().oauth2(author("bob")).contentType("application/json")
                .body(json.getBytes(StandardCharsets.UTF_8)).when().post(COURSES).then();
    }

    private static String course(String slug, String passMark) {
        return "{\"slug\":\"" + slug + "\",\"sectors\":[\"police\"],\"defaultLanguage\":\"en\",\"languages\":[\"en\"],"
                + "\"passMark\":" + passMark + ",\"title\":{\"en\":\"Hostile input\"}}";
    }

    @Test
    void aWrongJsonTypeNamesTheFieldAndWhatWasExpected() {
        createCourse(course(uniqueSlug("type"), "\"seventy\"")).statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Invalid JSON"))
                .body("errors", hasItem("passMark: expected a whole number, got \"seventy\"."));
        createCourse("{\"slug\":\"x\",\"title\":[1,2]}").statusCode(400)
                .body("errors", hasItem("title: expected an object, got a list."));
        createCourse("[1,2]").statusCode(400).body("errors", hasItem("(body): expected an object, got a list."));
    }

    @Test
    void aDuplicateKeyIsRefusedRatherThanOneOfThemSilentlyWinning() {
        String slug = uniqueSlug("dup");
        createCourse(course(slug, "90").replace("\"passMark\":90", "\"passMark\":90,\"passMark\":10"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors", hasItem("(body): the key 'passMark' appears twice; send each key once."));
        given().auth().oauth2(author("bob")).when().get("/training/api/courses/" + slug).then().statusCode(404);
    }

    @Test
    void contentAfterTheJsonValueIsRefused() {
        createCourse(course(uniqueSlug("trailing"), "70") + " {\"passMark\":10}").statusCode(400)
                .body("errors", hasItem("(body): unexpected content after the JSON value; send exactly one JSON value."));
        createCourse(course(uniqueSlug("garbage"), "70") + "garbage").statusCode(400)
                .body("detail", containsString("malformed JSON"));
    }

    @Test
    void malformedJsonSaysWhereAndWhat() {
        createCourse("{\"slug\":\"x\",}").statusCode(400).contentType("application/problem+json")
                .body("errors[0]", containsString("malformed JSON (line 1, column 13)"));
        createCourse("{\"slug\":").statusCode(400).body("detail", containsString("malformed JSON"));
    }

    @Test
    void nulInAJsonStringIsRefusedWithTheFieldNamed() {
        createCourse(course(uniqueSlug("nul"), "70").replace("Hostile input", "Hostile\\u0000input")).statusCode(400)
                .body("errors", hasItem("title.en: contains the character U+0000 (NUL), which cannot be stored;"
                        + " remove it."));
    }

    @Test
    void nulInAFormFieldIsRefusedWithTheFieldNamed() {
        given().auth().oauth2(author("bob")).formParam("slug", uniqueSlug("form")).formParam("sectors", "police")
                .formParam("defaultLanguage", "en").formParam("title", "A\0title")
                .when().post("/training/author/courses").then().statusCode(400)
                .body(containsString("title: contains the character U+0000 (NUL)"));
    }

    /** A multipart body cut off before its closing boundary, as a dropped connection or a broken client sends it. */
    @Test
    void aFormFieldThatIsNotPercentEncodedIsAReadable400() {
        given().auth().oauth2(author("bob")).contentType("application/x-www-form-urlencoded")
                .header("Accept", "text/html").cookie("beacon-lang", "fr")
                .body("slug=" + uniqueSlug("pct") + "&sectors=police&defaultLanguage=en&title=50%zz")
                .when().post("/training/author/courses").then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"fr\""))
                .body(containsString("Certains champs ne sont pas valides."));
    }

    @Test
    void aMultipartBodyWithoutItsClosingBoundaryIsA400() {
        String body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"handout.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n";
        given().auth().oauth2(author("bob")).contentType("multipart/form-data; boundary=b0undary")
                .body(body.getBytes(StandardCharsets.ISO_8859_1)).when().post("/training/api/attachments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The multipart body ended before its closing boundary. Send the form again."));
        // The same body from the version page: its explanation in the reader's language.
        given().auth().oauth2(author("bob")).contentType("multipart/form-data; boundary=b0undary")
                .header("Accept", "text/html").cookie("beacon-lang", "fr")
                .body(body.getBytes(StandardCharsets.ISO_8859_1)).when().post("/training/author/versions/1/attachments")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("avant sa limite de fermeture. Envoyez à nouveau le formulaire."))
                .body(not(containsString("closing boundary")));
    }

    @Test
    void aFileNameWithALineBreakOrNulIsA400AndStoresNothing() {
        long stored = StoredObjects.attachments();
        String body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hand\r\nout.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--b0undary--\r\n";
        int status = given().auth().oauth2(author("bob")).contentType("multipart/form-data; boundary=b0undary")
                .body(body.getBytes(StandardCharsets.ISO_8859_1)).when().post("/training/api/attachments")
                .then().extract().statusCode();
        assertEquals(400, status);
        given().auth().oauth2(author("bob")).multiPart("file", "hand\0out.pdf", CourseFixtures.PDF, "application/pdf")
                .when().post("/training/api/attachments").then().statusCode(400)
                .body("errors", hasItem("file (file name): contains the character U+0000 (NUL), which cannot be"
                        + " stored; remove it."));
        assertEquals(stored, StoredObjects.attachments());
    }
}
