package org.beacon.commons.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where a service keeps its media: any S3 endpoint (MinIO in Kubernetes, s3proxy on a laptop or in CI). */
@ConfigMapping(prefix = "beacon.storage")
public interface StorageConfig {

    String endpoint();

    String accessKey();

    String secretKey();

    /** One bucket per service (PRODUCT.md §2). */
    String bucket();

    @WithDefault("us-east-1")
    String region();
}
