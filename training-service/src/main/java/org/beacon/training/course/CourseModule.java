package org.beacon.training.course;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A module of one course version: an ordered group of lessons closed by a knowledge check. */
@Entity
@Table(name = "course_module")
public class CourseModule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "version_id")
    public Long versionId;
    public int position;
    public String slug;

    public static List<CourseModule> of(long versionId) {
        return list("versionId = ?1 order by position", versionId);
    }
}
