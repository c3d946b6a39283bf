package org.beacon.training.course;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.assessment.Assessment;
import org.beacon.training.assessment.QuestionBank;
import org.beacon.training.audit.AuditLog;

/**
 * The publishing workflow: draft → in_review → published → archived. Whoever changed a version cannot approve it
 * (four eyes, {@link VersionReview}); publishing freezes the version and retires the one before; a version published as a legal change
 * flags certificates of older versions as "refresher due".
 */
@ApplicationScoped
public class VersionWorkflow {

    @Inject
    CurrentUser user;

    @Inject
    Texts texts;

    @Inject
    QuestionBank bank;

    @Inject
    AuditLog audit;

    @Inject
    TranslationService translations;

    @Inject
    CourseQueries queries;

    @Inject
    Event<VersionPublished> published;

    @Transactional
    public CourseVersion submit(long versionId) {
        CourseVersion version = CourseVersion.require(versionId);
        version.requireEditable();
        List<Reason> missing = new ArrayList<>();
        if (Lesson.inOrder(version.id).isEmpty()) {
            missing.add(Reason.of("version.no-lesson"));
        }
        if (Assessment.of(version.id, Assessment.POSTTEST).map(a -> a.questions().isEmpty()).orElse(true)) {
            missing.add(Reason.of("version.no-posttest"));
        }
        // A trainee is scored the same in every language: a key corrected in one language only is not ready.
        missing.addAll(bank.keyProblems(version));
        if (!missing.isEmpty()) {
            throw ProblemException.listing(400, "Invalid input", Reason.of("version.not-ready"), missing);
        }
        version.status = VersionStatus.in_review;
        version.submittedAt = OffsetDateTime.now();
        version.reviewComment = null;
        translations.versionSubmitted(version);
        return version;
    }

    /** Publishes a version in review. The reviewer must not have written or changed it (four eyes). */
    @Transactional
    public CourseVersion approve(long versionId) {
        CourseVersion version = inReview(versionId);
        version.review.approvedBy(user.subject());
        Course course = Course.findById(version.courseId);
        CourseVersion.publishedOf(course.id).ifPresent(previous -> {
            previous.status = VersionStatus.archived;
            previous.flush();
            audit.record("version.archive", "course_version", previous.id,
                    AuditSummary.of("version.superseded", course.slug, previous.number, version.number));
        });
        version.status = VersionStatus.published;
        version.publishedAt = OffsetDateTime.now();
        course.status = VersionStatus.published;
        course.title = texts.all(ContentText.COURSE, version.id, ContentText.TITLE).get(version.defaultLanguage);
        course.defaultLanguage = version.defaultLanguage;
        translations.versionApproved(version);
        audit.record("version.publish", "course_version", version.id, AuditSummary.of(
                version.legalChange ? "version.published-legal-change" : "version.published", course.slug,
                version.number));
        published.fire(new VersionPublished(course.id, version.id, version.number, version.legalChange));
        return version;
    }

    @Transactional
    public CourseVersion reject(long versionId, String comment) {
        CourseVersion version = inReview(versionId);
        if (blank(comment)) {
            throw ProblemException.badRequest(Reason.of("review.comment-required"));
        }
        version.status = VersionStatus.draft;
        version.reviewComment = comment.strip();
        translations.versionRejected(version);
        return version;
    }

    /** Withdraws a published version: no new enrolments; trainees already on it keep studying it. */
    @Transactional
    public CourseVersion archive(long versionId) {
        CourseVersion version = CourseVersion.require(versionId);
        if (!version.isPublished()) {
            throw ProblemException.conflict(Reason.of("version.archive-published-only",
                    CourseVersion.status(version.status)));
        }
        version.status = VersionStatus.archived;
        Course course = Course.findById(version.courseId);
        course.status = VersionStatus.archived;
        audit.record("version.archive", "course_version", version.id,
                AuditSummary.of("version.withdrawn", course.slug, version.number));
        return version;
    }

    private CourseVersion inReview(long versionId) {
        CourseVersion version = CourseVersion.require(versionId);
        if (version.status != VersionStatus.in_review) {
            throw ProblemException.conflict(Reason.of("version.not-in-review", version.number,
                    CourseVersion.status(version.status)));
        }
        return version;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
