package org.beacon.commons.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Accepting a media upload and serving it back, the same way in every service: validated by {@link UploadPolicy},
 * stored under a random key (so a file name never becomes a path), streamed back with its type and cache headers.
 */
@ApplicationScoped
public class MediaUploads {

    @Inject
    ObjectStorage storage;

    @ConfigProperty(name = "beacon.uploads.max-bytes", defaultValue = "52428800")
    long maxBytes;

    public StoredObject store(String keyPrefix, FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null) {
            throw ProblemException.badRequest("Attach the file in the form field 'file'.");
        }
        String type = UploadPolicy.media(maxBytes).check(upload.contentType(), upload.uploadedFile());
        String key = keyPrefix + "/" + UUID.randomUUID();
        try (InputStream in = Files.newInputStream(upload.uploadedFile())) {
            return storage.put(key, in, upload.size(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
