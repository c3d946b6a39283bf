package org.beacon.gateway.admin;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the admin pages read organizations and users, and how long they wait for it. */
@ConfigMapping(prefix = "beacon.admin")
public interface AdminConfig {

    Directory directory();

    /** How long the audit page waits for each service's entries. */
    @WithDefault("5S")
    Duration auditTimeout();

    /**
     * Keycloak's admin REST API, read as the {@code beacon-directory} service account (keycloak/README.md): the
     * realm's address (the one sign-in uses), the client and its secret.
     */
    interface Directory {
        String realmUrl();

        @WithDefault("beacon-directory")
        String clientId();

        /** Absent: the organizations page answers 503, the rest of the gateway works. */
        Optional<String> clientSecret();

        /** A Keycloak that does not answer within this is reported as unavailable (a 503 page), not waited for. */
        @WithDefault("3S")
        Duration timeout();
    }
}
