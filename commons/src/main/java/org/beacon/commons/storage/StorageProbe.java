package org.beacon.commons.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.commons.web.Dependency;
import org.beacon.commons.web.DependencyProbe;

/** Asked while the store is away; its first success also creates the bucket. */
@ApplicationScoped
public class StorageProbe implements DependencyProbe {

    @Inject
    ObjectStorage storage;

    @Override
    public Dependency dependency() {
        return Dependency.OBJECT_STORAGE;
    }

    @Override
    public boolean reachable() {
        return storage.isReachable();
    }
}
