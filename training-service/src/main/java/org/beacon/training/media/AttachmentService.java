package org.beacon.training.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.security.Roles;
import org.beacon.commons.storage.MediaUploads;
import org.beacon.commons.storage.ObjectStorage;
import org.beacon.commons.storage.StoredObject;
import org.beacon.commons.storage.UploadPolicy;
import org.beacon.commons.storage.UploadsConfig;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@ApplicationScoped
public class AttachmentService {

    /** Media types by file extension, for files that arrive inside a course package rather than a form. */
    public static final Map<String, String> TYPES_BY_EXTENSION = Map.of("pdf", "application/pdf", "png", "image/png",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif", "webp", "image/webp", "mp3", "audio/mpeg",
            "ogg", "audio/ogg", "mp4", "video/mp4", "webm", "video/webm");

    @Inject
    MediaUploads uploads;

    @Inject
    ObjectStorage storage;

    @Inject
    CurrentUser user;

    @Inject
    MediaStudy study;

    @Inject
    UploadsConfig uploadsConfig;

    /**
     * Validates and stores the file first: a refused upload leaves neither a row nor an object behind. Called
     * inside a larger change (a lesson's attachment), the object goes again if that change fails.
     */
    @Transactional
    public Attachment upload(FileUpload file) {
        Attachment attachment = new Attachment();
        // The name is recorded as FileNames.forRecord keeps it: shortened, and without what could reorder it.
        attachment.record(uploads.store("attachments", file), file.fileName(), user.subject());
        attachment.persist();
        return attachment;
    }

    /**
     * Checks a file of a course package by its extension and content, the same rules as a form upload.
     *
     * @return the media type
     */
    public String check(String fileName, Path file) {
        String extension = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1) : "";
        String type = TYPES_BY_EXTENSION.get(extension.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw ProblemException.badRequest(Reason.of("media.kind-refused", fileName,
                    String.join(", ", TYPES_BY_EXTENSION.keySet().stream().sorted().toList())));
        }
        try {
            return UploadPolicy.media(uploadsConfig.maxBytes()).check(type, file);
        } catch (ProblemException e) {
            throw new ProblemException(e.status(), e.title(), Reason.of("media.file-refused", fileName,
                    e.reason() != null ? e.reason() : e.getMessage()));
        }
    }

    /** Stores a checked file, or reuses the stored object when the same file was stored before. */
    @Transactional
    public Attachment storeChecked(String fileName, Path file, String type, String sha256) {
        return Attachment.withDigest(sha256, fileName).orElseGet(() -> {
            StoredObject stored;
            try (InputStream in = Files.newInputStream(file)) {
                stored = uploads.removedOnRollback(
                        storage.put("attachments/" + UUID.randomUUID(), in, Files.size(file), type));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Attachment attachment = new Attachment();
            attachment.record(stored, fileName, user.subject());
            attachment.sha256 = sha256;
            attachment.persist();
            return attachment;
        });
    }

    public Attachment find(long id) {
        Attachment attachment = Attachment.findById(id);
        if (attachment == null) {
            throw ProblemException.notFound(Reason.of("media.not-found", String.valueOf(id)));
        }
        return attachment;
    }

    /**
     * The attachment if the caller may download it. Authors (writers and reviewers) and admins read every file,
     * drafts included. Trainees and trainers read only the media of a version they are enrolled in or that is
     * published: files of a draft may be unreviewed, and ids are sequential, so anyone could try them all.
     */
    public Attachment readable(long id) {
        Attachment attachment = find(id);
        if (user.hasRole(Roles.AUTHOR) || user.isAdmin()) {
            return attachment;
        }
        boolean studied = (user.hasRole(Roles.TRAINEE) || user.hasRole(Roles.TRAINER))
                && study.studies(user.subject(), id);
        if (!studied) {
            throw ProblemException.forbidden(Reason.of("detail.file-not-yours"));
        }
        return attachment;
    }
}
