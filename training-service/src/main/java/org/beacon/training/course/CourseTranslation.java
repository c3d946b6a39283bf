package org.beacon.training.course;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * One language of a course version, with its own place in the workflow (draft → in_review → published →
 * archived). The default language moves with its version; the others may be sent back, added or withdrawn alone.
 */
@Entity
@Table(name = "version_translation")
public class CourseTranslation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "version_id")
    public Long versionId;
    public String language;
    @Enumerated(EnumType.STRING)
    public VersionStatus status = VersionStatus.draft;
    @Column(name = "reviewer_subject")
    public String reviewerSubject;
    @Column(name = "review_comment")
    public String reviewComment;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    public boolean isDraft() {
        return status.isDraft();
    }

    public boolean isPublished() {
        return status.isPublished();
    }

    public static List<CourseTranslation> of(long versionId) {
        return list("versionId", versionId);
    }

    public static CourseTranslation require(CourseVersion version, String language) {
        return CourseTranslation.<CourseTranslation>find("versionId = ?1 and language = ?2", version.id, language)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound(Reason.of("translation.not-found", version.number, language,
                        version.languages)));
    }

    /** The languages trainees may study a version in: its published translations, the default first. */
    public static List<String> offered(CourseVersion version) {
        return version.isPublished() ? readable(version) : List.of();
    }

    /**
     * The languages a trainee enrolled in a version may switch between: its published translations, the default
     * first, also once a later version has replaced it (an enrolment keeps its version).
     */
    public static List<String> readable(CourseVersion version) {
        if (version.status.isOpen()) {
            return List.of();
        }
        List<String> published = CourseTranslation.<CourseTranslation>list("versionId = ?1 and status = ?2",
                version.id, VersionStatus.published).stream().map(t -> t.language).toList();
        return version.languageList().stream().filter(published::contains).toList();
    }
}
