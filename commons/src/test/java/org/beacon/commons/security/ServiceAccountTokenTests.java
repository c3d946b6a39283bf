package org.beacon.commons.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service account's token against a token endpoint that counts its grants and can refuse them. */
class ServiceAccountTokenTests {

    private HttpServer server;
    private final AtomicInteger grants = new AtomicInteger();
    private volatile int status = 200;
    private volatile String lastForm;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/realms/beacon/protocol/openid-connect/token", exchange -> {
            lastForm = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] body = ("{\"access_token\":\"token-" + grants.incrementAndGet() + "\",\"expires_in\":300}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ServiceAccountToken account(Optional<String> secret) {
        return new ServiceAccountToken(HttpClient.newHttpClient(), new ObjectMapper(),
                "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/beacon", "beacon-directory", secret,
                Duration.ofSeconds(2));
    }

    @Test
    void aTokenIsAskedForOnceAndKeptUntilForgotten() {
        ServiceAccountToken account = account(Optional.of("s3cret&more"));
        assertTrue(account.configured());
        assertEquals("token-1", account.token());
        assertEquals("token-1", account.token(), "kept while valid");
        assertEquals(1, grants.get());
        assertTrue(lastForm.contains("grant_type=client_credentials") && lastForm.contains("client_secret=s3cret%26more"),
                lastForm);
        account.forget();
        assertEquals("token-2", account.token(), "asked for again after Keycloak refused the kept one");
    }

    @Test
    void noSecretARefusedClientOrKeycloakAwayAreUnavailableNeverAnotherError() {
        ServiceAccountToken unconfigured = account(Optional.of(" "));
        assertFalse(unconfigured.configured());
        assertThrows(ServiceAccountToken.Unavailable.class, unconfigured::token);
        assertEquals(0, grants.get(), "nothing asked without a secret");

        status = 401;
        ServiceAccountToken refused = account(Optional.of("wrong"));
        ServiceAccountToken.Unavailable error = assertThrows(ServiceAccountToken.Unavailable.class, refused::token);
        assertTrue(error.getMessage().contains("401"), error.getMessage());

        server.stop(0);
        assertThrows(ServiceAccountToken.Unavailable.class, refused::token);
    }
}
