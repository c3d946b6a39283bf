package org.beacon.commons.storage;

/** The object store could not be reached or refused an operation; a server-side fault, never the user's. */
public class StorageFailure extends RuntimeException {

    public StorageFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
