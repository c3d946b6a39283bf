package org.beacon.training.enrolment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.web.ProblemException;
import org.beacon.training.assessment.Assessment;
import org.beacon.training.assessment.Question;
import org.beacon.training.assessment.QuestionAnswer;
import org.beacon.training.assessment.QuestionType;
import org.beacon.training.assessment.Scoring;
import org.beacon.training.certificate.Certificate;
import org.beacon.training.certificate.CertificateService;
import org.beacon.training.course.ContentText;
import org.beacon.training.course.Course;
import org.beacon.training.course.CourseModule;
import org.beacon.training.course.CourseTranslation;
import org.beacon.training.course.CourseVersion;
import org.beacon.training.course.Lesson;
import org.beacon.training.course.LessonMarkdown;
import org.beacon.training.course.Localized;
import org.beacon.training.course.Texts;
import org.beacon.training.course.VersionContent;
import org.beacon.training.course.VersionMedia;
import org.beacon.training.media.Attachment;

/**
 * The trainee's path through a course: enrol in a language, take the pre-test, study the lessons in order, take
 * each module's knowledge check, then the post-test. Passing the post-test completes the course and issues the
 * certificate. Scoring happens here. The answer key (right answers, feedback, legal source) leaves the server only
 * once the course is completed, and for module checks on the questions the post-test does not ask: a trainee who
 * could read the key after the pre-test or a failed post-test could retake the post-test and pass without learning.
 */
@ApplicationScoped
public class EnrolmentService {

    public static final String ATTACHMENT_HREF = "/training/api/attachments/";

    @Inject
    CurrentUser user;

    @Inject
    Texts texts;

    @Inject
    VersionContent content;

    @Inject
    CertificateService certificates;

    @Inject
    EntityManager em;

    // --- views ---------------------------------------------------------------------------------------------------

    public record Step(long assessmentId, String kind, int questions, boolean open, boolean taken, BigDecimal score,
            Boolean passed) {
    }

    public record LessonItem(long id, String title, boolean studied, boolean open, boolean fallback) {
    }

    public record ModuleItem(long id, String title, List<LessonItem> lessons, Step check, boolean complete) {
    }

    /** {@code fallback}: some text is shown in {@code defaultLanguage}, the course's, not in {@code language}. */
    public record Outline(long enrolmentId, String course, String title, String summary, int version,
            String language, String status, int progress, Step pretest, List<ModuleItem> modules, Step posttest,
            int passMark, String certificateCode, boolean refresherDue, boolean fallback, String defaultLanguage,
            List<GlossaryItem> glossary) {
    }

    public record GlossaryItem(String term, String explanation) {
    }

    public record MediaLink(String href, String fileName, String kind, long size) {
    }

    /**
     * A lesson in the enrolment's {@code language}; {@code fallback} when its title ({@code titleLanguage}) or its
     * text ({@code shownLanguage}) comes from the course's {@code defaultLanguage} instead.
     */
    public record LessonPage(long enrolmentId, long id, String title, String html, boolean fallback,
            String language, String titleLanguage, String shownLanguage, String defaultLanguage, String moduleTitle,
            List<MediaLink> media, boolean studied, Long previousLessonId, Long nextLessonId) {
    }

    public record Option(int value, String text) {
    }

    /** {@code language}: the language the stem and options are shown in; {@code fallback} when not the trainee's. */
    public record QuizQuestion(long id, String type, String stem, List<Option> options, String language,
            boolean fallback) {
    }

    /** {@code fallback}: some questions are shown in {@code defaultLanguage}, the course's. */
    public record Quiz(long enrolmentId, long assessmentId, String kind, String moduleTitle, int passMark,
            boolean fallback, String defaultLanguage, List<QuizQuestion> questions) {
    }

    /**
     * One question of a result. {@code keyShown} false: {@code rightAnswers} is empty and {@code credit},
     * {@code feedback} and {@code legalSource} are null, since whether one answer was right gives the key away
     * (retaking until it is right would reveal it); the trainee sees the answers given and the attempt's score.
     */
    public record QuestionResult(long id, String type, String stem, Double credit, List<String> yourAnswer,
            boolean keyShown, List<String> rightAnswers, String feedback, String legalSource, String language,
            boolean fallback) {
    }

    /**
     * {@code keyWithheld}: some questions' right answers are shown only once the post-test is passed;
     * {@code fallback}: some questions are shown in {@code defaultLanguage}, the course's.
     */
    public record Result(long attemptId, long enrolmentId, String kind, BigDecimal score, boolean passed,
            int passMark, boolean courseCompleted, String certificateCode, boolean keyWithheld, boolean fallback,
            String defaultLanguage, List<QuestionResult> questions) {
    }

    // --- enrolling -----------------------------------------------------------------------------------------------

    public record Enrolled(Enrolment enrolment, boolean created) {
    }

    /**
     * Enrols in the published version, or returns the enrolment the trainee already has: an unfinished one keeps
     * its version even when a newer one has been published since.
     */
    @Transactional
    public Enrolled enrol(String slug, String language) {
        Course course = Course.bySlug(slug == null ? "" : slug)
                .orElseThrow(() -> ProblemException.notFound("No course '" + slug + "'."));
        Enrolment active = Enrolment.active(user.subject(), course.id).orElse(null);
        if (active != null) {
            return new Enrolled(active, false);
        }
        CourseVersion version = CourseVersion.publishedOf(course.id)
                .orElseThrow(() -> ProblemException.conflict("Course '" + slug + "' is not published."));
        Enrolment done = Enrolment.onVersion(user.subject(), version.id).orElse(null);
        if (done != null) {
            return new Enrolled(done, false);
        }
        List<String> offered = CourseTranslation.offered(version);
        if (language == null || !offered.contains(language)) {
            throw ProblemException.badRequest("Pick one of the course's languages: " + String.join(",", offered) + ".");
        }
        Enrolment enrolment = new Enrolment();
        enrolment.courseId = course.id;
        enrolment.versionId = version.id;
        enrolment.subject = user.subject();
        enrolment.displayName = user.displayName();
        enrolment.organization = user.organization().orElse(null);
        enrolment.language = language;
        enrolment.persist();
        return new Enrolled(enrolment, true);
    }

    public String currentSubject() {
        return user.subject();
    }

    /** The caller's own enrolment; another trainee's is refused. */
    public Enrolment mine(long id) {
        Enrolment enrolment = Enrolment.findById(id);
        if (enrolment == null) {
            throw ProblemException.notFound("No enrolment " + id + ".");
        }
        if (!enrolment.subject.equals(user.subject())) {
            throw new ForbiddenException("This enrolment belongs to another trainee.");
        }
        return enrolment;
    }

    // --- outline -------------------------------------------------------------------------------------------------

    /** Where the trainee stands; which steps are open follows the order of the course. */
    private final class Progress {
        final Enrolment enrolment;
        final CourseVersion version;
        final List<Lesson> lessons;
        final Set<Long> studied;
        final Map<Long, Attempt> latest = new LinkedHashMap<>();
        final Assessment pretest;
        final Assessment posttest;

        Progress(Enrolment enrolment) {
            this.enrolment = enrolment;
            this.version = CourseVersion.findById(enrolment.versionId);
            this.lessons = Lesson.inOrder(version.id);
            this.studied = studiedLessons(enrolment.id);
            Attempt.of(enrolment.id).forEach(a -> latest.put(a.assessmentId, a));
            this.pretest = Assessment.of(version.id, Assessment.PRETEST).orElse(null);
            this.posttest = Assessment.of(version.id, Assessment.POSTTEST).orElse(null);
        }

        boolean pretestDone() {
            return pretest == null || latest.containsKey(pretest.id);
        }

        boolean lessonOpen(Lesson lesson) {
            if (!pretestDone()) {
                return false;
            }
            for (Lesson before : lessons) {
                if (before.id.equals(lesson.id)) {
                    return true;
                }
                if (!studied.contains(before.id)) {
                    return false;
                }
            }
            return false;
        }

        boolean moduleLessonsStudied(long moduleId) {
            return lessons.stream().filter(l -> l.moduleId == moduleId).allMatch(l -> studied.contains(l.id));
        }

        boolean moduleComplete(CourseModule module) {
            return moduleLessonsStudied(module.id)
                    && Assessment.checkOf(module.id).map(c -> latest.containsKey(c.id)).orElse(true);
        }

        boolean allModulesComplete() {
            return CourseModule.of(version.id).stream().allMatch(this::moduleComplete);
        }

        boolean open(Assessment assessment) {
            return switch (assessment.kind) {
                case Assessment.PRETEST -> !latest.containsKey(assessment.id);
                case Assessment.CHECK -> pretestDone() && moduleLessonsStudied(assessment.moduleId)
                        && !enrolment.isCompleted();
                default -> pretestDone() && allModulesComplete() && !enrolment.isCompleted();
            };
        }

        Step step(Assessment assessment) {
            if (assessment == null) {
                return null;
            }
            Attempt attempt = latest.get(assessment.id);
            int count = ((Number) em.createNativeQuery("select count(*) from assessment_question where assessment_id = ?1")
                    .setParameter(1, assessment.id).getSingleResult()).intValue();
            return new Step(assessment.id, assessment.kind, count, open(assessment), attempt != null,
                    attempt == null ? null : attempt.score, attempt == null ? null : attempt.passed);
        }
    }

    @Transactional
    public Outline outline(long enrolmentId) {
        return outline(mine(enrolmentId));
    }

    Outline outline(Enrolment enrolment) {
        Progress progress = new Progress(enrolment);
        CourseVersion version = progress.version;
        Localized text = texts.localized(version, enrolment.language, null);
        List<ModuleItem> modules = new ArrayList<>();
        boolean fallback = false;
        int done = 0;
        int steps = 0;
        for (CourseModule module : CourseModule.of(version.id)) {
            List<LessonItem> items = new ArrayList<>();
            for (Lesson lesson : progress.lessons) {
                if (lesson.moduleId.equals(module.id)) {
                    Localized.Text title = text.text(ContentText.LESSON, lesson.id, VersionContent.TITLE);
                    fallback |= title.fallback();
                    boolean studied = progress.studied.contains(lesson.id);
                    items.add(new LessonItem(lesson.id, title.value(), studied, progress.lessonOpen(lesson),
                            title.fallback()));
                    steps++;
                    done += studied ? 1 : 0;
                }
            }
            Step check = progress.step(Assessment.checkOf(module.id).orElse(null));
            if (check != null) {
                steps++;
                done += check.taken() ? 1 : 0;
            }
            Localized.Text moduleTitle = text.text(ContentText.MODULE, module.id, VersionContent.TITLE);
            fallback |= moduleTitle.fallback();
            modules.add(new ModuleItem(module.id, moduleTitle.value(), items, check, progress.moduleComplete(module)));
        }
        Step pretest = progress.step(progress.pretest);
        Step posttest = progress.step(progress.posttest);
        for (Step step : new Step[] { pretest, posttest }) {
            if (step != null) {
                steps++;
                done += step.taken() && (step.kind().equals(Assessment.PRETEST) || Boolean.TRUE.equals(step.passed())) ? 1 : 0;
            }
        }
        Certificate certificate = Certificate.ofEnrolment(enrolment.id).orElse(null);
        Course course = Course.findById(enrolment.courseId);
        List<GlossaryItem> glossary = new ArrayList<>();
        for (var term : org.beacon.training.course.GlossaryTerm.of(version.id)) {
            Localized.Text explanation = text.text(ContentText.GLOSSARY, term.id, VersionContent.EXPLANATION);
            fallback |= explanation.fallback();
            glossary.add(new GlossaryItem(term.term, explanation.value()));
        }
        Localized.Text title = text.text(ContentText.COURSE, version.id, VersionContent.TITLE);
        Localized.Text summary = text.text(ContentText.COURSE, version.id, VersionContent.SUMMARY);
        return new Outline(enrolment.id, course.slug, title.value(), summary.value(), version.number,
                enrolment.language, enrolment.status, steps == 0 ? 0 : done * 100 / steps, pretest, modules, posttest,
                version.passMark, certificate == null ? null : certificate.code,
                certificate != null && certificate.refresherDue, fallback || title.fallback() || summary.fallback(),
                version.defaultLanguage, glossary);
    }

    // --- lessons -------------------------------------------------------------------------------------------------

    @Transactional
    public LessonPage lesson(long enrolmentId, long lessonId) {
        Enrolment enrolment = mine(enrolmentId);
        Progress progress = new Progress(enrolment);
        Lesson lesson = lessonIn(progress, lessonId);
        if (!progress.lessonOpen(lesson)) {
            throw ProblemException.conflict(progress.pretestDone()
                    ? "Study the lessons before this one first."
                    : "Take the pre-test before the lessons.");
        }
        CourseVersion version = progress.version;
        Localized text = texts.localized(version, enrolment.language, lesson.id);
        Localized.Text title = text.text(ContentText.LESSON, lesson.id, VersionContent.TITLE);
        Localized.Text body = text.text(ContentText.LESSON, lesson.id, VersionContent.BODY);
        Map<String, String> hrefs = new LinkedHashMap<>();
        VersionMedia.of(version.id).forEach(m -> hrefs.put(m.fileName, ATTACHMENT_HREF + m.attachmentId));
        List<MediaLink> media = content.attachmentsOf(lesson.id).stream()
                .map(id -> (Attachment) Attachment.findById(id))
                .map(a -> new MediaLink(ATTACHMENT_HREF + a.id, a.fileName, a.kind(), a.sizeBytes)).toList();
        int index = indexOf(progress.lessons, lesson);
        Long previous = index > 0 ? progress.lessons.get(index - 1).id : null;
        Long next = index + 1 < progress.lessons.size() ? progress.lessons.get(index + 1).id : null;
        boolean fallback = title.fallback() || body.fallback();
        return new LessonPage(enrolment.id, lesson.id, title.value(), LessonMarkdown.render(body.value(), hrefs),
                fallback, enrolment.language, shownIn(title, enrolment, version), shownIn(body, enrolment, version),
                version.defaultLanguage,
                text.value(ContentText.MODULE, lesson.moduleId, VersionContent.TITLE), media,
                progress.studied.contains(lesson.id), previous, next);
    }

    /** Marks a lesson studied; returns the next lesson, or null at the end of the course. */
    @Transactional
    public Long study(long enrolmentId, long lessonId) {
        Enrolment enrolment = mine(enrolmentId);
        Progress progress = new Progress(enrolment);
        Lesson lesson = lessonIn(progress, lessonId);
        if (!progress.lessonOpen(lesson)) {
            throw ProblemException.conflict("Study the lessons before this one first.");
        }
        em.createNativeQuery("insert into lesson_progress (enrolment_id, lesson_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, enrolment.id).setParameter(2, lesson.id).executeUpdate();
        int index = indexOf(progress.lessons, lesson);
        return index + 1 < progress.lessons.size() ? progress.lessons.get(index + 1).id : null;
    }

    private static Lesson lessonIn(Progress progress, long lessonId) {
        return progress.lessons.stream().filter(l -> l.id == lessonId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("This course has no lesson " + lessonId + "."));
    }

    private static int indexOf(List<Lesson> lessons, Lesson lesson) {
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).id.equals(lesson.id)) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private Set<Long> studiedLessons(long enrolmentId) {
        return new HashSet<>(((List<Number>) em.createNativeQuery(
                "select lesson_id from lesson_progress where enrolment_id = ?1")
                .setParameter(1, enrolmentId).getResultList()).stream().map(Number::longValue).toList());
    }

    // --- assessments ---------------------------------------------------------------------------------------------

    /** The questions to answer, without weights, right answers or feedback. */
    @Transactional
    public Quiz quiz(long enrolmentId, long assessmentId) {
        Enrolment enrolment = mine(enrolmentId);
        Progress progress = new Progress(enrolment);
        Assessment assessment = assessmentIn(progress, assessmentId);
        requireOpen(progress, assessment);
        Localized text = texts.localized(progress.version, enrolment.language, null);
        List<QuizQuestion> questions = new ArrayList<>();
        for (Question question : assessment.questions()) {
            Localized.Text stem = text.text(ContentText.QUESTION, question.id, "stem");
            List<QuestionAnswer> answers = answersFor(question, enrolment.language, progress.version);
            List<Option> options = new ArrayList<>();
            if (question.questionType() == QuestionType.SINGLE || question.questionType() == QuestionType.MULTIPLE) {
                for (QuestionAnswer answer : answers) {
                    options.add(new Option(answer.position, answer.text));
                }
                // Authors often write the right answer first; the order is shuffled, the same way on every visit.
                Collections.shuffle(options, new Random(enrolment.id * 7919L + question.id));
            }
            boolean fallback = stem.fallback() || fellBack(answers, enrolment);
            questions.add(new QuizQuestion(question.id, question.type, stem.value(), options,
                    fallback ? progress.version.defaultLanguage : enrolment.language, fallback));
        }
        String moduleTitle = assessment.moduleId == null ? null
                : text.value(ContentText.MODULE, assessment.moduleId, VersionContent.TITLE);
        return new Quiz(enrolment.id, assessment.id, assessment.kind, moduleTitle, progress.version.passMark,
                questions.stream().anyMatch(QuizQuestion::fallback), progress.version.defaultLanguage, questions);
    }

    /**
     * Scores a submission. Unanswered questions earn nothing. Passing the post-test completes the course and
     * issues the certificate.
     */
    @Transactional
    public Result submit(long enrolmentId, long assessmentId, Map<Long, List<String>> responses) {
        Enrolment enrolment = mine(enrolmentId);
        Progress progress = new Progress(enrolment);
        Assessment assessment = assessmentIn(progress, assessmentId);
        requireOpen(progress, assessment);
        Map<Long, List<String>> given = responses == null ? Map.of() : responses;
        List<Question> questions = assessment.questions();
        Set<Long> known = new HashSet<>(questions.stream().map(q -> q.id).toList());
        given.keySet().stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
            throw ProblemException.badRequest("Question " + id + " is not part of this assessment.");
        });
        given.entrySet().stream().filter(e -> e.getValue() == null).findFirst().ifPresent(e -> {
            throw ProblemException.badRequest("Question " + e.getKey() + ": send a list of answers, [] for none.");
        });
        // Every response is read and checked before anything is stored: a refused submission is not an attempt.
        Map<Long, List<String>> read = new LinkedHashMap<>();
        Map<Long, Double> credits = new LinkedHashMap<>();
        double total = 0;
        for (Question question : questions) {
            List<QuestionAnswer> answers = answersFor(question, enrolment.language, progress.version);
            List<String> response = given.getOrDefault(question.id, List.of()).stream()
                    .filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
            if (question.questionType() == QuestionType.SINGLE || question.questionType() == QuestionType.MULTIPLE) {
                // Stored as the positions themselves, so that the result names the chosen answers.
                response = Scoring.positions(question, answers, response).stream().map(String::valueOf).toList();
            }
            double credit = Scoring.credit(question, answers, response);
            total += credit;
            read.put(question.id, response);
            credits.put(question.id, credit);
        }
        Attempt attempt = new Attempt();
        attempt.enrolmentId = enrolment.id;
        attempt.assessmentId = assessment.id;
        attempt.kind = assessment.kind;
        attempt.score = BigDecimal.ZERO;
        attempt.persist();
        for (Question question : questions) {
            em.createNativeQuery("insert into attempt_answer (attempt_id, question_id, response, fraction)"
                    + " values (?1, ?2, ?3, ?4)")
                    .setParameter(1, attempt.id).setParameter(2, question.id)
                    .setParameter(3, truncate(String.join("\n", read.get(question.id)), 2000))
                    .setParameter(4, BigDecimal.valueOf(credits.get(question.id))).executeUpdate();
        }
        attempt.score = questions.isEmpty() ? BigDecimal.ZERO
                : BigDecimal.valueOf(total * 100.0 / questions.size()).setScale(2, RoundingMode.HALF_UP);
        boolean isPosttest = Assessment.POSTTEST.equals(assessment.kind);
        attempt.passed = !isPosttest || attempt.score.compareTo(BigDecimal.valueOf(progress.version.passMark)) >= 0;
        if (isPosttest && attempt.passed) {
            enrolment.complete();
            certificates.issue(enrolment);
        }
        return resultOf(enrolment, progress.version, attempt);
    }

    /** A submitted attempt again: the trainee may come back to it, and sees its key once the course is completed. */
    @Transactional
    public Result result(long enrolmentId, long attemptId) {
        Enrolment enrolment = mine(enrolmentId);
        Attempt attempt = Attempt.findById(attemptId);
        if (attempt == null || !attempt.enrolmentId.equals(enrolment.id)) {
            throw ProblemException.notFound("No attempt " + attemptId + " in this enrolment.");
        }
        return resultOf(enrolment, CourseVersion.findById(enrolment.versionId), attempt);
    }

    @SuppressWarnings("unchecked")
    private Result resultOf(Enrolment enrolment, CourseVersion version, Attempt attempt) {
        Assessment assessment = Assessment.findById(attempt.assessmentId);
        Localized text = texts.localized(version, enrolment.language, null);
        Map<Long, List<String>> responses = new LinkedHashMap<>();
        Map<Long, Double> credits = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select question_id, response, fraction"
                + " from attempt_answer where attempt_id = ?1").setParameter(1, attempt.id).getResultList()) {
            long questionId = ((Number) row[0]).longValue();
            String response = (String) row[1];
            responses.put(questionId, response == null || response.isEmpty() ? List.of() : List.of(response.split("\n")));
            credits.put(questionId, ((Number) row[2]).doubleValue());
        }
        Set<Long> posttest = new HashSet<>(Assessment.of(version.id, Assessment.POSTTEST)
                .map(a -> a.questions().stream().map(q -> q.id).toList()).orElse(List.of()));
        List<QuestionResult> results = new ArrayList<>();
        for (Question question : assessment.questions()) {
            List<QuestionAnswer> answers = answersFor(question, enrolment.language, version);
            List<String> response = responses.getOrDefault(question.id, List.of());
            double credit = credits.getOrDefault(question.id, 0.0);
            // Module checks are formative, so their feedback is shown at once, except on questions the post-test
            // asks too; the pre-test and the post-test keep their key until the course is completed.
            boolean keyShown = enrolment.isCompleted()
                    || (Assessment.CHECK.equals(assessment.kind) && !posttest.contains(question.id));
            Localized.Text stem = text.text(ContentText.QUESTION, question.id, "stem");
            boolean fallback = stem.fallback() || fellBack(answers, enrolment);
            // The credit of one question is its key in disguise (a true/false answer marked wrong has the other
            // answer as key), so it is withheld with the key; only the attempt's score is given.
            results.add(new QuestionResult(question.id, question.type, stem.value(), keyShown ? credit : null,
                    shown(question, answers, response), keyShown,
                    keyShown ? Scoring.rightAnswers(question, answers) : List.of(),
                    keyShown ? feedback(question, answers, response, credit, text) : null,
                    keyShown ? question.legalSource : null,
                    fallback ? version.defaultLanguage : enrolment.language, fallback));
        }
        Certificate certificate = Certificate.ofEnrolment(enrolment.id).orElse(null);
        return new Result(attempt.id, enrolment.id, attempt.kind, attempt.score, attempt.passed, version.passMark,
                enrolment.isCompleted(), certificate == null ? null : certificate.code,
                results.stream().anyMatch(r -> !r.keyShown()), results.stream().anyMatch(QuestionResult::fallback),
                version.defaultLanguage, results);
    }

    private static Assessment assessmentIn(Progress progress, long assessmentId) {
        Assessment assessment = Assessment.findById(assessmentId);
        if (assessment == null || !assessment.versionId.equals(progress.version.id)) {
            throw ProblemException.notFound("This course has no assessment " + assessmentId + ".");
        }
        return assessment;
    }

    private static void requireOpen(Progress progress, Assessment assessment) {
        if (progress.open(assessment)) {
            return;
        }
        String why = switch (assessment.kind) {
            case Assessment.PRETEST -> "The pre-test has been taken; it measures what you knew before the course.";
            case Assessment.CHECK -> progress.enrolment.isCompleted() ? "The course is completed."
                    : !progress.pretestDone() ? "Take the pre-test first."
                    : "Study all lessons of the module before its knowledge check.";
            default -> progress.enrolment.isCompleted() ? "You have passed the post-test already."
                    : "Complete every module (lessons and knowledge check) before the post-test.";
        };
        throw ProblemException.conflict(why);
    }

    /** The language a text is shown in: the enrolment's, or the course's default one when it fell back. */
    private static String shownIn(Localized.Text text, Enrolment enrolment, CourseVersion version) {
        return text.fallback() ? version.defaultLanguage : enrolment.language;
    }

    /** Whether {@link #answersFor} had to take the default language's answers. */
    private static boolean fellBack(List<QuestionAnswer> answers, Enrolment enrolment) {
        return !answers.isEmpty() && !answers.get(0).language.equals(enrolment.language);
    }

    /** The answers in the trainee's language, or in the default language when the question is not translated. */
    private static List<QuestionAnswer> answersFor(Question question, String language, CourseVersion version) {
        List<QuestionAnswer> answers = QuestionAnswer.of(question.id, language);
        return answers.isEmpty() ? QuestionAnswer.of(question.id, version.defaultLanguage) : answers;
    }

    private static List<String> shown(Question question, List<QuestionAnswer> answers, List<String> response) {
        if (question.questionType() == QuestionType.SINGLE || question.questionType() == QuestionType.MULTIPLE) {
            return response.stream().map(r -> answers.stream().filter(a -> String.valueOf(a.position).equals(r.strip()))
                    .map(a -> a.text).findFirst().orElse(r)).toList();
        }
        return response;
    }

    private static String feedback(Question question, List<QuestionAnswer> answers, List<String> response,
            double credit, Localized text) {
        List<String> parts = new ArrayList<>();
        if (question.questionType() == QuestionType.TRUEFALSE) {
            String field = credit >= 1 ? "feedback_right" : "feedback_wrong";
            parts.add(text.value(ContentText.QUESTION, question.id, field));
        } else if (question.questionType() == QuestionType.SHORT) {
            String typed = response.isEmpty() ? "" : response.get(0);
            answers.stream().filter(a -> Scoring.normal(a.text).equals(Scoring.normal(typed)) && a.feedback != null).findFirst()
                    .ifPresent(a -> parts.add(a.feedback));
        } else {
            for (String r : response) {
                answers.stream().filter(a -> String.valueOf(a.position).equals(r.strip()) && a.feedback != null)
                        .findFirst().ifPresent(a -> parts.add(a.feedback));
            }
        }
        parts.add(text.value(ContentText.QUESTION, question.id, "general_feedback"));
        return String.join(" ", parts.stream().filter(p -> p != null && !p.isBlank()).toList());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
