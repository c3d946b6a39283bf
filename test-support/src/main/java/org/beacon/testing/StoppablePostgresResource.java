package org.beacon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A PostgreSQL the test can stop and start again while the service runs ({@link Outage}), on a data directory
 * of its own so that the restarted server has the service's schema and data.
 */
public class StoppablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer postgres;
    private static int port;
    private static Path dataDirectory;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("beacon-postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = FreePort.find();
        postgres = PostgresServer.start(port, dataDirectory);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl("postgres"),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    static synchronized void stopServer() {
        if (postgres == null) {
            throw new IllegalStateException("No stoppable PostgreSQL runs in this class loader");
        }
        postgres.close();
        postgres = null;
    }

    static synchronized void startServer() {
        if (postgres == null) {
            postgres = PostgresServer.start(port, dataDirectory);
        }
    }

    static int port() {
        return port;
    }

    @Override
    public synchronized void stop() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        // The data directory was kept across restarts; nothing needs it now.
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: left for the system to clean
        }
    }
}
