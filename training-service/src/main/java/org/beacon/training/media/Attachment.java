package org.beacon.training.media;

import java.util.Optional;

import jakarta.persistence.Entity;
import org.beacon.commons.storage.MediaRecord;

/** A file in the training bucket: handout, image, audio or video attached to course material. */
@Entity
public class Attachment extends MediaRecord {

    /** SHA-256 of the bytes, set for imported files so that a re-import reuses them. */
    public String sha256;

    public static Optional<Attachment> withDigest(String sha256, String fileName) {
        return find("sha256 = ?1 and fileName = ?2", sha256, fileName).firstResultOptional();
    }

    /** A label for links: video and audio are linked, never embedded, so the reader sees what they will load. */
    public String kind() {
        String type = contentType == null ? "" : contentType;
        if (type.startsWith("video/")) {
            return "video";
        }
        if (type.startsWith("audio/")) {
            return "audio";
        }
        if (type.startsWith("image/")) {
            return "image";
        }
        return "pdf";
    }
}
