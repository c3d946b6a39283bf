package org.beacon.campaign.review;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.beacon.campaign.i18n.ListedRefusal;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The editorial workflow shared by campaign versions and material variants: draft → in review → published →
 * archived, approved by someone other than the people who wrote it (four eyes), with the review checklist kept
 * next to the approval. Holds the rules only; who may act for the organization is checked by the services.
 */
@Embeddable
public class Review {

    /**
     * Not a stored status: what pages call a version in review that a second manager approved, so that nobody
     * reads "in review" and looks for a reviewer who already did the work.
     */
    public static final String APPROVED = "approved";

    @Enumerated(EnumType.STRING)
    public ReviewStatus status = ReviewStatus.draft;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "edited_by")
    public String editedBy;
    @Column(name = "edited_at")
    public OffsetDateTime editedAt;
    /**
     * Everyone who wrote or changed this version, in order: approval is refused to each of them, not only to the
     * creator and the last editor, or a manager could approve their own text once someone else changed it after them.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "editors")
    public List<String> editors = new ArrayList<>();
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
    @Column(name = "check_safe_alternatives")
    public boolean safeAlternatives;
    @Column(name = "check_thb_som_distinction")
    public boolean thbSomDistinction;
    @Column(name = "check_sensitivity")
    public boolean sensitivity;
    @Column(name = "check_no_identifying_image")
    public boolean noIdentifyingImage;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    public static Review startedBy(String author) {
        Review review = new Review();
        review.createdBy = author;
        review.edited(author);
        return review;
    }

    public boolean isDraft() {
        return status == ReviewStatus.draft;
    }

    public boolean isInReview() {
        return status == ReviewStatus.in_review;
    }

    public boolean isPublished() {
        return status == ReviewStatus.published;
    }

    public boolean isOpen() {
        return isDraft() || isInReview();
    }

    public boolean isApproved() {
        return isInReview() && approvedBy != null;
    }

    /** The status as people read it: {@link #APPROVED} once approved and waiting to be published. */
    public String stage() {
        return isApproved() ? APPROVED : status.stage();
    }

    /** Whether this person wrote or changed the text at any point, and so may not approve it. */
    public boolean isAuthor(String subject) {
        // The creator and every editor since are in the list (V31 filled it with the two known before).
        return editors.contains(subject);
    }

    public ReviewChecklist checklist() {
        return new ReviewChecklist(safeAlternatives, thbSomDistinction, sensitivity, noIdentifyingImage);
    }

    /** Only drafts change; what is in review or published is what the reviewer saw. */
    public void requireEditable(Reason what) {
        if (!isDraft()) {
            throw ProblemException.conflict(Reason.of("review.not-editable", what, status(status)));
        }
    }

    public void edited(String editor) {
        editedBy = editor;
        editedAt = OffsetDateTime.now();
        if (!editors.contains(editor)) {
            editors.add(editor);
        }
    }

    public void submit(String subject, Reason what) {
        if (!isDraft()) {
            throw ProblemException.conflict(Reason.of("review.submit-not-draft", what, status(status)));
        }
        status = ReviewStatus.in_review;
        submittedBy = subject;
        submittedAt = OffsetDateTime.now();
    }

    /** Back to draft, by its author withdrawing it or a reviewer asking for changes; any approval is void. */
    public void sendBack(Reason what) {
        if (!isInReview()) {
            throw ProblemException.conflict(Reason.of("review.send-back-not-in-review", what, status(status)));
        }
        status = ReviewStatus.draft;
        clearApproval();
    }

    public void approve(String reviewer, ReviewChecklist checklist, Reason what) {
        if (!isInReview()) {
            throw ProblemException.conflict(Reason.of("review.approve-not-in-review", what, status(status)));
        }
        if (isAuthor(reviewer)) {
            throw ProblemException.forbidden(Reason.of("review.own-work", what));
        }
        if (!checklist.missing().isEmpty()) {
            throw ListedRefusal.invalidItems(Reason.of("review.checklist-incomplete"), checklist.notConfirmed());
        }
        approvedBy = reviewer;
        approvedAt = OffsetDateTime.now();
        safeAlternatives = checklist.safeAlternatives();
        thbSomDistinction = checklist.thbSomDistinction();
        sensitivity = checklist.sensitivity();
        noIdentifyingImage = checklist.noIdentifyingImage();
    }

    public void requirePublishable(Reason what) {
        if (isPublished()) {
            throw ProblemException.conflict(Reason.of("review.published-already", what));
        }
        if (!isApproved()) {
            throw ProblemException.conflict(Reason.of("review.not-approved", what));
        }
    }

    public void publish(String publisher) {
        status = ReviewStatus.published;
        publishedBy = publisher;
        publishedAt = OffsetDateTime.now();
    }

    public void archive() {
        status = ReviewStatus.archived;
    }

    private void clearApproval() {
        approvedBy = null;
        approvedAt = null;
        safeAlternatives = false;
        thbSomDistinction = false;
        sensitivity = false;
        noIdentifyingImage = false;
    }

    /** The status as a word of the reader's language, for a refusal. */
    private static Reason status(ReviewStatus status) {
        return Reason.of("status." + status.name());
    }
}
