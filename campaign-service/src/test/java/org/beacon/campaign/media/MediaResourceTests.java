package org.beacon.campaign.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Base64;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
public class MediaResourceTests {

    /** A 1x1 transparent PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    String manager() {
        return TestTokens.token("manon", "national-coordination", "campaign-manager");
    }

    @Test
    void aPosterImageIsStoredAndServedWithItsType() {
        String href = given().auth().oauth2(manager())
                .multiPart("file", "poster.png", PNG, "image/png")
                .when().post("/campaigns/api/media")
                .then().statusCode(201)
                .extract().path("href");
        byte[] body = given().auth().oauth2(manager())
                .when().get(href)
                .then().statusCode(200)
                .contentType("image/png")
                .extract().asByteArray();
        assertArrayEquals(PNG, body);
    }

    @Test
    void anExecutableDisguisedAsAnImageIs400() {
        given().auth().oauth2(manager())
                .multiPart("file", "poster.png", "MZ\u0090\u0000 not an image".getBytes(), "image/png")
                .when().post("/campaigns/api/media")
                .then().statusCode(400)
                .body("detail", equalTo("The file's content is not image/png."));
    }
}
