package org.beacon.campaign.campaign;

import java.time.OffsetDateTime;
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
import org.beacon.campaign.review.ReviewStatus;

/**
 * A campaign's identity: its public address, its owning organization and a summary of its versions. Its content
 * lives in {@link CampaignVersion}s so that surveys, materials and links keep pointing at the same campaign while
 * its text is revised and reviewed.
 */
@Entity
public class Campaign extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String slug;
    public String organization;
    /** Default language of the newest version. */
    @Column(name = "default_language")
    public String defaultLanguage;
    /** Title of the newest version in its default language. */
    public String title;
    /** "published" while a version is on the public page, otherwise the newest version's status. */
    @Enumerated(EnumType.STRING)
    public ReviewStatus status;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static List<Campaign> ofOrganization(String organization) {
        return list("organization = ?1 order by createdAt desc", organization);
    }

    public static List<Campaign> all() {
        return list("order by createdAt desc");
    }

    public static List<Campaign> published() {
        return list("status = ?1 order by title", ReviewStatus.published);
    }

    public static Optional<Campaign> publishedBySlug(String slug) {
        return find("slug = ?1 and status = ?2", slug, ReviewStatus.published).firstResultOptional();
    }

    public static Optional<Campaign> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public boolean isPublished() {
        return status == ReviewStatus.published;
    }

    /** Keeps the summary in step with the versions after any change to them. */
    void summarize(CampaignVersion newest, boolean anyPublished) {
        CampaignTranslation main = newest.translation(newest.defaultLanguage);
        defaultLanguage = newest.defaultLanguage;
        if (main != null) {
            title = main.title;
        }
        status = anyPublished ? ReviewStatus.published : newest.review.status;
        updatedAt = OffsetDateTime.now();
    }
}
