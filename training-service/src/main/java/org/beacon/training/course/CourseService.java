package org.beacon.training.course;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.ProblemException;
import org.beacon.training.assessment.Assessment;
import org.beacon.training.assessment.Gift;
import org.beacon.training.assessment.Gift.GiftException;
import org.beacon.training.assessment.GiftQuestion;
import org.beacon.training.assessment.QuestionBank;
import org.beacon.training.audit.AuditLog;
import org.beacon.training.media.AttachmentService;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Authoring and the publishing workflow: draft → in_review → published → archived. Whoever changed a version
 * cannot approve it (four eyes); publishing freezes the version and retires the one before; a version published
 * as a legal change flags certificates of older versions as "refresher due".
 */
@ApplicationScoped
public class CourseService {

    private static final String SLUG = "[a-z0-9][a-z0-9-]{1,118}";
    private static final String LANGUAGE = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*";

    @Inject
    CurrentUser user;

    @Inject
    VersionContent content;

    @Inject
    Texts texts;

    @Inject
    QuestionBank bank;

    @Inject
    AuditLog audit;

    @Inject
    AttachmentService attachments;

    @Inject
    TranslationService translations;

    @Inject
    EntityManager em;

    /** The fields a new course starts from; everything else is added to its first draft. */
    public record NewCourse(String slug, List<String> sectors, String country, String defaultLanguage,
            List<String> languages, Integer passMark, Map<String, String> title, Map<String, String> summary) {
    }

    private static final int TITLE_LIMIT = 300;

    @Transactional
    public CourseVersion create(NewCourse request) {
        CourseDocument doc = new CourseDocument(request.slug(), request.sectors(), request.country(),
                request.defaultLanguage(), request.languages(), request.passMark() == null ? 70 : request.passMark(),
                request.title(), request.summary() == null ? Map.of() : request.summary(), List.of(), List.of(),
                List.of(), List.of(), Map.of(), Map.of());
        if (Course.bySlug(String.valueOf(request.slug())).isPresent()) {
            throw ProblemException.conflict("A course with the slug '" + request.slug() + "' exists already.");
        }
        return createFrom(doc, null);
    }

    /** Checks the course-level fields of a document; all problems at once. */
    public void validate(CourseDocument doc) {
        List<String> errors = new ArrayList<>();
        if (doc.slug() == null || !doc.slug().matches(SLUG)) {
            errors.add("slug: use lower-case letters, digits and hyphens (2 to 120 characters).");
        }
        if (doc.sectors() == null || doc.sectors().isEmpty()) {
            errors.add("sectors: name at least one of " + String.join(", ", Course.SECTORS) + ".");
        } else {
            doc.sectors().stream().filter(s -> s == null || !Course.SECTORS.contains(s))
                    .forEach(s -> errors.add("sectors: '" + s + "' is not one of " + String.join(", ", Course.SECTORS) + "."));
        }
        if (doc.country() != null && !doc.country().matches("[A-Z]{2}")) {
            errors.add("country: use an ISO 3166 alpha-2 code such as SN, or leave it empty.");
        }
        if (doc.defaultLanguage() == null || !doc.defaultLanguage().matches(LANGUAGE)) {
            errors.add("defaultLanguage: give a BCP-47 language tag such as en.");
        }
        if (doc.languages() != null) {
            doc.languages().stream().filter(l -> l == null || !l.matches(LANGUAGE))
                    .forEach(l -> errors.add("languages: '" + l + "' is not a BCP-47 language tag."));
        }
        if (doc.passMark() < 0 || doc.passMark() > 100) {
            errors.add("passMark: give a percentage from 0 to 100.");
        }
        if (doc.title() == null || doc.defaultLanguage() == null || blank(doc.title().get(doc.defaultLanguage()))) {
            errors.add("title: give the title in the default language.");
        } else if (doc.title().get(doc.defaultLanguage()).strip().length() > TITLE_LIMIT) {
            // course.title and the certificates' course_title columns.
            errors.add("title: at most " + TITLE_LIMIT + " characters.");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The course is not valid.", errors);
        }
    }

    /** A new course, or a new version of an existing one, from a document; {@code hash} marks imported content. */
    @Transactional
    public CourseVersion createFrom(CourseDocument doc, String hash) {
        validate(doc);
        Course course = Course.bySlug(doc.slug()).orElse(null);
        if (course == null) {
            course = new Course();
            course.slug = doc.slug();
            course.status = CourseVersion.DRAFT;
            course.createdBy = user.subject();
        }
        course.assignSectors(doc.sectors());
        course.country = doc.country();
        course.defaultLanguage = doc.defaultLanguage();
        if (course.title == null || !CourseVersion.publishedOf(course.id == null ? -1 : course.id).isPresent()) {
            // The same title the version's texts keep (Texts.put): shown in every list of courses.
            course.title = UntrustedText.stripSpoofing(doc.title().get(doc.defaultLanguage()));
        }
        course.persist();
        CourseVersion version = new CourseVersion();
        version.courseId = course.id;
        version.number = CourseVersion.latestOf(course.id).map(v -> v.number + 1).orElse(1);
        version.defaultLanguage = doc.defaultLanguage();
        LinkedHashSet<String> languages = new LinkedHashSet<>();
        languages.add(doc.defaultLanguage());
        if (doc.languages() != null) {
            languages.addAll(doc.languages());
        }
        version.languages = String.join(",", languages);
        version.passMark = doc.passMark();
        version.authorSubject = user.subject();
        version.sourceHash = hash;
        version.persist();
        translations.open(version);
        contribute(version);
        content.fill(version, doc);
        return version;
    }

    /** Replaces the content of an open draft with a document (an import of changed content). */
    @Transactional
    public CourseVersion replaceDraft(CourseVersion draft, CourseDocument doc, String hash) {
        validate(doc);
        Course course = Course.findById(draft.courseId);
        em.createNativeQuery("delete from assessment_question where assessment_id in (select id from assessment where version_id = ?1)")
                .setParameter(1, draft.id).executeUpdate();
        for (String table : List.of("assessment", "question_answer", "content_text", "lesson_attachment", "lesson",
                "course_module", "glossary_term", "version_media", "question")) {
            String where = switch (table) {
                case "question_answer" -> "question_id in (select id from question where version_id = ?1)";
                case "lesson_attachment" -> "lesson_id in (select l.id from lesson l join course_module m on m.id = l.module_id where m.version_id = ?1)";
                case "lesson" -> "module_id in (select id from course_module where version_id = ?1)";
                default -> "version_id = ?1";
            };
            em.createNativeQuery("delete from " + table + " where " + where).setParameter(1, draft.id).executeUpdate();
        }
        course.assignSectors(doc.sectors());
        course.country = doc.country();
        draft.status = CourseVersion.DRAFT;
        draft.submittedAt = null;
        draft.defaultLanguage = doc.defaultLanguage();
        LinkedHashSet<String> languages = new LinkedHashSet<>();
        languages.add(doc.defaultLanguage());
        languages.addAll(doc.languages());
        draft.languages = String.join(",", languages);
        draft.passMark = doc.passMark();
        draft.sourceHash = hash;
        translations.open(draft);
        contribute(draft);
        content.fill(draft, doc);
        return draft;
    }

    /** A new draft that starts as a copy of the latest version. */
    @Transactional
    public CourseVersion newDraft(String slug) {
        Course course = requireCourse(slug);
        if (CourseVersion.openOf(course.id).isPresent()) {
            throw ProblemException.conflict("Course '" + slug + "' already has a version in draft or in review.");
        }
        CourseVersion latest = CourseVersion.latestOf(course.id).orElseThrow();
        CourseDocument doc = content.snapshot(course, latest);
        CourseVersion draft = createFrom(doc, null);
        audit.record("version.draft", "course_version", draft.id,
                course.slug + " v" + draft.number + " drafted from v" + latest.number);
        return draft;
    }

    // --- editing a draft ---------------------------------------------------------------------------------------

    @Transactional
    public void editCourseText(long versionId, String language, String title, String summary) {
        CourseVersion version = textsEditable(versionId, language);
        requireDefaultText(version, language, "a title", title);
        texts.put(version.id, ContentText.COURSE, version.id, ContentText.TITLE, language, title);
        texts.put(version.id, ContentText.COURSE, version.id, ContentText.SUMMARY, language, summary);
    }

    @Transactional
    public CourseModule addModule(long versionId, String slug, String title) {
        CourseVersion version = editable(versionId, null);
        requireSlug(slug);
        if (blank(title)) {
            throw ProblemException.badRequest("Give the module a title.");
        }
        if (CourseModule.count("versionId = ?1 and slug = ?2", version.id, slug) > 0) {
            throw ProblemException.conflict("The version has a module '" + slug + "' already.");
        }
        CourseModule module = new CourseModule();
        module.versionId = version.id;
        module.slug = slug;
        module.position = (int) CourseModule.count("versionId", version.id);
        module.persist();
        texts.put(version.id, ContentText.MODULE, module.id, ContentText.TITLE, version.defaultLanguage, title);
        return module;
    }

    @Transactional
    public void editModuleTitle(long versionId, long moduleId, String language, String title) {
        CourseVersion version = textsEditable(versionId, language);
        CourseModule module = moduleOf(version, moduleId);
        requireDefaultText(version, language, "a title", title);
        texts.put(version.id, ContentText.MODULE, module.id, ContentText.TITLE, language, title);
    }

    @Transactional
    public Lesson addLesson(long versionId, long moduleId, String slug, String title, String body) {
        CourseVersion version = editable(versionId, null);
        CourseModule module = moduleOf(version, moduleId);
        requireSlug(slug);
        if (Lesson.count("moduleId = ?1 and slug = ?2", module.id, slug) > 0) {
            throw ProblemException.conflict("The module has a lesson '" + slug + "' already.");
        }
        if (blank(title)) {
            throw ProblemException.badRequest("Give the lesson a title.");
        }
        Lesson lesson = new Lesson();
        lesson.moduleId = module.id;
        lesson.slug = slug;
        lesson.position = (int) Lesson.count("moduleId", module.id);
        lesson.persist();
        texts.put(version.id, ContentText.LESSON, lesson.id, ContentText.TITLE, version.defaultLanguage, title);
        texts.put(version.id, ContentText.LESSON, lesson.id, ContentText.BODY, version.defaultLanguage, body);
        return lesson;
    }

    /** Writes a lesson's title and Markdown in one language; blank values remove that translation. */
    @Transactional
    public void editLesson(long versionId, long lessonId, String language, String title, String body) {
        CourseVersion version = textsEditable(versionId, language);
        Lesson lesson = lessonOf(version, lessonId);
        requireDefaultText(version, language, "both a title and a text", title, body);
        texts.put(version.id, ContentText.LESSON, lesson.id, ContentText.TITLE, language, title);
        texts.put(version.id, ContentText.LESSON, lesson.id, ContentText.BODY, language, body);
    }

    @Transactional
    public void attachToLesson(long versionId, long lessonId, long attachmentId) {
        Lesson lesson = lessonOf(editable(versionId, null), lessonId);
        attachments.find(attachmentId);
        content.attach(lesson.id, attachmentId, content.attachmentsOf(lesson.id).size());
    }

    /**
     * Uploads a file and lists it under a lesson of a draft. The draft and the lesson are checked before the file
     * is stored, and a failure after it removes the stored file again (one transaction).
     */
    @Transactional
    public void uploadToLesson(long versionId, long lessonId, FileUpload file) {
        Lesson lesson = lessonOf(editable(versionId, null), lessonId);
        content.attach(lesson.id, attachments.upload(file).id, content.attachmentsOf(lesson.id).size());
    }

    /**
     * Removes a module ({@code modules}: with its lessons, their texts and attachment links, and its knowledge check)
     * or a lesson ({@code lessons}) from a draft. Attached files stay in storage: other versions may link them.
     */
    @Transactional
    public void remove(long versionId, String kind, long id) {
        CourseVersion version = editable(versionId, null);
        if (kind.equals("modules")) {
            removeModule(version, moduleOf(version, id));
        } else {
            Lesson lesson = lessonOf(version, id);
            removeLessonRows(lesson);
            renumber(Lesson.ofModule(lesson.moduleId));
        }
    }

    private void removeModule(CourseVersion version, CourseModule module) {
        Lesson.ofModule(module.id).forEach(this::removeLessonRows);
        Assessment.checkOf(module.id).ifPresent(check -> {
            check.assign(List.of());
            check.delete();
        });
        removeTexts(ContentText.MODULE, module.id);
        module.delete();
        renumber(CourseModule.of(version.id));
    }

    /** Moves a module ({@code modules}) or a lesson ({@code lessons}) of a draft one place up or down. */
    @Transactional
    public void move(long versionId, String kind, long id, String direction) {
        CourseVersion version = editable(versionId, null);
        int step = switch (direction == null ? "" : direction) {
            case "up" -> -1;
            case "down" -> 1;
            default -> throw ProblemException.badRequest("Move 'up' or 'down'.");
        };
        if (kind.equals("modules")) {
            List<CourseModule> modules = new ArrayList<>(CourseModule.of(version.id));
            swap(modules, modules.indexOf(moduleOf(version, id)), step);
            renumber(modules);
        } else {
            Lesson lesson = lessonOf(version, id);
            List<Lesson> lessons = new ArrayList<>(Lesson.ofModule(lesson.moduleId));
            swap(lessons, lessons.indexOf(lesson), step);
            renumber(lessons);
        }
    }

    private void removeLessonRows(Lesson lesson) {
        em.createNativeQuery("delete from lesson_attachment where lesson_id = ?1").setParameter(1, lesson.id)
                .executeUpdate();
        removeTexts(ContentText.LESSON, lesson.id);
        lesson.delete();
    }

    private void removeTexts(String kind, long ownerId) {
        em.createNativeQuery("delete from content_text where owner_kind = ?1 and owner_id = ?2")
                .setParameter(1, kind).setParameter(2, ownerId).executeUpdate();
    }

    /** Swaps an item with its neighbour; the first cannot go up nor the last down (nothing changes). */
    private static <T> void swap(List<T> items, int index, int step) {
        int other = index + step;
        if (index >= 0 && other >= 0 && other < items.size()) {
            java.util.Collections.swap(items, index, other);
        }
    }

    private static void renumber(List<?> items) {
        for (int position = 0; position < items.size(); position++) {
            Object item = items.get(position);
            if (item instanceof CourseModule module) {
                module.position = position;
            } else if (item instanceof Lesson lesson) {
                lesson.position = position;
            }
        }
    }

    /** The assessments of a draft by question name; a check is keyed by its module's slug. */
    public record AssessmentPlan(List<String> pretest, List<String> posttest, Map<String, List<String>> checks,
            Integer passMark) {
    }

    @Transactional
    public void planAssessments(long versionId, AssessmentPlan plan) {
        CourseVersion version = editable(versionId, null);
        List<String> errors = new ArrayList<>();
        if (plan.passMark() != null) {
            if (plan.passMark() < 0 || plan.passMark() > 100) {
                errors.add("passMark: give a percentage from 0 to 100.");
            }
            version.passMark = plan.passMark();
        }
        content.assess(version, Assessment.PRETEST, null, plan.pretest(), "pretest", errors);
        content.assess(version, Assessment.POSTTEST, null, plan.posttest(), "posttest", errors);
        if (plan.checks() != null) {
            plan.checks().forEach((moduleSlug, names) -> {
                CourseModule module = CourseModule.<CourseModule>find("versionId = ?1 and slug = ?2", version.id,
                        moduleSlug).firstResultOptional().orElse(null);
                if (module == null) {
                    errors.add("checks: no module '" + moduleSlug + "'.");
                } else {
                    content.assess(version, Assessment.CHECK, module.id, names, "module " + moduleSlug + " check", errors);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The assessments are not valid; nothing was changed.", errors);
        }
    }

    /** Imports one language's GIFT file into a draft's bank: all or nothing, errors name their line. */
    @Transactional
    public int importGift(long versionId, String language, String gift) {
        CourseVersion version = textsEditable(versionId, language);
        // A bank holds the answer keys of every language: only a draft version's bank may change.
        version.requireEditable();
        List<String> errors = new ArrayList<>();
        List<GiftQuestion> questions = Gift.parse(gift == null ? "" : gift, errors);
        if (errors.isEmpty() && questions.isEmpty()) {
            errors.add("line 1: the file holds no question.");
        }
        if (errors.isEmpty()) {
            bank.store(version, language, questions, "", errors);
        }
        if (!errors.isEmpty()) {
            throw new GiftException(errors);
        }
        return questions.size();
    }

    @Transactional
    public String exportGift(long versionId, String language) {
        CourseVersion version = CourseVersion.require(versionId);
        String gift = Gift.write(bank.read(version, language));
        audit.record("gift.export", "course_version", version.id, "language " + language);
        return gift;
    }

    @Transactional
    public void markLegalChange(long versionId, boolean legalChange) {
        CourseVersion version = editable(versionId, null);
        version.legalChange = legalChange;
    }

    // --- workflow ------------------------------------------------------------------------------------------------

    @Transactional
    public CourseVersion submit(long versionId) {
        CourseVersion version = CourseVersion.require(versionId);
        version.requireEditable();
        List<String> missing = new ArrayList<>();
        if (Lesson.inOrder(version.id).isEmpty()) {
            missing.add("The version has no lesson.");
        }
        if (Assessment.of(version.id, Assessment.POSTTEST).map(a -> a.questions().isEmpty()).orElse(true)) {
            missing.add("The version has no post-test.");
        }
        // A trainee is scored the same in every language: a key corrected in one language only is not ready.
        missing.addAll(bank.keyProblems(version));
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("The version is not ready for review.", missing);
        }
        version.status = CourseVersion.IN_REVIEW;
        version.submittedAt = OffsetDateTime.now();
        version.reviewComment = null;
        translations.versionSubmitted(version);
        return version;
    }

    /** Publishes a version in review. The reviewer must not have written or changed it (four eyes). */
    @Transactional
    public CourseVersion approve(long versionId) {
        CourseVersion version = inReview(versionId);
        requireOtherReviewer(version);
        Course course = Course.findById(version.courseId);
        CourseVersion.publishedOf(course.id).ifPresent(previous -> {
            previous.status = CourseVersion.ARCHIVED;
            previous.flush();
            audit.record("version.archive", "course_version", previous.id,
                    course.slug + " v" + previous.number + " superseded by v" + version.number);
        });
        version.status = CourseVersion.PUBLISHED;
        version.reviewerSubject = user.subject();
        version.publishedAt = OffsetDateTime.now();
        course.status = CourseVersion.PUBLISHED;
        course.title = texts.all(ContentText.COURSE, version.id, ContentText.TITLE).get(version.defaultLanguage);
        course.defaultLanguage = version.defaultLanguage;
        translations.versionApproved(version);
        audit.record("version.publish", "course_version", version.id,
                course.slug + " v" + version.number + (version.legalChange ? " (legal change)" : ""));
        if (version.legalChange) {
            int flagged = em.createNativeQuery("update certificate set refresher_due = true where course_id = ?1"
                    + " and course_version < ?2 and not refresher_due")
                    .setParameter(1, course.id).setParameter(2, version.number).executeUpdate();
            audit.record("certificate.refresher-due", "course", course.id,
                    flagged + " certificates of versions before v" + version.number);
        }
        return version;
    }

    @Transactional
    public CourseVersion reject(long versionId, String comment) {
        CourseVersion version = inReview(versionId);
        if (blank(comment)) {
            throw ProblemException.badRequest("Say what must change: the comment is required.");
        }
        version.status = CourseVersion.DRAFT;
        version.reviewComment = comment.strip();
        translations.versionRejected(version);
        return version;
    }

    /** Withdraws a published version: no new enrolments; trainees already on it keep studying it. */
    @Transactional
    public CourseVersion archive(long versionId) {
        CourseVersion version = CourseVersion.require(versionId);
        if (!version.isPublished()) {
            throw ProblemException.conflict("Only the published version can be archived; this one is "
                    + version.status.replace('_', ' ') + ".");
        }
        version.status = CourseVersion.ARCHIVED;
        Course course = Course.findById(version.courseId);
        course.status = CourseVersion.ARCHIVED;
        audit.record("version.archive", "course_version", version.id, course.slug + " v" + version.number + " withdrawn");
        return version;
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    public Course requireCourse(String slug) {
        return Course.bySlug(slug == null ? "" : slug)
                .orElseThrow(() -> ProblemException.notFound("No course '" + slug + "'."));
    }

    /**
     * The version when the signed-in author may change it: its structure ({@code language} null, default-language
     * texts included) only as a draft; the texts of one language while that translation is a draft.
     */
    private CourseVersion editable(long versionId, String language) {
        CourseVersion version = CourseVersion.require(versionId);
        if (language == null) {
            version.requireEditable();
            contribute(version);
            translations.contributed(version, version.defaultLanguage);
            return version;
        }
        if (!version.offers(language)) {
            version.requireEditable();
            throw ProblemException.badRequest("The version is not offered in '" + language + "'. Its languages: "
                    + version.languages + ".");
        }
        translations.requireEditable(version, language);
        if (version.isDraft()) {
            contribute(version);
        }
        translations.contributed(version, language);
        return version;
    }

    /** {@link #editable} for the texts of one language, which a text form or a GIFT file must name. */
    private CourseVersion textsEditable(long versionId, String language) {
        if (language == null || language.isBlank()) {
            CourseVersion version = CourseVersion.require(versionId);
            throw ProblemException.badRequest("Say which language the texts are in: one of " + version.languages + ".");
        }
        return editable(versionId, language);
    }

    private CourseVersion inReview(long versionId) {
        CourseVersion version = CourseVersion.require(versionId);
        if (!CourseVersion.IN_REVIEW.equals(version.status)) {
            throw ProblemException.conflict("Version " + version.number + " is " + version.status.replace('_', ' ')
                    + ", not in review.");
        }
        return version;
    }

    private void requireOtherReviewer(CourseVersion version) {
        boolean contributed = ((Number) em.createNativeQuery("select count(*) from version_contributor"
                + " where version_id = ?1 and subject = ?2")
                .setParameter(1, version.id).setParameter(2, user.subject()).getSingleResult()).longValue() > 0;
        if (contributed || user.subject().equals(version.authorSubject)) {
            throw new ForbiddenException("You wrote or changed this version; another author must review it.");
        }
    }

    private void contribute(CourseVersion version) {
        em.createNativeQuery("insert into version_contributor (version_id, subject) values (?1, ?2) on conflict do nothing")
                .setParameter(1, version.id).setParameter(2, user.subject()).executeUpdate();
    }

    /** The default language's texts may not be removed: other languages fall back to them. */
    private static void requireDefaultText(CourseVersion version, String language, String what, String... values) {
        if (language.equals(version.defaultLanguage) && java.util.Arrays.stream(values).anyMatch(CourseService::blank)) {
            throw ProblemException.badRequest("The default language (" + language + ") needs " + what
                    + ": other languages fall back to it.");
        }
    }

    static CourseModule moduleOf(CourseVersion version, long moduleId) {
        CourseModule module = CourseModule.findById(moduleId);
        if (module == null || !module.versionId.equals(version.id)) {
            throw ProblemException.notFound("Version " + version.number + " has no module " + moduleId + ".");
        }
        return module;
    }

    static Lesson lessonOf(CourseVersion version, long lessonId) {
        Lesson lesson = Lesson.findById(lessonId);
        CourseModule module = lesson == null ? null : CourseModule.findById(lesson.moduleId);
        if (module == null || !module.versionId.equals(version.id)) {
            throw ProblemException.notFound("Version " + version.number + " has no lesson " + lessonId + ".");
        }
        return lesson;
    }

    private static void requireSlug(String slug) {
        if (slug == null || !slug.matches(SLUG)) {
            throw ProblemException.badRequest("Use lower-case letters, digits and hyphens for the slug.");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
