package org.beacon.training.enrolment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.beacon.training.assessment.Assessment;
import org.junit.jupiter.api.Test;

/** The answer key leaves the server only when retaking the post-test can no longer profit from it. */
class AnswerKeyTests {

    static final long SHARED = 1;
    static final long CHECK_ONLY = 2;
    static final Set<Long> POSTTEST = Set.of(SHARED, 3L);

    @Test
    void thePosttestKeepsItsKeyUntilTheCourseIsCompleted() {
        // A failed post-test: showing the key would let the trainee retake it with the answers at hand.
        AnswerKey failed = AnswerKey.forAttempt(false, Assessment.POSTTEST, POSTTEST);
        assertFalse(failed.shown(SHARED));
        assertFalse(failed.shown(3));
    }

    @Test
    void thePretestKeepsItsKeyUntilTheCourseIsCompleted() {
        AnswerKey pretest = AnswerKey.forAttempt(false, Assessment.PRETEST, POSTTEST);
        assertFalse(pretest.shown(SHARED));
        assertFalse(pretest.shown(CHECK_ONLY), "a pre-test question the post-test does not ask is withheld too");
    }

    @Test
    void aModuleCheckShowsItsKeyAtOnceExceptOnQuestionsThePosttestAsks() {
        AnswerKey check = AnswerKey.forAttempt(false, Assessment.CHECK, POSTTEST);
        assertTrue(check.shown(CHECK_ONLY));
        assertFalse(check.shown(SHARED));
    }

    @Test
    void everyKeyIsShownOnceTheCourseIsCompleted() {
        for (String kind : new String[] { Assessment.PRETEST, Assessment.CHECK, Assessment.POSTTEST }) {
            AnswerKey completed = AnswerKey.forAttempt(true, kind, POSTTEST);
            assertTrue(completed.shown(SHARED), kind);
            assertTrue(completed.shown(CHECK_ONLY), kind);
        }
    }

    @Test
    void theRuleDoesNotChangeWhenTheCallersSetDoes() {
        java.util.HashSet<Long> posttest = new java.util.HashSet<>(POSTTEST);
        AnswerKey check = AnswerKey.forAttempt(false, Assessment.CHECK, posttest);
        posttest.clear();
        assertFalse(check.shown(SHARED));
    }
}
