package org.beacon.campaign.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasLength;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.beacon.commons.storage.MediaUploads;
import org.beacon.commons.storage.ObjectStorage;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.StoredObjects;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
public class MediaResourceTests {

    @Inject
    ObjectStorage storage;

    @Inject
    MediaUploads uploads;

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

    @Test
    void aFileNameTooLongToKeepIsShortenedKeepingItsExtension() {
        long before = StoredObjects.count("media/");
        String name = "poster for the border crossing at the northern checkpoint ".repeat(6) + ".png";
        given().auth().oauth2(manager())
                .multiPart("file", name, PNG, "image/png")
                .when().post("/campaigns/api/media")
                .then().statusCode(201)
                .body("fileName", hasLength(255), "fileName", endsWith("….png"));
        assertEquals(before + 1, StoredObjects.count("media/"));
    }

    @Test
    void aFileNameWithANulCharacterLeavesNoStrayObject() {
        long before = StoredObjects.count("media/");
        int status = given().auth().oauth2(manager())
                .multiPart("file", "post\u0000er.png", PNG, "image/png")
                .when().post("/campaigns/api/media")
                .then().extract().statusCode();
        // Accepted without the character PostgreSQL cannot store, or refused at the edge: never a 500, and an
        // object exactly when a row points to it (this used to leave an orphan object behind a 500).
        if (status == 201) {
            assertEquals(before + 1, StoredObjects.count("media/"));
        } else {
            assertEquals(400, status);
            assertEquals(before, StoredObjects.count("media/"));
        }
    }

    @Test
    void anObjectStoredByAChangeThatThenFailsIsRemoved() {
        long before = StoredObjects.count("media/");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            uploads.removedOnRollback(storage.put("media/" + UUID.randomUUID(), new ByteArrayInputStream(PNG),
                    PNG.length, "image/png"));
            throw new IllegalStateException("refused after the file was stored");
        }));
        assertEquals(before, StoredObjects.count("media/"));
    }

    @Test
    void aRefusedUploadLeavesNoObjectInTheBucket() {
        long before = StoredObjects.count("media/");
        given().auth().oauth2(manager())
                .multiPart("file", "poster.png", "GIF89a not a png".getBytes(), "image/png")
                .when().post("/campaigns/api/media")
                .then().statusCode(400);
        assertEquals(before, StoredObjects.count("media/"));
    }
}
