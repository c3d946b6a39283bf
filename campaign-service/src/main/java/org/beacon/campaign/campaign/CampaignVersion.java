package org.beacon.campaign.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.beacon.campaign.review.Review;
import org.beacon.campaign.review.ReviewStatus;
import org.beacon.commons.web.Reason;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One reviewed state of a campaign's content: texts per language, audience, places, channels and period. */
@Entity
@Table(name = "campaign_version")
public class CampaignVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "campaign_id")
    public Campaign campaign;
    public int number;
    @Column(name = "default_language")
    public String defaultLanguage;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups")
    public List<String> targetGroups = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> channels = new ArrayList<>();
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @Embedded
    public Review review;
    @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<CampaignTranslation> translations = new ArrayList<>();
    @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<CampaignPlace> places = new ArrayList<>();

    public static List<CampaignVersion> of(Campaign campaign) {
        return list("campaign = ?1 order by number desc", campaign);
    }

    public static Optional<CampaignVersion> open(Campaign campaign) {
        return find("campaign = ?1 and review.status in ?2", campaign, List.of(ReviewStatus.draft, ReviewStatus.in_review))
                .firstResultOptional();
    }

    public static Optional<CampaignVersion> published(Campaign campaign) {
        return find("campaign = ?1 and review.status = ?2", campaign, ReviewStatus.published).firstResultOptional();
    }

    public static List<CampaignVersion> allPublished() {
        return list("review.status = ?1", ReviewStatus.published);
    }

    /** The versions on public pages that name a place in this country: the ones its help resources serve. */
    public static List<CampaignVersion> publishedIn(String country) {
        return list("select distinct v from CampaignVersion v join v.places p"
                + " where v.review.status = ?1 and p.country = ?2", ReviewStatus.published, country);
    }

    public static Optional<CampaignVersion> newest(Campaign campaign) {
        return find("campaign = ?1 order by number desc", campaign).firstResultOptional();
    }

    public static List<CampaignVersion> inReview() {
        return list("review.status = ?1 order by review.submittedAt", ReviewStatus.in_review);
    }

    public CampaignTranslation translation(String language) {
        return translations.stream().filter(t -> t.language.equals(language)).findFirst().orElse(null);
    }

    /** Sets the text of a language, adding the language when the version does not have it yet. */
    void write(String language, TranslationText text) {
        CampaignTranslation translation = translation(language);
        if (translation == null) {
            translation = new CampaignTranslation();
            translation.version = this;
            translation.language = language;
            translations.add(translation);
        }
        translation.title = text.title();
        translation.objectives = text.objectives();
        translation.keyMessages = new ArrayList<>(text.keyMessages());
    }

    public List<String> languages() {
        List<String> languages = new ArrayList<>();
        CampaignTranslation main = translation(defaultLanguage);
        if (main != null) {
            languages.add(main.language);
        }
        translations.stream().map(t -> t.language).filter(l -> !l.equals(defaultLanguage)).forEach(languages::add);
        return languages;
    }

    public List<Place> placeList() {
        return places.stream().map(CampaignPlace::place).toList();
    }

    /** What a refusal names: this version, in the reader's language. */
    public Reason subject() {
        return Reason.of("campaign.version-subject", number, campaign.slug);
    }
}
