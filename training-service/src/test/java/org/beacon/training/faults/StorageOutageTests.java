package org.beacon.training.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
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
 * training-service would not start while S3 was down. Now it starts, serves courses and pages, answers attachments
 * with 503 and stays ready, and creates its bucket once the store is there.
 */
@QuarkusTest
@TestProfile(OutageProfiles.Storage.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageOutageTests {

    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static S3ProxyServer s3;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    ValidatableResponse upload() {
        return given().auth().oauth2(TestTokens.token("ana", "police-academy", "author"))
                .multiPart("file", "handout.pdf", PDF, "application/pdf")
                .when().post("/training/api/attachments")
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
    void startedWithoutItsStoreTheServiceServesCoursesAndAnswersAttachmentsWith503() {
        try (LogCapture log = LogCapture.start()) {
            given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee"))
                    .when().get("/training/api/courses").then().statusCode(200);
            given().header("Accept-Language", "pt").when().get("/training/public/verify").then().statusCode(200);
            given().when().get(management + "health/ready").then().statusCode(200);
            given().when().get(management + "health/group/storage").then().statusCode(503)
                    .body("checks[0].status", equalTo("DOWN"));
            upload().statusCode(503).header("Retry-After", "10").contentType("application/problem+json");
            upload().statusCode(503);
            // Said once at start already.
            assertEquals(java.util.List.of(), log.messages(Level.WARNING, "org.beacon"));
            assertEquals(java.util.List.of(), log.stackTraces());
        }
    }

    @Test
    @Order(2)
    void whenTheStoreAppearsTheBucketIsCreatedAndAttachmentsWork() throws InterruptedException {
        try (LogCapture log = LogCapture.start()) {
            s3 = Outage.startS3();
            int status = 0;
            for (int attempt = 0; attempt < 50 && status != 201; attempt++) {
                Thread.sleep(200);
                status = upload().extract().statusCode();
            }
            assertEquals(201, status);
            given().when().get(management + "health/group/storage").then().statusCode(200);
            log.assertSaidOnce(Level.INFO, "object storage is reachable again");
        }
    }
}
