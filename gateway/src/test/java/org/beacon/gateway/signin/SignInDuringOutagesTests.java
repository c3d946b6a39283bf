package org.beacon.gateway.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.beacon.gateway.LogRecorder;
import org.beacon.gateway.routing.EchoUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keycloak down (issue 10, point 5): nobody is signed out, and nobody is sent to a login page that is not there. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = true)
class SignInDuringOutagesTests {

    /** Longer than beacon.gateway.sign-in.probe-validity in the test profile: the next login probes again. */
    private static final long PROBE_FORGOTTEN_MS = 1_300;

    private static final int LIFETIME_S = 8;

    @OidcWireMock
    WireMockServer keycloak;

    @AfterEach
    void keycloakBack() throws InterruptedException {
        KeycloakStub.back(keycloak);
        Thread.sleep(PROBE_FORGOTTEN_MS);
    }

    @Test
    void aNewLoginWhileKeycloakIsDownIsABeaconPageNotAConnectionError() throws InterruptedException {
        KeycloakStub.down(keycloak);
        Thread.sleep(PROBE_FORGOTTEN_MS);
        given().redirects().follow(false).when().get("/training/courses")
                .then().statusCode(503)
                .header("Retry-After", "30")
                .contentType(containsString("text/html"))
                .body(containsString("Sign-in is unavailable for a moment"));
        given().redirects().follow(false).cookie("beacon-lang", "es").when().get("/login")
                .then().statusCode(503)
                .body(containsString("El inicio de sesión no está disponible"));

        KeycloakStub.back(keycloak);
        Thread.sleep(PROBE_FORGOTTEN_MS);
        given().redirects().follow(false).when().get("/training/courses")
                .then().statusCode(302)
                .header("Location", containsString("/realms/quarkus"));
    }

    @Test
    void aSignedInReaderWhoseTokenCannotBeRefreshedStaysSignedInAndGoesOnOnceKeycloakIsBack() throws Exception {
        // Tokens that expire soon (long enough for a slow machine to sign in and use them once).
        KeycloakStub.issues(keycloak, "authorization_code", Duration.ofSeconds(LIFETIME_S), "first");
        long issued = System.nanoTime();
        Map<String, String> session = signIn();
        given().redirects().follow(false).cookies(session).when().get("/training/courses")
                .then().statusCode(200)
                .body("headers.authorization", containsString("Bearer "));

        KeycloakStub.down(keycloak);
        Thread.sleep(Math.max(0, LIFETIME_S * 1000 + 500 - (System.nanoTime() - issued) / 1_000_000));
        Response unavailable;
        try (LogRecorder log = LogRecorder.start()) {
            unavailable = given().redirects().follow(false).cookies(session).when().get("/training/courses");
            assertEquals(List.of(), log.withTrace(IllegalStateException.class), "answered once, nothing in the log");
        }
        unavailable.then().statusCode(503)
                .header("Retry-After", "30")
                .body(containsString("Sign-in is unavailable for a moment"))
                .body(not(containsString("Exception")));
        List<String> cleared = unavailable.headers().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("q_session")).toList();
        assertEquals(List.of(), cleared, "the session cookie is kept");

        KeycloakStub.back(keycloak);
        KeycloakStub.issues(keycloak, "refresh_token", Duration.ofMinutes(5), "refreshed");
        Response refreshed = given().redirects().follow(false).cookies(session).when().get("/training/courses");
        refreshed.then().statusCode(200);
        String relayed = refreshed.jsonPath().getString("headers.authorization");
        assertTrue(payload(relayed).contains("\"refreshed\""), "the refreshed token is relayed: " + relayed);
        assertTrue(refreshed.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("q_session=")),
                "the new tokens are kept in the session");
    }

    /** The authorization code flow against the WireMock Keycloak, by hand: the session cookies it ends with. */
    private static Map<String, String> signIn() {
        Response toKeycloak = given().redirects().follow(false).when().get("/login");
        assertEquals(302, toKeycloak.statusCode());
        Map<String, String> query = query(URI.create(toKeycloak.header("Location")));
        Response back = given().redirects().follow(false).cookies(toKeycloak.cookies())
                .urlEncodingEnabled(false)
                .when().get(URI.create(java.net.URLDecoder.decode(query.get("redirect_uri"),
                        java.nio.charset.StandardCharsets.UTF_8)).getPath()
                        + "?state=" + query.get("state") + "&code=a-code");
        assertEquals(302, back.statusCode(), back.asString());
        Map<String, String> session = new HashMap<>();
        back.cookies().forEach((name, value) -> {
            if (name.startsWith("q_session") && !value.isEmpty()) {
                session.put(name, value);
            }
        });
        assertTrue(session.containsKey("q_session"), "signed in: " + back.headers());
        return session;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return parameters;
    }

    private static String payload(String bearer) {
        String jwt = bearer.substring("Bearer ".length());
        return new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
