package org.beacon.commons.storage;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's bucket, through the MinIO client. The bucket is created at start when missing so that a fresh
 * install needs no manual step.
 */
@Startup
@ApplicationScoped
public class ObjectStorage {

    private static final Logger LOG = Logger.getLogger(ObjectStorage.class);

    /** Any S3 endpoint: MinIO in Kubernetes, s3proxy on a laptop or in CI. */
    @ConfigProperty(name = "beacon.storage.endpoint")
    String endpoint;

    @ConfigProperty(name = "beacon.storage.access-key")
    String accessKey;

    @ConfigProperty(name = "beacon.storage.secret-key")
    String secretKey;

    /** One bucket per service (PRODUCT.md §2). */
    @ConfigProperty(name = "beacon.storage.bucket")
    String bucket;

    @ConfigProperty(name = "beacon.storage.region", defaultValue = "us-east-1")
    String region;

    private MinioClient client;

    @PostConstruct
    void connect() {
        client = MinioClient.builder()
                .endpoint(endpoint)
                .credentials(accessKey, secretKey)
                .region(region)
                .build();
        ensureBucket();
    }

    void ensureBucket() {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                LOG.infof("Created bucket %s", bucket);
            }
        } catch (Exception e) {
            throw new StorageFailure("Cannot reach bucket " + bucket + " at " + endpoint, e);
        }
    }

    public boolean isReachable() {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            return false;
        }
    }

    public StoredObject put(String key, InputStream content, long size, String contentType) {
        try {
            client.putObject(PutObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .stream(content, size, -1)
                    .contentType(contentType)
                    .build());
            return new StoredObject(key, contentType, size);
        } catch (Exception e) {
            throw new StorageFailure("Cannot store " + key, e);
        }
    }

    public Optional<StoredObject> stat(String key) {
        try {
            StatObjectResponse stat = client.statObject(
                    StatObjectArgs.builder().bucket(bucket).object(key).build());
            return Optional.of(new StoredObject(key, stat.contentType(), stat.size()));
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchObject".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw new StorageFailure("Cannot read " + key, e);
        } catch (Exception e) {
            throw new StorageFailure("Cannot read " + key, e);
        }
    }

    /** The object's bytes as a stream; the caller closes it (JAX-RS does when it is the response entity). */
    public InputStream open(String key) {
        try {
            return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw new StorageFailure("Cannot read " + key, e);
        }
    }

    public String presignedUrl(String key, Duration validity) {
        try {
            return client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.GET)
                    .bucket(bucket)
                    .object(key)
                    .expiry((int) validity.toSeconds())
                    .build());
        } catch (Exception e) {
            throw new StorageFailure("Cannot sign " + key, e);
        }
    }

    public void remove(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw new StorageFailure("Cannot remove " + key, e);
        }
    }
}
