package org.beacon.contentimport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls the services' import APIs as the {@code content-importer} service account (client-credentials grant), the
 * same way from the devstack and from the Kubernetes Job.
 */
public final class ContentClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String tokenUrl;
    private final String grant;
    private String token;
    private long tokenExpiresAt;

    private ContentClient(String keycloakUrl, String grant) {
        this.tokenUrl = keycloakUrl + "/realms/beacon/protocol/openid-connect/token";
        this.grant = grant;
    }

    /** A confidential client acting for itself (client-credentials grant): the content importer. */
    public static ContentClient serviceAccount(String keycloakUrl, String clientId, String clientSecret) {
        return new ContentClient(keycloakUrl, "grant_type=client_credentials&client_id=" + encode(clientId)
                + "&client_secret=" + encode(clientSecret));
    }

    /**
     * A demo user, through the password-grant client that only local and test realms have: the demo data goes
     * through the same four-eyes steps a real author and reviewer would take.
     */
    public static ContentClient demoUser(String keycloakUrl, String clientId, String clientSecret, String username,
            String password) {
        return new ContentClient(keycloakUrl, "grant_type=password&client_id=" + encode(clientId)
                + "&client_secret=" + encode(clientSecret) + "&username=" + encode(username) + "&password="
                + encode(password));
    }

    public Answer post(String url, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return send(request);
    }

    /** A POST without a body, as the workflow actions (submit, approve, open a wave) are. */
    public Answer post(String url) {
        return post(url, "application/json", new byte[0]);
    }

    public Answer postJson(String url, Object body) {
        try {
            return post(url, "application/json", JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + token()).header("Accept", "application/json").GET().build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            JsonNode body = bytes.length == 0 ? JSON.nullNode() : parse(bytes);
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private synchronized String token() {
        if (token == null || System.currentTimeMillis() > tokenExpiresAt) {
            Answer answer = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(grant)).build());
            if (!answer.ok()) {
                throw new IllegalStateException("Keycloak refused the token request: " + answer.body());
            }
            token = answer.body().path("access_token").asText();
            // Renew a little before expiry so a long import never sends a stale token.
            tokenExpiresAt = System.currentTimeMillis() + (answer.body().path("expires_in").asLong(60) - 20) * 1000;
        }
        return token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
