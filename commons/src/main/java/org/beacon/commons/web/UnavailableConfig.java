package org.beacon.commons.web;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service answers while a dependency is away. */
@ConfigMapping(prefix = "beacon.unavailable")
public interface UnavailableConfig {

    /**
     * Sent as {@code Retry-After}: long enough that clients and the gateway do not hammer a service that is
     * waiting for its database, short enough that a reader who tries again soon after it is back succeeds.
     */
    @WithDefault("10S")
    Duration retryAfter();
}
