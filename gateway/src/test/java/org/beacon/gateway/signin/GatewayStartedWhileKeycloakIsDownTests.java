package org.beacon.gateway.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import org.beacon.gateway.routing.EchoUpstream;
import org.junit.jupiter.api.Test;

/** A gateway started while Keycloak is down starts, serves what needs no sign-in, and signs in once it is back. */
@QuarkusTest
@TestProfile(GatewayStartedWhileKeycloakIsDownTests.KeycloakDownAtStartProfile.class)
class GatewayStartedWhileKeycloakIsDownTests {

    /** Its own Keycloak, down at start, instead of the one every other test class shares. */
    public static class KeycloakDownAtStartProfile implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KeycloakDownAtStart.class), new TestResourceEntry(EchoUpstream.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @OidcWireMock
    WireMockServer keycloak;

    @Test
    void publicPagesWorkSignInWaitsForKeycloakAndWorksOnceItIsBack() throws InterruptedException {
        given().when().get("/training/public/verify").then().statusCode(200);
        given().redirects().follow(false).when().get("/login")
                .then().statusCode(503)
                .header("Retry-After", "30")
                .body(containsString("Sign-in is unavailable for a moment"));

        KeycloakStub.back(keycloak);
        Thread.sleep(1_300);
        given().redirects().follow(false).when().get("/login")
                .then().statusCode(302)
                .header("Location", containsString("/realms/quarkus"));
    }
}
