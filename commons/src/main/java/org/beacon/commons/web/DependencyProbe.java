package org.beacon.commons.web;

/**
 * Asks whether a dependency answers again. {@link Outages} runs it while that dependency is away, so that its
 * return is noticed (and logged, and buckets created) even when no request needs it.
 */
public interface DependencyProbe {

    Dependency dependency();

    /** Quick, bounded by the dependency's own timeouts; {@code false} rather than an exception. */
    boolean reachable();
}
