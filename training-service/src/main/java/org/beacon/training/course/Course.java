package org.beacon.training.course;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A course as trainees and reports know it: a stable slug, the sectors it is written for and an optional country
 * overlay. Its content lives in {@link CourseVersion}s; {@code title} and {@code status} mirror the current
 * published version so lists need no join.
 */
@Entity
public class Course extends PanacheEntityBase {

    /** The audiences of PRODUCT.md §3. */
    public static final List<String> SECTORS = List.of("police", "border", "labour-inspection", "prosecution",
            "judiciary", "social-services", "consular", "trainers");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    /** The first of {@link #sectors}, kept for the foundation's single-sector column. */
    public String sector;
    /** Comma-separated sectors. */
    public String sectors;
    public String country;
    @Column(name = "default_language")
    public String defaultLanguage;
    public String title;
    @Enumerated(EnumType.STRING)
    public VersionStatus status;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static List<Course> published() {
        return list("status = ?1 order by title", VersionStatus.published);
    }

    public static Optional<Course> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<String> sectorList() {
        return sectors == null || sectors.isBlank() ? List.of() : Arrays.asList(sectors.split(","));
    }

    public void assignSectors(List<String> list) {
        sectors = String.join(",", list);
        sector = list.get(0);
    }
}
