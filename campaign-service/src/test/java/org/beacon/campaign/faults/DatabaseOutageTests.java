package org.beacon.campaign.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.logging.Level;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.beacon.testing.LogCapture;
import org.beacon.testing.Outage;
import org.beacon.testing.OutageProfiles;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The database stopped under a running service: 503 at once, said once in the log, and back when it is. */
@QuarkusTest
@TestProfile(OutageProfiles.Database.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageTests {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    String manager() {
        return TestTokens.token("manon", "national-coordination", "campaign-manager");
    }

    @Test
    @Order(1)
    void whileTheDatabaseIsAwayPagesAndTheApiAnswer503WithRetryAfterAtOnce() {
        given().when().get("/campaigns/public").then().statusCode(200);
        given().when().get(management + "health/ready").then().statusCode(200);

        try (LogCapture log = LogCapture.start()) {
            Outage.stopPostgres();

            long started = System.nanoTime();
            given().header("Accept-Language", "fr")
                    .when().get("/campaigns/public")
                    .then().statusCode(503)
                    .header("Retry-After", "10")
                    .contentType(containsString("text/html"))
                    .body(containsString("<html lang=\"fr\""), containsString("ne répond pas pour le moment"));
            Duration firstAnswer = Duration.ofNanos(System.nanoTime() - started);

            given().auth().oauth2(manager())
                    .when().get("/campaigns/api/campaigns")
                    .then().statusCode(503)
                    .header("Retry-After", "10")
                    .contentType("application/problem+json")
                    .body("status", equalTo(503), "title", equalTo("Service unavailable"));

            long burst = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                given().when().get("/campaigns/public").then().statusCode(503);
            }
            Duration each = Duration.ofNanos((System.nanoTime() - burst) / 20);
            System.out.printf("Database away: first 503 after %d ms, then %d ms each%n", firstAnswer.toMillis(),
                    each.toMillis());
            // The first request may wait for the pool (at most its 2 s acquisition timeout); the ones after it must
            // not wait at all while the database is known to be away.
            assertTrue(each.toMillis() < 1000, "each answer took " + each.toMillis() + " ms");

            // Readiness reports the database: a replica without it is taken out of rotation.
            given().when().get(management + "health/ready").then().statusCode(503);

            log.assertSaidOnce(Level.WARNING, "database cannot be reached");
        }
    }

    @Test
    @Order(2)
    void theServiceAnswersAgainOnceTheDatabaseIsBackAndSaysSoOnce() throws InterruptedException {
        try (LogCapture log = LogCapture.start()) {
            Outage.startPostgres();
            int status = 0;
            for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
                status = given().when().get("/campaigns/public").then().extract().statusCode();
                if (status != 200) {
                    Thread.sleep(200);
                }
            }
            assertEquals(200, status);
            given().auth().oauth2(manager())
                    .when().get("/campaigns/api/campaigns")
                    .then().statusCode(200);
            given().when().get(management + "health/ready").then().statusCode(200);
            log.assertSaidOnce(Level.INFO, "database is reachable again");
        }
    }
}
