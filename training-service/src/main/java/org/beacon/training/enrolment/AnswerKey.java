package org.beacon.training.enrolment;

import java.util.Set;

import org.beacon.training.assessment.Assessment;

/**
 * When a trainee may see the key of a question they answered: its right answers, the credit their answer earned,
 * the feedback and the legal source. The key is shown once the course is completed (the post-test passed), and
 * before that only on a module check's questions that the post-test does not ask too: module checks are formative,
 * but a trainee who could read the post-test's key after the pre-test, a check or a failed post-test could retake
 * the post-test and pass without learning. The credit of one question is its key in disguise (a true/false answer
 * marked wrong has the other answer as key), so it is withheld with the key.
 */
final class AnswerKey {

    private final boolean courseCompleted;
    private final String assessmentKind;
    private final Set<Long> askedByPosttest;

    private AnswerKey(boolean courseCompleted, String assessmentKind, Set<Long> askedByPosttest) {
        this.courseCompleted = courseCompleted;
        this.assessmentKind = assessmentKind;
        this.askedByPosttest = Set.copyOf(askedByPosttest);
    }

    /**
     * The rule for one attempt: {@code assessmentKind} of the attempt's assessment, {@code askedByPosttest} the
     * questions of the version's post-test.
     */
    static AnswerKey forAttempt(boolean courseCompleted, String assessmentKind, Set<Long> askedByPosttest) {
        return new AnswerKey(courseCompleted, assessmentKind, askedByPosttest);
    }

    /** Whether the key of this question of the attempt may leave the server. */
    boolean shown(long questionId) {
        return courseCompleted
                || (Assessment.CHECK.equals(assessmentKind) && !askedByPosttest.contains(questionId));
    }
}
