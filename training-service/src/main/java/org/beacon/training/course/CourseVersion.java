package org.beacon.training.course;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.beacon.training.assessment.BankVersion;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * One version of a course. It moves draft → in_review → published → archived; once published nothing in it
 * changes, so the version an enrolment pins is the version the trainee studies and is certified on.
 */
@Entity
@Table(name = "course_version")
public class CourseVersion extends PanacheEntityBase implements BankVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id")
    public Long courseId;
    public int number;
    @Enumerated(EnumType.STRING)
    public VersionStatus status = VersionStatus.draft;
    @Column(name = "default_language")
    public String defaultLanguage;
    /** Comma-separated BCP-47 tags, default language first. */
    public String languages;
    @Column(name = "pass_mark")
    public int passMark = 70;
    @Column(name = "legal_change")
    public boolean legalChange;
    /** Who wrote and changed the version and who approved it: the four-eyes rule. */
    @Embedded
    public VersionReview review = new VersionReview();
    @Column(name = "review_comment")
    public String reviewComment;
    @Column(name = "source_hash")
    public String sourceHash;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Override
    public long bankVersionId() {
        return id;
    }

    @Override
    public String keyLanguage() {
        return defaultLanguage;
    }

    @Override
    public List<String> languageList() {
        return Arrays.asList(languages.split(","));
    }

    public boolean offers(String language) {
        return languageList().contains(language);
    }

    public boolean isDraft() {
        return status.isDraft();
    }

    public boolean isPublished() {
        return status.isPublished();
    }

    /** Only a draft may change; a version in review or published is frozen (published ones for good). */
    /** A status as a word of the reader's language, for a refusal. */
    public static Reason status(VersionStatus status) {
        return Reason.of("status." + status.name());
    }

    public void requireEditable() {
        if (!isDraft()) {
            // In review the way back is the reviewer's "Send back to draft", not a new draft.
            throw ProblemException.conflict(Reason.of(status == VersionStatus.in_review ? "version.in-review"
                    : "version.not-editable", number, status(status)));
        }
    }

    public static CourseVersion require(long id) {
        CourseVersion version = findById(id);
        if (version == null) {
            throw ProblemException.notFound(Reason.of("version.not-found", String.valueOf(id)));
        }
        return version;
    }

    public static Optional<CourseVersion> publishedOf(long courseId) {
        return find("courseId = ?1 and status = ?2", courseId, VersionStatus.published).firstResultOptional();
    }

    /**
     * The first version after {@code number} published as a legal change (published or since replaced): while it
     * exists, a certificate of version {@code number} calls for a refresher.
     */
    public static Optional<CourseVersion> legalChangeAfter(long courseId, int number) {
        return find("courseId = ?1 and number > ?2 and legalChange = true and status in ?3 order by number", courseId,
                number, List.of(VersionStatus.published, VersionStatus.archived)).firstResultOptional();
    }

    public static Optional<CourseVersion> openOf(long courseId) {
        return find("courseId = ?1 and status in ?2", courseId,
                List.of(VersionStatus.draft, VersionStatus.in_review)).firstResultOptional();
    }

    public static Optional<CourseVersion> latestOf(long courseId) {
        return find("courseId = ?1 order by number desc", courseId).firstResultOptional();
    }

    public static List<CourseVersion> of(long courseId) {
        return list("courseId = ?1 order by number desc", courseId);
    }
}
