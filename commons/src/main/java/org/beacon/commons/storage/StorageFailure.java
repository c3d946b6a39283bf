package org.beacon.commons.storage;

import org.beacon.commons.web.Dependency;
import org.beacon.commons.web.DependencyFailure;

/** The object store could not be reached or refused an operation; a server-side fault, never the user's. */
public class StorageFailure extends DependencyFailure {

    public StorageFailure(String message, Throwable cause) {
        super(Dependency.OBJECT_STORAGE, message, cause);
    }
}
