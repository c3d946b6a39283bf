package org.beacon.campaign.campaign;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Campaign extends PanacheEntityBase {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String slug;
    public String organization;
    @Column(name = "default_language")
    public String defaultLanguage;
    public String title;
    public String status;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static List<Campaign> ofOrganization(String organization) {
        return list("organization = ?1 order by createdAt desc", organization);
    }

    public static List<Campaign> all() {
        return list("order by createdAt desc");
    }

    public static List<Campaign> published() {
        return list("status = ?1 order by title", PUBLISHED);
    }

    public static Optional<Campaign> publishedBySlug(String slug) {
        return find("slug = ?1 and status = ?2", slug, PUBLISHED).firstResultOptional();
    }
}
