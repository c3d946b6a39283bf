package org.beacon.training.media;

import jakarta.persistence.Entity;
import org.beacon.commons.storage.MediaRecord;

/** A file in the training bucket: handout, image, audio or video attached to course material. */
@Entity
public class Attachment extends MediaRecord {
}
