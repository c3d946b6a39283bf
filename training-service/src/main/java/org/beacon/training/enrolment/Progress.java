package org.beacon.training.enrolment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beacon.commons.web.Reason;
import org.beacon.training.assessment.Assessment;
import org.beacon.training.enrolment.LearnerView.Step;

/**
 * Where a trainee stands in a course, and so which steps are open: the pre-test first, then the lessons in order,
 * each module's knowledge check once its lessons are studied, the post-test once every module is complete. Computed
 * from what {@link EnrolmentService#progress} loads up front; it reads nothing itself.
 */
final class Progress {

    /** A lesson in study order and the module it belongs to. */
    record LessonRef(long id, long moduleId) {
    }

    /** An assessment of the version: a check has its {@code moduleId}; {@code questions} is how many it asks. */
    record Stage(long assessmentId, String kind, Long moduleId, int questions) {
    }

    /** The latest attempt at an assessment. */
    record Taken(BigDecimal score, boolean passed) {
    }

    private final boolean completed;
    private final List<Long> modules;
    private final List<LessonRef> lessons;
    private final Set<Long> studied;
    private final Map<Long, Taken> latest;
    private final Stage pretest;
    private final Stage posttest;
    private final Map<Long, Stage> checks = new LinkedHashMap<>();

    /**
     * @param completed whether the enrolment is completed (the post-test passed)
     * @param modules the version's modules in order
     * @param lessons the version's lessons in study order
     * @param studied the lessons the trainee marked studied
     * @param latest the latest attempt by assessment id
     * @param stages the version's assessments
     */
    Progress(boolean completed, List<Long> modules, List<LessonRef> lessons, Set<Long> studied,
            Map<Long, Taken> latest, List<Stage> stages) {
        this.completed = completed;
        this.modules = List.copyOf(modules);
        this.lessons = List.copyOf(lessons);
        this.studied = Set.copyOf(studied);
        this.latest = Map.copyOf(latest);
        Stage pre = null;
        Stage post = null;
        for (Stage stage : stages) {
            if (stage.moduleId() != null) {
                checks.putIfAbsent(stage.moduleId(), stage);
            } else if (Assessment.PRETEST.equals(stage.kind()) && pre == null) {
                pre = stage;
            } else if (Assessment.POSTTEST.equals(stage.kind()) && post == null) {
                post = stage;
            }
        }
        this.pretest = pre;
        this.posttest = post;
    }

    List<LessonRef> lessons() {
        return lessons;
    }

    Stage pretest() {
        return pretest;
    }

    Stage posttest() {
        return posttest;
    }

    /** The knowledge check of a module, or null when it has none. */
    Stage checkOf(long moduleId) {
        return checks.get(moduleId);
    }

    /** The assessment among the version's, or null. */
    Stage stage(long assessmentId) {
        if (pretest != null && pretest.assessmentId() == assessmentId) {
            return pretest;
        }
        if (posttest != null && posttest.assessmentId() == assessmentId) {
            return posttest;
        }
        return checks.values().stream().filter(c -> c.assessmentId() == assessmentId).findFirst().orElse(null);
    }

    boolean completed() {
        return completed;
    }

    boolean studied(long lessonId) {
        return studied.contains(lessonId);
    }

    boolean pretestDone() {
        return pretest == null || latest.containsKey(pretest.assessmentId());
    }

    /** A lesson opens once the pre-test is taken and every lesson before it is studied. */
    boolean lessonOpen(long lessonId) {
        if (!pretestDone()) {
            return false;
        }
        for (LessonRef before : lessons) {
            if (before.id() == lessonId) {
                return true;
            }
            if (!studied.contains(before.id())) {
                return false;
            }
        }
        return false;
    }

    boolean moduleLessonsStudied(long moduleId) {
        return lessons.stream().filter(l -> l.moduleId() == moduleId).allMatch(l -> studied.contains(l.id()));
    }

    /** Lessons studied and the check, if any, taken (passed or not: a check is formative). */
    boolean moduleComplete(long moduleId) {
        Stage check = checks.get(moduleId);
        return moduleLessonsStudied(moduleId) && (check == null || latest.containsKey(check.assessmentId()));
    }

    boolean allModulesComplete() {
        return modules.stream().allMatch(this::moduleComplete);
    }

    /** The pre-test is taken once; a check and the post-test are open in order until the course is completed. */
    boolean open(Stage stage) {
        return switch (stage.kind()) {
            case Assessment.PRETEST -> !latest.containsKey(stage.assessmentId());
            case Assessment.CHECK -> pretestDone() && moduleLessonsStudied(stage.moduleId()) && !completed;
            default -> pretestDone() && allModulesComplete() && !completed;
        };
    }

    /** Why an assessment that is not {@link #open} is refused, in the trainee's terms. */
    Reason whyClosed(Stage stage) {
        return Reason.of(switch (stage.kind()) {
            case Assessment.PRETEST -> "quiz.pretest-taken";
            case Assessment.CHECK -> completed ? "quiz.course-completed"
                    : !pretestDone() ? "quiz.pretest-first"
                    : "quiz.lessons-before-check";
            default -> completed ? "quiz.post-test-passed"
                    : "quiz.modules-before-post-test";
        });
    }

    /** The outline's step for an assessment, or null when the version has none there. */
    Step step(Stage stage) {
        if (stage == null) {
            return null;
        }
        Taken taken = latest.get(stage.assessmentId());
        return new Step(stage.assessmentId(), stage.kind(), stage.questions(), open(stage), taken != null,
                taken == null ? null : taken.score(), taken == null ? null : taken.passed());
    }

    /**
     * How far the trainee is, in percent of the steps: each lesson studied, each check taken, the pre-test taken
     * and the post-test passed count one.
     */
    int percentDone() {
        int steps = lessons.size();
        int done = (int) lessons.stream().filter(l -> studied.contains(l.id())).count();
        for (Long module : modules) {
            Stage check = checks.get(module);
            if (check != null) {
                steps++;
                done += latest.containsKey(check.assessmentId()) ? 1 : 0;
            }
        }
        if (pretest != null) {
            steps++;
            done += latest.containsKey(pretest.assessmentId()) ? 1 : 0;
        }
        if (posttest != null) {
            steps++;
            Taken taken = latest.get(posttest.assessmentId());
            done += taken != null && taken.passed() ? 1 : 0;
        }
        return steps == 0 ? 0 : done * 100 / steps;
    }

    /** The lesson after this one in study order, or null at the end of the course. */
    Long next(long lessonId) {
        int index = indexOf(lessonId);
        return index >= 0 && index + 1 < lessons.size() ? lessons.get(index + 1).id() : null;
    }

    /** The lesson before this one, or null at the start. */
    Long previous(long lessonId) {
        int index = indexOf(lessonId);
        return index > 0 ? lessons.get(index - 1).id() : null;
    }

    private int indexOf(long lessonId) {
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).id() == lessonId) {
                return i;
            }
        }
        return -1;
    }
}
