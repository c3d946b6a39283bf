package org.beacon.commons.storage;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the bucket answers, at {@code /q/health/group/storage}. Deliberately not a readiness check: a service
 * whose store is away still serves every page without media (and answers media with 503), so taking it out of
 * rotation would turn a partial outage into a whole one. Checking also creates the bucket when it is missing.
 */
@HealthGroup("storage")
@ApplicationScoped
public class StorageHealth implements HealthCheck {

    @Inject
    ObjectStorage storage;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("object-storage").status(storage.isReachable()).build();
    }
}
