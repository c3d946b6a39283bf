package org.beacon.training.media;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.beacon.commons.storage.StoredObject;

/** A file in the training bucket (handout, image, audio or video), known to the database by its random key. */
@Entity
public class Attachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "storage_key")
    public String storageKey;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at", insertable = false, updatable = false)
    public OffsetDateTime uploadedAt;

    public StoredObject stored() {
        return new StoredObject(storageKey, contentType, sizeBytes);
    }
}
