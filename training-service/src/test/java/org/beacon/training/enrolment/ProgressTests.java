package org.beacon.training.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beacon.training.assessment.Assessment;
import org.beacon.training.enrolment.LearnerView.Step;
import org.beacon.training.enrolment.Progress.LessonRef;
import org.beacon.training.enrolment.Progress.Stage;
import org.beacon.training.enrolment.Progress.Taken;
import org.junit.jupiter.api.Test;

/**
 * The order of a course without a database: two modules (lessons 11, 12 and 21), each with a check, a pre-test and a
 * post-test.
 */
class ProgressTests {

    static final Stage PRE = new Stage(100, Assessment.PRETEST, null, 3);
    static final Stage CHECK_1 = new Stage(101, Assessment.CHECK, 1L, 2);
    static final Stage CHECK_2 = new Stage(102, Assessment.CHECK, 2L, 2);
    static final Stage POST = new Stage(103, Assessment.POSTTEST, null, 4);
    static final List<LessonRef> LESSONS = List.of(new LessonRef(11, 1), new LessonRef(12, 1), new LessonRef(21, 2));

    final Map<Long, Taken> latest = new HashMap<>();

    Progress progress(boolean completed, Set<Long> studied) {
        return new Progress(completed, List.of(1L, 2L), LESSONS, studied, latest,
                List.of(PRE, CHECK_1, CHECK_2, POST));
    }

    void took(Stage stage, boolean passed) {
        latest.put(stage.assessmentId(), new Taken(BigDecimal.valueOf(passed ? 90 : 10), passed));
    }

    @Test
    void nothingButThePretestIsOpenBeforeIt() {
        Progress progress = progress(false, Set.of());
        assertTrue(progress.open(PRE));
        assertFalse(progress.lessonOpen(11));
        assertFalse(progress.open(CHECK_1));
        assertFalse(progress.open(POST));
        assertEquals("Take the pre-test first.", progress.whyClosed(CHECK_1).english());
        assertEquals(0, progress.percentDone());
    }

    @Test
    void lessonsOpenOneAfterAnotherOnceThePretestIsTaken() {
        took(PRE, true);
        Progress progress = progress(false, Set.of(11L));
        assertFalse(progress.open(PRE), "the pre-test is taken once");
        assertTrue(progress.lessonOpen(11));
        assertTrue(progress.lessonOpen(12));
        assertFalse(progress.lessonOpen(21), "lesson 12 is not studied yet");
        assertFalse(progress.lessonOpen(99), "not a lesson of the course");
    }

    @Test
    void aCheckOpensWhenItsModulesLessonsAreStudied() {
        took(PRE, true);
        assertFalse(progress(false, Set.of(11L)).open(CHECK_1));
        assertEquals("Study all lessons of the module before its knowledge check.",
                progress(false, Set.of(11L)).whyClosed(CHECK_1).english());
        Progress progress = progress(false, Set.of(11L, 12L));
        assertTrue(progress.open(CHECK_1));
        assertFalse(progress.moduleComplete(1), "the check is not taken yet");
        assertFalse(progress.open(CHECK_2));
    }

    @Test
    void thePosttestOpensWhenEveryModuleIsCompleteEvenWithAFailedCheck() {
        took(PRE, true);
        took(CHECK_1, false);
        assertFalse(progress(false, Set.of(11L, 12L, 21L)).open(POST), "module 2's check is not taken");
        took(CHECK_2, true);
        Progress progress = progress(false, Set.of(11L, 12L, 21L));
        assertTrue(progress.open(POST));
        assertTrue(progress.open(CHECK_1), "checks may be retaken until the course is completed");
    }

    @Test
    void aCompletedCourseClosesChecksAndThePosttest() {
        took(PRE, true);
        took(CHECK_1, true);
        took(CHECK_2, true);
        took(POST, true);
        Progress progress = progress(true, Set.of(11L, 12L, 21L));
        assertFalse(progress.open(POST));
        assertFalse(progress.open(CHECK_1));
        assertEquals("You have passed the post-test already.", progress.whyClosed(POST).english());
        assertEquals("The course is completed.", progress.whyClosed(CHECK_1).english());
        assertEquals(100, progress.percentDone());
    }

    @Test
    void percentDoneCountsAFailedPosttestAsNotDone() {
        took(PRE, true);
        took(CHECK_1, false);
        took(CHECK_2, true);
        took(POST, false);
        // 3 lessons + 2 checks + pre-test = 6 of 7 steps.
        assertEquals(6 * 100 / 7, progress(false, Set.of(11L, 12L, 21L)).percentDone());
    }

    @Test
    void aStepCarriesTheLatestAttempt() {
        took(PRE, true);
        Progress progress = progress(false, Set.of());
        Step pretest = progress.step(PRE);
        assertEquals(new Step(100, Assessment.PRETEST, 3, false, true, BigDecimal.valueOf(90), true), pretest);
        Step posttest = progress.step(progress.posttest());
        assertEquals(new Step(103, Assessment.POSTTEST, 4, false, false, null, null), posttest);
        assertNull(progress.step(null));
    }

    @Test
    void aCourseWithoutPretestOpensItsFirstLessonAtOnce() {
        Progress progress = new Progress(false, List.of(1L), List.of(new LessonRef(11, 1)), Set.of(), Map.of(),
                List.of(POST));
        assertTrue(progress.pretestDone());
        assertTrue(progress.lessonOpen(11));
        assertNull(progress.checkOf(1), "a module without a check is complete with its lessons");
        assertFalse(progress.open(POST));
        assertTrue(new Progress(false, List.of(1L), List.of(new LessonRef(11, 1)), Set.of(11L), Map.of(),
                List.of(POST)).open(POST));
    }

    @Test
    void theNeighboursOfALessonFollowStudyOrderAcrossModules() {
        Progress progress = progress(false, Set.of());
        assertEquals(21L, progress.next(12));
        assertEquals(12L, progress.previous(21));
        assertNull(progress.previous(11));
        assertNull(progress.next(21));
        assertEquals(CHECK_2, progress.stage(102));
        assertNull(progress.stage(999));
    }
}
