package org.beacon.training.cohort;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Keycloak's admin API as trainers' trainee search reads it: the realm, and the read-only service account
 * ({@code beacon-directory}, realm-management {@code view-users} only; keycloak/README.md). Without a secret the
 * search knows only the trainees who have signed in once.
 */
@ConfigMapping(prefix = "beacon.trainee-directory")
public interface TraineeDirectoryConfig {

    /** The realm's address, {@code http://…/realms/beacon}. */
    String realmUrl();

    @WithDefault("beacon-directory")
    String clientId();

    Optional<String> clientSecret();

    /** How long a request to Keycloak may take before the page says it cannot be read (503). */
    @WithDefault("3S")
    Duration timeout();
}
