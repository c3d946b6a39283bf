package org.beacon.commons.storage;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long a request waits for object storage. The MinIO client's own defaults (5 minutes) would hold a reader,
 * and a worker thread, for minutes when the store hangs instead of refusing connections.
 */
@ConfigMapping(prefix = "beacon.storage.timeouts")
public interface StorageTimeouts {

    /** Opening a connection: a store that is there answers within milliseconds on the same network. */
    @WithDefault("2S")
    Duration connect();

    /**
     * One read or write on an open connection (not a whole transfer): a 50 MB upload or download is many of
     * them, so this bounds a stalled store, not a large file.
     */
    @WithDefault("20S")
    Duration transfer();
}
