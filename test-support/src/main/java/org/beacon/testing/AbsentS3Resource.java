package org.beacon.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An S3 endpoint where nothing listens yet, so the service starts while its object store is away. The test starts
 * and stops the server on that port itself ({@link #start()}, {@link S3ProxyServer#close()}) to take the store away
 * and bring it back.
 */
public class AbsentS3Resource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "beacon.storage.endpoint", "http://127.0.0.1:" + FreePort.find(),
                "beacon.storage.access-key", S3ProxyServer.ACCESS_KEY,
                "beacon.storage.secret-key", S3ProxyServer.SECRET_KEY);
    }

    @Override
    public void stop() {
    }
}
