package org.beacon.training.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beacon.commons.web.ProblemException;
import org.junit.jupiter.api.Test;

/** Four eyes on a course version: nobody who wrote or changed it approves it. */
class VersionReviewTests {

    @Test
    void theAuthorMayNotApprove() {
        VersionReview review = VersionReview.writtenBy("ana");
        assertTrue(review.isAuthor("ana"));
        assertFalse(review.mayApprove("ana"));
        assertEquals(403, assertThrows(ProblemException.class, () -> review.approvedBy("ana")).status());
        assertNull(review.reviewer);
    }

    @Test
    void everyoneWhoChangedItMayNotApproveNotOnlyTheLastEditor() {
        VersionReview review = VersionReview.writtenBy("ana");
        review.contributed("ben");
        review.contributed("chloe");
        assertFalse(review.mayApprove("ben"), "ben changed it before chloe did");
        assertFalse(review.mayApprove("chloe"));
        assertTrue(review.mayApprove("dede"));
    }

    @Test
    void anotherAuthorApprovesAndIsRecorded() {
        VersionReview review = VersionReview.writtenBy("ana");
        review.approvedBy("dede");
        assertEquals("dede", review.reviewer);
    }

    @Test
    void theAuthorCountsEvenWhenNotListedAsContributor() {
        // Versions from before contributors were recorded name their author alone.
        VersionReview review = new VersionReview();
        review.author = "ana";
        assertFalse(review.mayApprove("ana"));
    }
}
