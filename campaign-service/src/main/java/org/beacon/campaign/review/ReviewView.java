package org.beacon.campaign.review;

import java.time.OffsetDateTime;

/** Where a campaign version or material variant stands in review, as the API and the pages show it. */
public record ReviewView(String status, String createdBy, OffsetDateTime createdAt, String editedBy,
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
        return Review.DRAFT.equals(status);
    }

    public boolean isInReview() {
        return Review.IN_REVIEW.equals(status);
    }

    public boolean isPublished() {
        return Review.PUBLISHED.equals(status);
    }

    public boolean isApproved() {
        return isInReview() && approvedBy != null;
    }

    public boolean isOpen() {
        return isDraft() || isInReview();
    }

    /** The status as pages say it: "approved, ready to publish" rather than "in review" once approved. */
    public String stage() {
        return isApproved() ? Review.APPROVED : status;
    }
}
