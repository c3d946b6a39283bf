package org.beacon.training.course;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A media file of a version under the name lessons link it by ({@code media/<fileName>}). */
@Entity
@Table(name = "version_media")
public class VersionMedia extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "version_id")
    public Long versionId;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "attachment_id")
    public Long attachmentId;

    public static List<VersionMedia> of(long versionId) {
        return list("versionId = ?1 order by fileName", versionId);
    }
}
