package org.beacon.commons.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.web.ProblemException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Accepting a media upload and serving it back, the same way in every service: validated by {@link UploadPolicy},
 * stored under a random key (so a file name never becomes a path), streamed back with its type and cache headers.
 */
@ApplicationScoped
public class MediaUploads {

    private static final Logger LOG = Logger.getLogger(MediaUploads.class);

    @Inject
    ObjectStorage storage;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    UploadsConfig uploadsConfig;

    public StoredObject store(String keyPrefix, FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null) {
            throw ProblemException.badRequest("Attach the file in the form field 'file'.");
        }
        String type = UploadPolicy.media(uploadsConfig.maxBytes()).check(upload.contentType(), upload.uploadedFile());
        String key = keyPrefix + "/" + UUID.randomUUID();
        try (InputStream in = Files.newInputStream(upload.uploadedFile())) {
            return removedOnRollback(storage.put(key, in, upload.size(), type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Object storage is not part of the database transaction: an object stored by a change that then fails (the
     * row that would point to it refused by the database, an import with an error further on, an upload to a
     * lesson that does not exist) is removed when the transaction rolls back, so no refused upload leaves a file
     * behind. Outside a transaction there is nothing to wait for.
     */
    public StoredObject removedOnRollback(StoredObject stored) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return stored;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    try {
                        storage.remove(stored.key());
                    } catch (StorageFailure e) {
                        LOG.warnf("The object %s of a failed upload could not be removed: %s", stored.key(),
                                e.getMessage());
                    }
                }
            }
        });
        return stored;
    }

    /**
     * Streams a stored object. Keys are never reused, so the bytes behind a URL never change and may be cached
     * for long; {@code private} because media of unpublished drafts must not sit in shared caches.
     */
    public Response download(StoredObject object, String fileName, boolean publicMedia) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(publicMedia ? 86400 : 3600);
        cache.setPrivate(!publicMedia);
        String safeName = fileName == null ? "file" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(storage.open(object.key()), object.contentType())
                .header("Content-Length", object.size())
                .header("Content-Disposition", "inline; filename=\"" + safeName + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(cache)
                .build();
    }
}
