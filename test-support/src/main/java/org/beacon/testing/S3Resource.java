package org.beacon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A throw-away S3 server (s3proxy, in-memory blobs) for one {@code @QuarkusTest} run. */
public class S3Resource implements QuarkusTestResourceLifecycleManager {

    private S3ProxyServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = S3ProxyServer.start(FreePort.find(), null, Files.createTempDirectory("beacon-s3proxy"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "beacon.storage.endpoint", server.endpoint(),
                "beacon.storage.access-key", S3ProxyServer.ACCESS_KEY,
                "beacon.storage.secret-key", S3ProxyServer.SECRET_KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
