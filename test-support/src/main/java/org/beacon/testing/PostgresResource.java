package org.beacon.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A fresh PostgreSQL for one {@code @QuarkusTest} run; Flyway creates the service's schema in it. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer postgres;

    @Override
    public Map<String, String> start() {
        postgres = PostgresServer.start(FreePort.find(), null);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl("postgres"),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
