package org.beacon.campaign.material;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.beacon.campaign.campaign.Campaign;
import org.beacon.campaign.review.Review;
import org.beacon.campaign.review.ReviewStatus;
import org.beacon.campaign.media.Media;
import org.beacon.commons.web.Reason;

/**
 * A material in one language: text (Markdown, stored with its sanitized HTML) and/or a file. Numbered per
 * language; a published variant is never changed, the next one replaces it once reviewed.
 */
@Entity
@Table(name = "material_variant")
public class MaterialVariant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "material_id")
    public Material material;
    public String language;
    public int number;
    public String title;
    @Column(name = "body_markdown")
    public String bodyMarkdown = "";
    @Column(name = "body_html")
    public String bodyHtml = "";
    @ManyToOne
    @JoinColumn(name = "media_id")
    public Media media;
    @Column(name = "translation_status")
    public TranslationStatus translationStatus;
    @Embedded
    public Review review;

    public static List<MaterialVariant> of(Material material) {
        return list("material = ?1 order by language, number desc", material);
    }

    public static Optional<MaterialVariant> open(Material material, String language) {
        return find("material = ?1 and language = ?2 and review.status in ?3", material, language,
                List.of(ReviewStatus.draft, ReviewStatus.in_review)).firstResultOptional();
    }

    public static Optional<MaterialVariant> published(Material material, String language) {
        return find("material = ?1 and language = ?2 and review.status = ?3", material, language, ReviewStatus.published)
                .firstResultOptional();
    }

    public static Optional<MaterialVariant> newest(Material material, String language) {
        return find("material = ?1 and language = ?2 order by number desc", material, language).firstResultOptional();
    }

    public static List<MaterialVariant> inReview() {
        return list("review.status = ?1 order by review.submittedAt", ReviewStatus.in_review);
    }

    /** What a reader of a published campaign sees in a language, in the campaign's material order. */
    public static List<MaterialVariant> publishedIn(Campaign campaign, String language) {
        return list("material.campaign = ?1 and language = ?2 and review.status = ?3"
                + " order by material.position, material.id", campaign, language, ReviewStatus.published);
    }

    /** Every published variant of a campaign, in its material order: what its public pages choose from. */
    public static List<MaterialVariant> publishedOf(Campaign campaign) {
        return list("material.campaign = ?1 and review.status = ?2 order by material.position, material.id, language",
                campaign, ReviewStatus.published);
    }

    /** Whether a file may be served publicly: it belongs to a published variant of a published campaign. */
    public static boolean isPublicMedia(long mediaId) {
        return count("media.id = ?1 and review.status = ?2 and material.campaign.status = ?3", mediaId,
                ReviewStatus.published, ReviewStatus.published) > 0;
    }

    /** What a refusal names: this variant, in the reader's language. */
    public Reason subject() {
        return Reason.of("material.variant-subject", language, number, material.slug, material.campaign.slug);
    }
}
