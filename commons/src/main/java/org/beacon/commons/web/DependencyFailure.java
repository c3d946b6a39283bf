package org.beacon.commons.web;

/**
 * A dependency could not be reached or refused an operation: the server's circumstance, never the user's fault,
 * answered with 503 and {@code Retry-After}. The client of each dependency throws its own subclass (object storage's
 * {@code StorageFailure}), so that this package answers outages without knowing the clients.
 */
public abstract class DependencyFailure extends RuntimeException {

    private final Dependency dependency;

    protected DependencyFailure(Dependency dependency, String message, Throwable cause) {
        super(message, cause);
        this.dependency = dependency;
    }

    public Dependency dependency() {
        return dependency;
    }
}
