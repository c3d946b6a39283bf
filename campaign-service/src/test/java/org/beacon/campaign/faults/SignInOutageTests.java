package org.beacon.campaign.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.logging.Level;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.beacon.testing.LogCapture;
import org.beacon.testing.OutageProfiles;
import org.beacon.testing.SignInServer;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A service started while Keycloak is away: it starts, answers signed-in requests with 503 (the token may be fine;
 * its keys cannot be fetched), and verifies tokens once Keycloak is back.
 */
@QuarkusTest
@TestProfile(OutageProfiles.SignIn.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInOutageTests {

    static SignInServer keycloak;

    String manager() {
        return TestTokens.token("manon", "national-coordination", "campaign-manager");
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    @Order(1)
    void whileKeycloakIsAwaySignedInRequestsAre503AndPublicPagesWork() {
        try (LogCapture log = LogCapture.start()) {
            given().when().get("/campaigns/public").then().statusCode(200);
            given().auth().oauth2(manager())
                    .when().get("/campaigns/api/campaigns")
                    .then().statusCode(503)
                    .header("Retry-After", "10")
                    .contentType("application/problem+json")
                    .body("status", equalTo(503));
            given().auth().oauth2(manager()).header("Accept-Language", "es")
                    .when().get("/campaigns/manage")
                    .then().statusCode(503)
                    .header("Retry-After", "10")
                    .body(containsString("No se puede comprobar su inicio de sesión"));
            given().auth().oauth2(manager()).when().get("/campaigns/api/campaigns").then().statusCode(503);

            log.assertSaidOnce(Level.WARNING, "sign-in server cannot be reached");
        }
    }

    @Test
    @Order(2)
    void onceKeycloakIsBackTokensAreVerifiedAgain() {
        try (LogCapture log = LogCapture.start()) {
            keycloak = SignInServer.start();
            given().auth().oauth2(manager()).when().get("/campaigns/api/campaigns").then().statusCode(200);
            // Verified for real: a token signed with another key is still refused.
            given().auth().oauth2(TestTokens.forgedToken("manon", "national-coordination", "campaign-manager"))
                    .when().get("/campaigns/api/campaigns").then().statusCode(401);
            log.assertSaidOnce(Level.INFO, "sign-in server is reachable again");
        }
    }
}
