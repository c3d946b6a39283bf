package org.beacon.campaign.survey;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.beacon.campaign.campaign.Campaign;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.beacon.commons.web.Reason;

/** An evaluation survey of a campaign, as imported from an XLSForm. */
@Entity
public class Survey extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "campaign_id")
    public Long campaignId;
    public String slug;
    public String title;
    @Column(name = "form_id")
    public String formId;
    @Column(name = "form_version")
    public String formVersion;
    @Column(name = "default_language")
    public String defaultLanguage;
    /** Comma-separated BCP-47 tags, default language first. */
    public String languages;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> consent;
    /** The form as an ODK XForm; null for surveys imported before it was kept (SurveyForms converts those). */
    public String xform;
    /**
     * What the conversion left out or filled in, for the import report: each a message key and its arguments,
     * {@code {"key": "notice.metadata", "arguments": [3, "deviceid", "device"]}}, said in the reader's language
     * (imports before V38 keep their English text, as {@code notice.as-written}).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Reason> notices = new ArrayList<>();

    /** The notices in English, the API's wording. */
    public List<String> englishNotices() {
        return notices == null ? List.of() : notices.stream().map(Reason::english).toList();
    }
    public int revision;
    /**
     * Bumped whenever the question settings change (V35), so cached snapshots are rebuilt; unlike the revision it
     * leaves the XForm's version alone, since what respondents are asked did not change.
     */
    @Column(name = "settings_revision")
    public int settingsRevision;
    public String fingerprint;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @OneToMany(mappedBy = "survey", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<SurveyQuestion> questions = new ArrayList<>();

    public List<String> languageList() {
        return Arrays.asList(languages.split(","));
    }

    public static List<Survey> ofCampaigns(List<Long> campaignIds) {
        return campaignIds.isEmpty() ? List.of() : list("campaignId in ?1 order by createdAt desc", campaignIds);
    }

    public static Optional<Survey> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** A survey imported into the campaign from the form with this form_id, if any. */
    public static Optional<Survey> ofForm(long campaignId, String formId) {
        return formId == null ? Optional.empty()
                : find("campaignId = ?1 and formId = ?2 order by id", campaignId, formId).firstResultOptional();
    }

    /**
     * Whether the address lies within the addresses of another campaign whose own address is longer than this
     * campaign's: "safe-journeys-2027" is campaign "safe-journeys"'s, not campaign "safe"'s.
     */
    public static boolean inAnotherCampaignsAddresses(Campaign campaign, String address) {
        return Campaign.count("id <> ?1 and length(slug) > ?2 and (slug = ?3 or ?3 like concat(slug, '-%'))",
                campaign.id, campaign.slug.length(), address) > 0;
    }

    public static boolean hasResponses(long surveyId) {
        return SurveyQueries.hasResponses(surveyId);
    }
}
