package org.beacon.commons.storage;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The database's record of a stored file: every service keeps one table of these in its own schema, with these
 * columns, so uploads are recorded and served back the same way everywhere.
 */
@MappedSuperclass
public abstract class MediaRecord extends PanacheEntityBase {

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

    public void record(StoredObject stored, String originalName, String uploader) {
        storageKey = stored.key();
        fileName = FileNames.forRecord(originalName);
        contentType = stored.contentType();
        sizeBytes = stored.size();
        uploadedBy = uploader;
    }

    public StoredObject stored() {
        return new StoredObject(storageKey, contentType, sizeBytes);
    }
}
