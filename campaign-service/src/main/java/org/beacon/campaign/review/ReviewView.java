package org.beacon.campaign.review;

import java.time.OffsetDateTime;

/** Where a campaign version or material variant stands in review, as the API and the pages show it. */
public record ReviewView(ReviewStatus status, String createdBy, OffsetDateTime createdAt, String editedBy,
        OffsetDateTime editedAt, String submittedBy, OffsetDateTime submittedAt, String approvedBy,
        OffsetDateTime approvedAt, ReviewChecklist checklist, String publishedBy, OffsetDateTime publishedAt,
        boolean writtenByYou) {

    public static ReviewView of(Review review, String viewer) {
        return new ReviewView(review.status, review.createdBy, review.createdAt, review.editedBy, review.editedAt,
                review.submittedBy, review.submittedAt, review.approvedBy, review.approvedAt,
                review.approvedBy == null ? null : review.checklist(), review.publishedBy, review.publishedAt,
                review.isAuthor(viewer));
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

    public boolean isApproved() {
        return isInReview() && approvedBy != null;
    }

    public boolean isOpen() {
        return isDraft() || isInReview();
    }

    /** The status as pages say it: "approved, ready to publish" rather than "in review" once approved. */
    public String stage() {
        return isApproved() ? Review.APPROVED : status.stage();
    }
}
