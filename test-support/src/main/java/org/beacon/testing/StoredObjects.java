package org.beacon.testing;

import java.util.stream.StreamSupport;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the service's bucket holds, read beside the service: a refused request must leave no file behind. */
public final class StoredObjects {

    private StoredObjects() {
    }

    /** The number of objects whose key starts with {@code prefix} in the configured bucket. */
    public static long count(String prefix) {
        Config config = ConfigProvider.getConfig();
        MinioClient client = MinioClient.builder()
                .endpoint(config.getValue("beacon.storage.endpoint", String.class))
                .credentials(config.getValue("beacon.storage.access-key", String.class),
                        config.getValue("beacon.storage.secret-key", String.class))
                .region(config.getOptionalValue("beacon.storage.region", String.class).orElse("us-east-1"))
                .build();
        return StreamSupport.stream(client.listObjects(ListObjectsArgs.builder()
                .bucket(config.getValue("beacon.storage.bucket", String.class)).prefix(prefix)
                .recursive(true).build()).spliterator(), false).count();
    }
}
