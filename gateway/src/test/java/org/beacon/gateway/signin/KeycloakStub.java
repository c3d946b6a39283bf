package org.beacon.gateway.signin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import java.time.Duration;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.smallrye.jwt.build.Jwt;

/**
 * Turns the WireMock Keycloak of the OIDC test server off and on (every address resets the connection, as a
 * Keycloak that is down does) and issues tokens with a chosen lifetime. The stubs added here outrank the test
 * server's own (priority 1), and removing them restores its behaviour.
 */
final class KeycloakStub {

    static final int OVERRIDE = 1;

    private KeycloakStub() {
    }

    static MappingBuilder down() {
        return any(anyUrl()).atPriority(OVERRIDE).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    static void down(WireMockServer keycloak) {
        keycloak.stubFor(down());
    }

    static void back(WireMockServer keycloak) {
        keycloak.getStubMappings().stream().filter(stub -> stub.getPriority() != null && stub.getPriority() == OVERRIDE)
                .toList().forEach(keycloak::removeStub);
    }

    /** The token endpoint answers {@code grant} with tokens for alice that expire after {@code lifetime}. */
    static void issues(WireMockServer keycloak, String grant, Duration lifetime, String accessTokenMarker) {
        keycloak.stubFor(post("/auth/realms/quarkus/token").atPriority(OVERRIDE)
                .withRequestBody(containing("grant_type=" + grant))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"access_token": "%s", "refresh_token": "07e08903-1263-4dd1-9fd1-4a59b0db5283",
                         "id_token": "%s", "expires_in": %d}
                        """.formatted(token(lifetime, "https://server.example.com", accessTokenMarker),
                        token(lifetime, "quarkus-web-app", accessTokenMarker), lifetime.toSeconds()))));
    }

    private static String token(Duration lifetime, String audience, String marker) {
        return Jwt.preferredUserName("alice").groups(Set.of("trainee")).issuer("https://server.example.com")
                .audience(audience).subject("123456").claim("sid", "session-id").claim("marker", marker)
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of("trainee")))
                .expiresIn(lifetime).jws().keyId("1").sign("privateKey.jwk");
    }
}
