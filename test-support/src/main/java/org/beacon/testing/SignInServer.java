package org.beacon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.JsonWebKey;

/**
 * A stand-in for Keycloak's realm endpoints a service reads (discovery and keys), publishing the key of
 * {@link TestTokens}, so a test can take the sign-in server away and bring it back ({@link Resource} leaves it
 * away at start).
 */
public final class SignInServer implements AutoCloseable {

    private final HttpServer server;

    private SignInServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on the port of the configured {@code quarkus.oidc.auth-server-url}. */
    public static SignInServer start() {
        URI realm = URI.create(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class));
        RsaJsonWebKey key = new RsaJsonWebKey((RSAPublicKey) TestTokens.publicKey());
        key.setKeyId("test-key");
        key.setAlgorithm("RS256");
        key.setUse("sig");
        String keys = "{\"keys\":[" + key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}";
        String discovery = """
                {"issuer":"%s","jwks_uri":"%s/protocol/openid-connect/certs",
                 "token_endpoint":"%s/protocol/openid-connect/token",
                 "authorization_endpoint":"%s/protocol/openid-connect/auth"}
                """.formatted(TestTokens.ISSUER, realm, realm, realm);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", realm.getPort()), 16);
            Map.of(realm.getPath() + "/.well-known/openid-configuration", discovery,
                    realm.getPath() + "/protocol/openid-connect/certs", keys)
                    .forEach((path, body) -> server.createContext(path, exchange -> {
                        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().set("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, bytes.length);
                        exchange.getResponseBody().write(bytes);
                        exchange.close();
                    }));
            server.start();
            return new SignInServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The service verifies tokens through discovery at a port where nothing answers yet. */
    public static class Resource implements io.quarkus.test.common.QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of(
                    "quarkus.oidc.auth-server-url", "http://127.0.0.1:" + FreePort.find() + "/realms/beacon",
                    "quarkus.oidc.token.audience", TestTokens.AUDIENCE);
        }

        @Override
        public void stop() {
        }
    }
}
