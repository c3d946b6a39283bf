package org.beacon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Takes a real dependency of the service under test away and brings it back, for the tests of what users get
 * meanwhile. The test resources run in the test's class loader, so the test reaches the servers they started.
 */
public final class Outage {

    private Outage() {
    }

    /** Starts s3proxy (empty, in memory) on the port of the configured {@code beacon.storage.endpoint}. */
    public static S3ProxyServer startS3() {
        int port = URI.create(ConfigProvider.getConfig().getValue("beacon.storage.endpoint", String.class)).getPort();
        try {
            return S3ProxyServer.start(port, null, Files.createTempDirectory("beacon-s3proxy"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the PostgreSQL of {@link StoppablePostgresResource} while the service keeps running, the way an operator
     * would: a fast shutdown that ends the pool's connections.
     */
    public static void stopPostgres() {
        StoppablePostgresResource.stopServer();
    }

    /** Starts the same database again, on the same port and data. */
    public static void startPostgres() {
        StoppablePostgresResource.startServer();
    }
}
