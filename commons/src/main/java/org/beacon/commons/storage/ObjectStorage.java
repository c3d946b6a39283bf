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
import jakarta.inject.Inject;
import org.beacon.commons.web.Dependency;
import org.beacon.commons.web.Outages;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's bucket, through the MinIO client. The bucket is created when missing so that a fresh install needs
 * no manual step: at start if the store answers, else as soon as it does (first use, or the outage probe). The
 * store is not a start-up dependency: a service whose store is away starts and serves everything but media.
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

    @Inject
    StorageTimeouts timeouts;

    @Inject
    Outages outages;

    private MinioClient client;

    /** Set once the bucket is known to exist; cleared when the store says it does not (a store set up afresh). */
    private volatile boolean bucketReady;

    @PostConstruct
    void connect() {
        client = MinioClient.builder()
                .endpoint(endpoint)
                .credentials(accessKey, secretKey)
                .region(region)
                .build();
        client.setTimeout(timeouts.connect().toMillis(), timeouts.transfer().toMillis(),
                timeouts.transfer().toMillis());
        try {
            ensureBucket();
        } catch (StorageFailure e) {
            outages.failed(Dependency.OBJECT_STORAGE, e);
        }
    }

    /** Synchronized: the outage probe and the first upload after an outage would otherwise both create it. */
    private synchronized void ensureBucket() {
        if (bucketReady) {
            return;
        }
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                LOG.infof("Created bucket %s", bucket);
            }
            bucketReady = true;
        } catch (ErrorResponseException e) {
            // Another replica created it between our check and our request: it is there, which is all we need.
            if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                throw new StorageFailure("Cannot reach bucket " + bucket + " at " + endpoint, e);
            }
            bucketReady = true;
        } catch (Exception e) {
            throw new StorageFailure("Cannot reach bucket " + bucket + " at " + endpoint, e);
        }
    }

    /** Whether the bucket answers (creating it if the store has none); for the health check and outage probe. */
    public boolean isReachable() {
        try {
            bucketReady = false;
            ensureBucket();
            outages.recovered(Dependency.OBJECT_STORAGE);
            return true;
        } catch (StorageFailure e) {
            return false;
        }
    }

    public StoredObject put(String key, InputStream content, long size, String contentType) {
        ensureBucket();
        try {
            client.putObject(PutObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .stream(content, size, -1)
                    .contentType(contentType)
                    .build());
            outages.recovered(Dependency.OBJECT_STORAGE);
            return new StoredObject(key, contentType, size);
        } catch (ErrorResponseException e) {
            if ("NoSuchBucket".equals(e.errorResponse().code())) {
                // The store came back empty; the next upload creates the bucket again.
                bucketReady = false;
            }
            throw new StorageFailure("Cannot store " + key, e);
        } catch (Exception e) {
            throw new StorageFailure("Cannot store " + key, e);
        }
    }

    public Optional<StoredObject> stat(String key) {
        try {
            StatObjectResponse stat = client.statObject(
                    StatObjectArgs.builder().bucket(bucket).object(key).build());
            outages.recovered(Dependency.OBJECT_STORAGE);
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
            InputStream stream = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
            outages.recovered(Dependency.OBJECT_STORAGE);
            return stream;
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
