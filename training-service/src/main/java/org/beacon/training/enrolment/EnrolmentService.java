package org.beacon.training.enrolment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.assessment.Assessment;
import org.beacon.training.certificate.Certificate;
import org.beacon.training.course.ContentText;
import org.beacon.training.course.Course;
import org.beacon.training.course.CourseModule;
import org.beacon.training.course.CourseTranslation;
import org.beacon.training.course.CourseVersion;
import org.beacon.training.course.GlossaryTerm;
import org.beacon.training.course.Lesson;
import org.beacon.training.course.Localized;
import org.beacon.training.course.Texts;
import org.beacon.training.enrolment.LearnerView.Enrolled;
import org.beacon.training.enrolment.LearnerView.GlossaryItem;
import org.beacon.training.enrolment.LearnerView.LessonItem;
import org.beacon.training.enrolment.LearnerView.ModuleItem;
import org.beacon.training.enrolment.LearnerView.Outline;
import org.beacon.training.enrolment.LearnerView.Step;

/**
 * The trainee's enrolments: enrol in a language, find one's own enrolment, and see where one stands (the outline).
 * Studying lessons is {@link LessonStudy}'s, taking assessments {@link QuizService}'s; both start from the
 * {@link Progress} loaded here.
 */
@ApplicationScoped
public class EnrolmentService {

    @Inject
    CurrentUser user;

    @Inject
    Texts texts;

    @Inject
    EnrolmentQueries queries;

    /**
     * Enrols in the published version, or returns the enrolment the trainee already has: an unfinished one keeps
     * its version even when a newer one has been published since.
     */
    @Transactional
    public Enrolled enrol(String slug, String language) {
        Course course = Course.bySlug(slug == null ? "" : slug)
                .orElseThrow(() -> ProblemException.notFound(Reason.of("course.not-found", slug)));
        return enrol(course, new Trainee(user.subject(), user.displayName(), user.organization().orElse(null)), language);
    }

    /** Who is enrolled, as their token named them when they signed in. */
    public record Trainee(String subject, String displayName, String organization) {
    }

    /**
     * Enrols a trainee a trainer adds to a cohort, in the published version's default language (the trainee may
     * change it from the course page); their enrolment if they have one. The cohort decides who may be added.
     */
    @Transactional
    public Enrolled enrolForCohort(long courseId, Trainee trainee) {
        Course course = Course.findById(courseId);
        CourseVersion version = CourseVersion.publishedOf(course.id).orElse(null);
        return enrol(course, trainee, version == null ? null : version.defaultLanguage);
    }

    private Enrolled enrol(Course course, Trainee trainee, String language) {
        Enrolment active = Enrolment.active(trainee.subject(), course.id).orElse(null);
        if (active != null) {
            return new Enrolled(active, false);
        }
        CourseVersion version = CourseVersion.publishedOf(course.id)
                .orElseThrow(() -> ProblemException.conflict(Reason.of("course.not-published", course.slug)));
        Enrolment done = Enrolment.onVersion(trainee.subject(), version.id).orElse(null);
        if (done != null) {
            return new Enrolled(done, false);
        }
        List<String> offered = CourseTranslation.offered(version);
        if (language == null || !offered.contains(language)) {
            throw ProblemException.badRequest(Reason.of("enrol.pick-language", String.join(",", offered)));
        }
        Enrolment enrolment = new Enrolment();
        enrolment.courseId = course.id;
        enrolment.versionId = version.id;
        enrolment.subject = trainee.subject();
        enrolment.displayName = trainee.displayName();
        enrolment.organization = trainee.organization();
        enrolment.language = language;
        enrolment.persist();
        return new Enrolled(enrolment, true);
    }

    /**
     * Changes the language an enrolment is studied in, at any point of the course: studied lessons, attempts,
     * answers, scores and the certificate belong to the enrolment and its version, not to a language, so they stay.
     * Only the languages the version is published in may be chosen.
     */
    @Transactional
    public Enrolment changeLanguage(long enrolmentId, String language) {
        Enrolment enrolment = mine(enrolmentId);
        List<String> readable = CourseTranslation.readable(CourseVersion.findById(enrolment.versionId));
        if (language == null || !readable.contains(language)) {
            throw ProblemException.badRequest(Reason.of("enrol.pick-language", String.join(",", readable)));
        }
        enrolment.language = language;
        return enrolment;
    }

    public String currentSubject() {
        return user.subject();
    }

    /** The caller's own enrolment; another trainee's is refused. */
    public Enrolment mine(long id) {
        Enrolment enrolment = Enrolment.findById(id);
        if (enrolment == null) {
            throw ProblemException.notFound(Reason.of("enrol.not-found", String.valueOf(id)));
        }
        if (!enrolment.subject.equals(user.subject())) {
            throw ProblemException.forbidden(Reason.of("detail.other-trainee"));
        }
        return enrolment;
    }

    /** Everything {@link Progress} decides from, read in a few queries before any decision. */
    Progress progress(Enrolment enrolment) {
        Map<Long, Progress.Taken> latest = new HashMap<>();
        Attempt.of(enrolment.id).forEach(a -> latest.put(a.assessmentId, new Progress.Taken(a.score, a.passed)));
        Map<Long, Integer> counts = Assessment.questionCounts(enrolment.versionId);
        return new Progress(enrolment.isCompleted(),
                CourseModule.of(enrolment.versionId).stream().map(m -> m.id).toList(),
                Lesson.inOrder(enrolment.versionId).stream().map(l -> new Progress.LessonRef(l.id, l.moduleId)).toList(),
                queries.studiedLessons(enrolment.id), latest,
                Assessment.of(enrolment.versionId).stream()
                        .map(a -> new Progress.Stage(a.id, a.kind, a.moduleId, counts.getOrDefault(a.id, 0))).toList());
    }

    @Transactional
    public Outline outline(long enrolmentId) {
        return outline(mine(enrolmentId));
    }

    Outline outline(Enrolment enrolment) {
        Progress progress = progress(enrolment);
        CourseVersion version = CourseVersion.findById(enrolment.versionId);
        Localized text = texts.forTrainees(version, enrolment.language, null);
        List<ModuleItem> modules = new ArrayList<>();
        boolean fallback = false;
        for (CourseModule module : CourseModule.of(version.id)) {
            List<LessonItem> items = new ArrayList<>();
            for (Progress.LessonRef lesson : progress.lessons()) {
                if (lesson.moduleId() == module.id) {
                    Localized.Text title = text.text(ContentText.LESSON, lesson.id(), ContentText.TITLE);
                    fallback |= title.fallback();
                    items.add(new LessonItem(lesson.id(), title.value(), progress.studied(lesson.id()),
                            progress.lessonOpen(lesson.id()), title.fallback(), text.shownIn(title)));
                }
            }
            Step check = progress.step(progress.checkOf(module.id));
            Localized.Text moduleTitle = text.text(ContentText.MODULE, module.id, ContentText.TITLE);
            fallback |= moduleTitle.fallback();
            modules.add(new ModuleItem(module.id, moduleTitle.value(), items, check, progress.moduleComplete(module.id),
                    text.shownIn(moduleTitle)));
        }
        Certificate certificate = Certificate.ofEnrolment(enrolment.id).orElse(null);
        Course course = Course.findById(enrolment.courseId);
        List<GlossaryItem> glossary = new ArrayList<>();
        for (GlossaryTerm term : GlossaryTerm.of(version.id)) {
            Localized.Text explanation = text.text(ContentText.GLOSSARY, term.id, ContentText.EXPLANATION);
            fallback |= explanation.fallback();
            glossary.add(new GlossaryItem(term.term, version.defaultLanguage, explanation.value(),
                    text.shownIn(explanation)));
        }
        Localized.Text title = text.text(ContentText.COURSE, version.id, ContentText.TITLE);
        Localized.Text summary = text.text(ContentText.COURSE, version.id, ContentText.SUMMARY);
        return new Outline(enrolment.id, course.slug, title.value(), summary.value(), version.number,
                enrolment.language, enrolment.status, progress.percentDone(), progress.step(progress.pretest()),
                modules, progress.step(progress.posttest()), version.passMark,
                certificate == null ? null : certificate.code, certificate != null && certificate.refresherDue,
                fallback || title.fallback() || summary.fallback(), version.defaultLanguage, glossary,
                text.shownIn(title), CourseTranslation.readable(version));
    }
}
