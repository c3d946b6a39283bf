package org.beacon.commons.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A service whose bucket is unreachable cannot serve media, so it is not ready. */
@Readiness
@ApplicationScoped
public class StorageHealth implements HealthCheck {

    @Inject
    ObjectStorage storage;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("object-storage").status(storage.isReachable()).build();
    }
}
