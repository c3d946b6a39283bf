package org.beacon.gateway.admin;

/** Keycloak's admin API could not be read: not answering, refusing the service account, or answering nonsense. */
public class DirectoryUnavailable extends RuntimeException {

    public DirectoryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public DirectoryUnavailable(String message) {
        super(message);
    }
}
