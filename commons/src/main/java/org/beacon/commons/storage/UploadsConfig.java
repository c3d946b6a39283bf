package org.beacon.commons.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on files users upload, the same in every service ({@code beacon.uploads.*}). */
@ConfigMapping(prefix = "beacon.uploads")
public interface UploadsConfig {

    /** The largest media file accepted, in bytes (50 MiB). */
    @WithDefault("52428800")
    long maxBytes();
}
