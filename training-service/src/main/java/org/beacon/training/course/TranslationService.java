package org.beacon.training.course;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.audit.AuditLog;

/**
 * The workflow of each translation of a version. A version goes to review with all its languages and, when
 * approved, publishes those still in review; the default language always moves with its version. Apart from that,
 * a reviewer may send one language back, a language may be added to a published version, and a faulty translation
 * may be withdrawn, each without touching the course or its other languages. Whoever wrote or changed a language
 * cannot approve it (four eyes, per language).
 */
@ApplicationScoped
public class TranslationService {


    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    CourseQueries queries;

    // --- following the version -----------------------------------------------------------------------------------

    /** Every language of a new version starts as a draft. */
    void open(CourseVersion version) {
        CourseTranslation.delete("versionId", version.id);
        for (String language : version.languageList()) {
            CourseTranslation translation = new CourseTranslation();
            translation.versionId = version.id;
            translation.language = language;
            translation.persist();
        }
    }

    void versionSubmitted(CourseVersion version) {
        move(version, VersionStatus.draft, VersionStatus.in_review);
    }

    void versionRejected(CourseVersion version) {
        move(version, VersionStatus.in_review, VersionStatus.draft);
    }

    /**
     * The version's reviewer has read every translation still in review, so they are published with it; one the
     * reviewer wrote (added while the version was in review) waits for another reviewer.
     */
    void versionApproved(CourseVersion version) {
        for (CourseTranslation translation : CourseTranslation.of(version.id)) {
            boolean own = !translation.language.equals(version.defaultLanguage) && wrote(version, translation.language);
            if (translation.status.isInReview() && !own) {
                publish(translation);
            }
        }
    }

    /** Records that the signed-in author wrote or changed {@code language} of the version. */
    void contributed(CourseVersion version, String language) {
        queries.addTranslationContributor(version.id, language, user.subject());
    }

    /**
     * Whether the texts of {@code language} may change now: the default language only in a draft version; another
     * language while its translation is a draft, even in a published version, since trainees never see a draft
     * translation.
     */
    CourseTranslation requireEditable(CourseVersion version, String language) {
        CourseTranslation translation = CourseTranslation.require(version, language);
        if (language.equals(version.defaultLanguage) || version.status == VersionStatus.archived) {
            version.requireEditable();
        }
        if (!translation.isDraft()) {
            throw ProblemException.conflict(Reason.of(translation.status == VersionStatus.in_review
                    ? "translation.in-review" : "translation.not-editable", language, version.number,
                    CourseVersion.status(translation.status)));
        }
        return translation;
    }

    // --- one translation at a time -----------------------------------------------------------------------------

    /** Adds a language to a version; in a published version it stays hidden from trainees until it is published. */
    @Transactional
    public CourseTranslation add(long versionId, String language) {
        CourseVersion version = CourseVersion.require(versionId);
        if (!Languages.isTag(language)) {
            throw ProblemException.badRequest(Reason.of("translation.tag"));
        }
        if (version.status == VersionStatus.archived) {
            throw ProblemException.conflict(Reason.of("translation.version-archived", version.number));
        }
        if (version.offers(language)) {
            throw ProblemException.conflict(Reason.of("translation.exists", version.number, language));
        }
        version.languages = version.languages + "," + language;
        CourseTranslation translation = new CourseTranslation();
        translation.versionId = version.id;
        translation.language = language;
        translation.persist();
        audit.record("translation.add", "course_version", version.id,
                AuditSummary.of("translation.added", version.number, AuditSummary.language(language)));
        return translation;
    }

    /** Sends a draft translation to review once its version's structure is frozen (in review or published). */
    @Transactional
    public CourseTranslation submit(long versionId, String language) {
        CourseVersion version = CourseVersion.require(versionId);
        CourseTranslation translation = separate(version, language, "translation.moves.submitted",
                VersionStatus.draft, "status.a-draft");
        if (version.status != VersionStatus.in_review && !version.isPublished()) {
            throw ProblemException.conflict(Reason.of("translation.with-version-review", version.number,
                    CourseVersion.status(version.status)));
        }
        translation.status = VersionStatus.in_review;
        translation.reviewComment = null;
        return translation;
    }

    /** Publishes a translation in review of a published version, by someone who did not write it. */
    @Transactional
    public CourseTranslation approve(long versionId, String language) {
        CourseVersion version = CourseVersion.require(versionId);
        CourseTranslation translation = separate(version, language, "translation.moves.approved",
                VersionStatus.in_review, "status.in_review");
        if (!version.isPublished()) {
            throw ProblemException.conflict(Reason.of("translation.with-version-approval", version.number,
                    CourseVersion.status(version.status)));
        }
        requireOtherReviewer(version, language);
        publish(translation);
        return translation;
    }

    /** Sends a translation in review back to its translators with what must change. */
    @Transactional
    public CourseTranslation reject(long versionId, String language, String comment) {
        CourseVersion version = CourseVersion.require(versionId);
        CourseTranslation translation = separate(version, language, "translation.moves.sent-back",
                VersionStatus.in_review, "status.in_review");
        if (comment == null || comment.isBlank()) {
            throw ProblemException.badRequest(Reason.of("review.comment-required"));
        }
        translation.status = VersionStatus.draft;
        translation.reviewComment = comment.strip();
        audit.record("translation.reject", "course_version", version.id,
                AuditSummary.of("translation.rejected", version.number, AuditSummary.language(language)));
        return translation;
    }

    /** Withdraws a published translation: no new enrolment in it; trainees already studying it keep it. */
    @Transactional
    public CourseTranslation archive(long versionId, String language) {
        CourseVersion version = CourseVersion.require(versionId);
        CourseTranslation translation = separate(version, language, "translation.moves.archived",
                VersionStatus.published, "status.published");
        translation.status = VersionStatus.archived;
        audit.record("translation.archive", "course_version", version.id,
                AuditSummary.of("translation.withdrawn", version.number, AuditSummary.language(language)));
        return translation;
    }

    /** One of the steps a form or API call names: submit, approve or archive. */
    @Transactional
    public CourseTranslation step(long versionId, String language, String step) {
        return switch (step) {
            case "submit" -> submit(versionId, language);
            case "approve" -> approve(versionId, language);
            case "archive" -> archive(versionId, language);
            default -> throw ProblemException.notFound(Reason.of("translation.no-step", step));
        };
    }

    /** Whether the signed-in author may approve this translation now. */
    public boolean mayApprove(CourseVersion version, CourseTranslation translation) {
        return version.isPublished() && translation.status.isInReview()
                && !translation.language.equals(version.defaultLanguage) && !wrote(version, translation.language);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void publish(CourseTranslation translation) {
        translation.status = VersionStatus.published;
        translation.reviewerSubject = user.subject();
        translation.publishedAt = OffsetDateTime.now();
        audit.record("translation.publish", "course_version", translation.versionId,
                AuditSummary.of("translation.published", AuditSummary.language(translation.language)));
    }

    private static void move(CourseVersion version, VersionStatus from, VersionStatus to) {
        CourseTranslation.update("status = ?1 where versionId = ?2 and status = ?3", to, version.id, from);
    }

    /**
     * A translation that moves on its own: never the default language (it is {@code how}, e.g. "approved with the
     * version"), and only from the status the step starts from.
     */
    private static CourseTranslation separate(CourseVersion version, String language, String how,
            VersionStatus from, String fromWords) {
        CourseTranslation translation = CourseTranslation.require(version, language);
        if (language.equals(version.defaultLanguage)) {
            throw ProblemException.conflict(Reason.of("translation.default-language", language, version.number,
                    Reason.of(how)));
        }
        if (translation.status != from) {
            throw ProblemException.conflict(Reason.of("translation.wrong-status", language, version.number,
                    CourseVersion.status(translation.status), Reason.of(fromWords)));
        }
        return translation;
    }

    private void requireOtherReviewer(CourseVersion version, String language) {
        if (wrote(version, language)) {
            throw ProblemException.forbidden(Reason.of("translation.own-work", language));
        }
    }

    private boolean wrote(CourseVersion version, String language) {
        if (user.subject().equals(version.review.author)) {
            return true;
        }
        return queries.isTranslationContributor(version.id, language, user.subject());
    }
}
