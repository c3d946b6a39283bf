package org.beacon.commons.web;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** The service's datasource hands out a working connection again. Applications without one never report it. */
@ApplicationScoped
public class DatabaseProbe implements DependencyProbe {

    @Inject
    Instance<DataSource> dataSource;

    @Override
    public Dependency dependency() {
        return Dependency.DATABASE;
    }

    @Override
    public boolean reachable() {
        if (!dataSource.isResolvable()) {
            return false;
        }
        try (Connection connection = dataSource.get().getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
