package org.beacon.gateway;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the gateway protects itself and its readers when something around it fails or misbehaves: a service or
 * Keycloak that cannot be reached, slow or hostile clients, cross-site form posts.
 */
@ConfigMapping(prefix = "beacon.gateway")
public interface GatewayConfig {

    /** What a 503 tells the client: how long to wait before trying again. */
    @WithDefault("30S")
    Duration retryAfter();

    /** How long to wait for a service connection (a new one, or a free one from the pool) before answering 503. */
    @WithDefault("2S")
    Duration upstreamConnectTimeout();

    SignIn signIn();

    PublicCache publicCache();

    RequestBodies requestBodies();

    /** Open connections one client address may hold; the next ones are closed at once. */
    @WithDefault("32")
    int connectionsPerClient();

    interface SignIn {

        /** How long to wait for Keycloak before calling it unreachable: a login must not hang on it. */
        @WithDefault("2S")
        Duration probeTimeout();

        /** How long a probe's answer holds, so an outage costs Keycloak (and the log) one probe, not one per request. */
        @WithDefault("5S")
        Duration probeValidity();
    }

    /** See PublicPageCache. */
    interface PublicCache {

        /** At most this long, and never longer than the service's max-age; 0 turns the cache off. */
        @WithDefault("10")
        int maxSeconds();

        @WithDefault("200")
        int maxEntries();

        @WithDefault("131072")
        int maxPageBytes();
    }

    interface RequestBodies {

        /**
         * Bodies up to this size (every form and JSON request) are read completely before a service connection is
         * taken, so a client sending them slowly holds only its own connection, never one of the services'.
         */
        @WithDefault("256K")
        MemorySize bufferedLimit();

        /** A buffered body must have arrived completely within this time. */
        @WithDefault("10S")
        Duration deadline();

        /** A larger body (an upload) must arrive at least this fast on average, once the grace time has passed. */
        @WithDefault("8K")
        MemorySize minimumRatePerSecond();

        @WithDefault("10S")
        Duration grace();
    }
}
