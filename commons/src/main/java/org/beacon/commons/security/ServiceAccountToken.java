package org.beacon.commons.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The access token of a Keycloak service account (client-credentials grant), asked for once and reused until shortly
 * before it expires: how the gateway's organizations page and training-service's trainee search read Keycloak's admin
 * API as the read-only {@code beacon-directory} account. Every way of failing (no secret configured, Keycloak away,
 * the client refused) is an {@link Unavailable}, which each caller reports as its own 503.
 */
public final class ServiceAccountToken {

    private final HttpClient http;
    private final ObjectMapper json;
    private final String realmUrl;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final Duration timeout;
    private String token;
    private Instant expires = Instant.MIN;

    public ServiceAccountToken(HttpClient http, ObjectMapper json, String realmUrl, String clientId,
            Optional<String> clientSecret, Duration timeout) {
        this.http = http;
        this.json = json;
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret.filter(secret -> !secret.isBlank());
        this.timeout = timeout;
    }

    /** Whether a secret is configured: without one no token can be asked for. */
    public boolean configured() {
        return clientSecret.isPresent();
    }

    /** A valid token, asked for when none is kept or the kept one is about to expire. */
    public synchronized String token() {
        if (token != null && Instant.now().isBefore(expires)) {
            return token;
        }
        String secret = clientSecret.orElseThrow(() -> new Unavailable(
                "No secret is configured for the " + clientId + " client.", null));
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(timeout).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("Keycloak does not answer at " + request.uri() + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while asking Keycloak for a token.", e);
        }
        if (response.statusCode() != 200) {
            throw new Unavailable("Keycloak answered " + response.statusCode() + " for the " + clientId
                    + " client's token (is it set up as keycloak/beacon-realm.json says?).", null);
        }
        try {
            JsonNode answer = json.readTree(response.body());
            token = answer.path("access_token").asText();
            // Renewed 10 s early, so a token never expires between being handed out and being used.
            expires = Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong(60) - 10));
            return token;
        } catch (IOException e) {
            throw new Unavailable("Keycloak's token answer is not JSON.", e);
        }
    }

    /** Drops the kept token, e.g. after Keycloak refused it (a restarted realm): the next call asks again. */
    public synchronized void forget() {
        token = null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The token cannot be had now; what the caller shows as "the directory is unavailable" (503). */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
