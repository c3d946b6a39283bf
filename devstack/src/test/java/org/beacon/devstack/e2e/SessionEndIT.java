package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.beacon.devstack.Stack;
import org.junit.jupiter.api.Test;

/**
 * Tokens end with the session (issue 10, point 8), against the real Keycloak with the versioned realm: an access
 * token lives at most 60 s, signing out ends the refresh token at once, and a copied access token is refused by the
 * service within its short lifetime. The gateway refreshes a signed-in reader's token in its last 10 s, so the short
 * life costs readers nothing (gateway/README.md).
 */
class SessionEndIT {

    private static final Duration LONGEST_LIFE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCopiedAccessTokenStopsWorkingWithinAMinuteOfSignOut() throws Exception {
        Stack stack = E2EStack.get();
        String openIdConnect = stack.keycloakUrl() + "/realms/beacon/protocol/openid-connect";
        String client = "client_id=beacon-tests&client_secret=" + encode(stack.testClientSecret());

        JsonNode tokens = json.readTree(post(openIdConnect + "/token",
                client + "&grant_type=password&username=trainee&password=beacon-demo").body());
        String access = tokens.path("access_token").asText();
        String refresh = tokens.path("refresh_token").asText();
        assertTrue(tokens.path("expires_in").asLong() <= LONGEST_LIFE.toSeconds(),
                "access tokens live at most 60 s: " + tokens.path("expires_in"));
        String enrolments = stack.trainingUrl() + "/training/api/enrolments";
        assertEquals(200, get(enrolments, access), "the token works while the session lasts");

        Instant signedOut = Instant.now();
        assertEquals(204, post(openIdConnect + "/logout", client + "&refresh_token=" + encode(refresh)).statusCode());
        assertEquals(400, post(openIdConnect + "/token", client + "&grant_type=refresh_token&refresh_token="
                + encode(refresh)).statusCode(), "sign-out ends the refresh token at once");

        int status = 200;
        while (status == 200 && Duration.between(signedOut, Instant.now()).compareTo(LONGEST_LIFE.plusSeconds(10)) < 0) {
            Thread.sleep(2000);
            status = get(enrolments, access);
        }
        assertEquals(401, status, "the copied token is refused within its lifetime after sign-out");
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
