package org.beacon.campaign.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.logging.Level;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.beacon.campaign.media.MediaResourceTests;
import org.beacon.testing.LogCapture;
import org.beacon.testing.Outage;
import org.beacon.testing.OutageProfiles;
import org.beacon.testing.S3ProxyServer;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Object storage is not a start-up dependency: the service starts without it, serves what needs no media, answers
 * media with 503, creates its bucket when the store appears, and stays in rotation throughout.
 */
@QuarkusTest
@TestProfile(OutageProfiles.Storage.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageOutageTests {

    static S3ProxyServer s3;
    static String stored;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    String manager() {
        return TestTokens.token("manon", "national-coordination", "campaign-manager");
    }

    ValidatableResponse upload() {
        return given().auth().oauth2(manager())
                .multiPart("file", "poster.png", MediaResourceTests.PNG, "image/png")
                .when().post("/campaigns/api/media")
                .then();
    }

    @AfterAll
    static void stopStore() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    @Order(1)
    void startedWithoutItsStoreTheServiceServesPagesAndAnswersUploadsWith503() {
        try (LogCapture log = LogCapture.start()) {
            given().when().get("/campaigns/public").then().statusCode(200);
            given().when().get(management + "health/ready").then().statusCode(200);
            given().when().get(management + "health/group/storage").then().statusCode(503)
                    .body("checks[0].name", equalTo("object-storage"), "checks[0].status", equalTo("DOWN"));

            upload().statusCode(503)
                    .header("Retry-After", "10")
                    .contentType("application/problem+json")
                    .body("status", equalTo(503));
            // Timed once warm: a refused connection is answered at once, not after the client's timeouts.
            long started = System.nanoTime();
            upload().statusCode(503);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("Object storage away: upload answered 503 after %d ms%n", millis);
            assertTrue(millis < 1500, "took " + millis + " ms");

            // Already said at start, when the bucket could not be created: not again per request.
            assertEquals(List.of(), log.messages(Level.WARNING, "org.beacon"));
            assertEquals(List.of(), log.stackTraces());
        }
    }

    @Test
    @Order(2)
    void whenTheStoreAppearsTheBucketIsCreatedAndUploadsWork() throws InterruptedException {
        try (LogCapture log = LogCapture.start()) {
            s3 = Outage.startS3();
            int status = 0;
            for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
                Thread.sleep(200);
                status = given().when().get(management + "health/group/storage").then().extract().statusCode();
            }
            assertEquals(200, status);
            stored = upload().statusCode(201).extract().path("href");
            byte[] body = given().auth().oauth2(manager()).when().get(stored).then().statusCode(200).extract()
                    .asByteArray();
            assertArrayEquals(MediaResourceTests.PNG, body);
            log.assertSaidOnce(Level.INFO, "object storage is reachable again");
        }
    }

    @Test
    @Order(3)
    void whenTheStoreGoesAwayMediaAre503AndTheReplicaStaysReady() {
        try (LogCapture log = LogCapture.start()) {
            s3.close();
            s3 = null;
            long started = System.nanoTime();
            given().auth().oauth2(manager()).when().get(stored)
                    .then().statusCode(503).header("Retry-After", "10")
                    .contentType("application/problem+json");
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("Object storage stopped: download answered 503 after %d ms%n", millis);
            assertTrue(millis < 1500, "took " + millis + " ms");
            for (int i = 0; i < 10; i++) {
                upload().statusCode(503);
            }
            given().when().get("/campaigns/public").then().statusCode(200);
            given().when().get(management + "health/ready").then().statusCode(200);

            log.assertSaidOnce(Level.WARNING, "object storage cannot be reached");
        }
    }
}
