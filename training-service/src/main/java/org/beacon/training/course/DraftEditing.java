package org.beacon.training.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.assessment.Assessment;
import org.beacon.training.assessment.Gift;
import org.beacon.training.assessment.Gift.GiftException;
import org.beacon.training.assessment.GiftRefusal;
import org.beacon.training.assessment.GiftQuestion;
import org.beacon.training.assessment.QuestionBank;
import org.beacon.training.audit.AuditLog;
import org.beacon.training.media.AttachmentService;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Changing a draft: its texts in each language, its modules and lessons and their order, attachments, assessments,
 * the question bank (GIFT) and the legal-change flag. Only a draft's structure changes; the texts of a language
 * also while that translation is a draft. Whoever changes a version becomes one of its contributors, who may not
 * approve it.
 */
@ApplicationScoped
public class DraftEditing {

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
    CourseDrafts drafts;

    @Inject
    CourseQueries queries;

    @Transactional
    public void editCourseText(long versionId, String language, String title, String summary) {
        CourseVersion version = textsEditable(versionId, language);
        requireDefaultText(version, language, "draft.needs-title", title);
        texts.put(version.id, ContentText.COURSE, version.id, ContentText.TITLE, language, title);
        texts.put(version.id, ContentText.COURSE, version.id, ContentText.SUMMARY, language, summary);
    }

    @Transactional
    public CourseModule addModule(long versionId, String slug, String title) {
        CourseVersion version = editable(versionId, null);
        requireSlug(slug);
        if (blank(title)) {
            throw ProblemException.badRequest(Reason.of("draft.module-title"));
        }
        if (CourseModule.count("versionId = ?1 and slug = ?2", version.id, slug) > 0) {
            throw ProblemException.conflict(Reason.of("draft.module-exists", slug));
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
        requireDefaultText(version, language, "draft.needs-title", title);
        texts.put(version.id, ContentText.MODULE, module.id, ContentText.TITLE, language, title);
    }

    @Transactional
    public Lesson addLesson(long versionId, long moduleId, String slug, String title, String body) {
        CourseVersion version = editable(versionId, null);
        CourseModule module = moduleOf(version, moduleId);
        requireSlug(slug);
        if (Lesson.count("moduleId = ?1 and slug = ?2", module.id, slug) > 0) {
            throw ProblemException.conflict(Reason.of("draft.lesson-exists", slug));
        }
        if (blank(title)) {
            throw ProblemException.badRequest(Reason.of("draft.lesson-title"));
        }
        requireLessonLength(body);
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
        requireDefaultText(version, language, "draft.needs-title-and-text", title, body);
        requireLessonLength(body);
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
     * Removes a module from a draft with its lessons, their texts and attachment links, and its knowledge check.
     * Attached files stay in storage: other versions may link them.
     */
    @Transactional
    public void removeModule(long versionId, long moduleId) {
        CourseVersion version = editable(versionId, null);
        CourseModule module = moduleOf(version, moduleId);
        Lesson.ofModule(module.id).forEach(this::removeLessonRows);
        Assessment.checkOf(module.id).ifPresent(check -> {
            check.assign(List.of());
            check.delete();
        });
        queries.deleteTexts(ContentText.MODULE, module.id);
        module.delete();
        renumber(CourseModule.of(version.id));
    }

    /** Removes a lesson from a draft with its texts and attachment links; the files stay in storage. */
    @Transactional
    public void removeLesson(long versionId, long lessonId) {
        Lesson lesson = lessonOf(editable(versionId, null), lessonId);
        removeLessonRows(lesson);
        renumber(Lesson.ofModule(lesson.moduleId));
    }

    /** Moves a module of a draft one place up or down. */
    @Transactional
    public void moveModule(long versionId, long moduleId, String direction) {
        CourseVersion version = editable(versionId, null);
        int step = step(direction);
        List<CourseModule> modules = new ArrayList<>(CourseModule.of(version.id));
        swap(modules, modules.indexOf(moduleOf(version, moduleId)), step);
        renumber(modules);
    }

    /** Moves a lesson one place up or down within its module. */
    @Transactional
    public void moveLesson(long versionId, long lessonId, String direction) {
        CourseVersion version = editable(versionId, null);
        int step = step(direction);
        Lesson lesson = lessonOf(version, lessonId);
        List<Lesson> lessons = new ArrayList<>(Lesson.ofModule(lesson.moduleId));
        swap(lessons, lessons.indexOf(lesson), step);
        renumber(lessons);
    }

    private static int step(String direction) {
        return switch (direction == null ? "" : direction) {
            case "up" -> -1;
            case "down" -> 1;
            default -> throw ProblemException.badRequest(Reason.of("draft.move"));
        };
    }

    private void removeLessonRows(Lesson lesson) {
        queries.deleteLessonAttachments(lesson.id);
        queries.deleteTexts(ContentText.LESSON, lesson.id);
        lesson.delete();
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
            throw ProblemException.invalid(Reason.of("draft.assessments-invalid"), errors);
        }
    }

    /** Imports one language's GIFT file into a draft's bank: all or nothing, errors name their line. */
    @Transactional
    public int importGift(long versionId, String language, String gift) {
        CourseVersion version = textsEditable(versionId, language);
        // A bank holds the answer keys of every language: only a draft version's bank may change.
        version.requireEditable();
        List<GiftRefusal> errors = new ArrayList<>();
        List<GiftQuestion> questions = Gift.parse(gift == null ? "" : gift, errors);
        if (errors.isEmpty() && questions.isEmpty()) {
            errors.add(new GiftRefusal(1, w -> w.messages().gift_refused_empty_file()));
        }
        if (errors.isEmpty()) {
            bank.store(version, language, questions, errors);
        }
        if (!errors.isEmpty()) {
            // Said in the reader's language, on the page as in the API's problem detail.
            throw new GiftException(errors, GiftRefusal.Words.ofRequest());
        }
        return questions.size();
    }

    /**
     * Writes or corrects one question in one language from the question form: it is written as GIFT and imported,
     * so the form keeps every rule of a GIFT file (key shared by the translations, weights adding up, limits).
     */
    @Transactional
    public int saveQuestion(long versionId, String language, GiftQuestion question) {
        CourseVersion version = CourseVersion.require(versionId);
        if (language != null && !language.equals(version.defaultLanguage) && question.stem() != null) {
            // The form of an untranslated language starts from the default language's text: saved unchanged, it
            // would count that language as translated while trainees still read the default language's words.
            GiftQuestion original = VersionReading.byName(bank.read(version, version.defaultLanguage))
                    .get(question.name());
            if (original != null && question.stem().strip().equals(original.stem() == null ? null : original.stem().strip())) {
                throw ProblemException.badRequest(Reason.of("question.untranslated", language));
            }
        }
        return importGift(versionId, language, Gift.write(List.of(question)));
    }

    @Transactional
    public String exportGift(long versionId, String language) {
        CourseVersion version = CourseVersion.require(versionId);
        String gift = Gift.write(bank.read(version, language));
        audit.record("gift.export", "course_version", version.id,
                AuditSummary.of("gift.exported", version.number, AuditSummary.language(language)));
        return gift;
    }

    @Transactional
    public void markLegalChange(long versionId, boolean legalChange) {
        CourseVersion version = editable(versionId, null);
        version.legalChange = legalChange;
        audit.record("version.legal-change", "course_version", version.id, AuditSummary.of(
                legalChange ? "version.legal-change-marked" : "version.legal-change-cleared", version.number));
    }


    /**
     * The version when the signed-in author may change it: its structure ({@code language} null, default-language
     * texts included) only as a draft; the texts of one language while that translation is a draft.
     */
    private CourseVersion editable(long versionId, String language) {
        CourseVersion version = CourseVersion.require(versionId);
        if (language == null) {
            version.requireEditable();
            drafts.contribute(version);
            translations.contributed(version, version.defaultLanguage);
            return version;
        }
        if (!version.offers(language)) {
            version.requireEditable();
            throw ProblemException.badRequest(Reason.of("draft.language-not-offered", language, version.languages));
        }
        translations.requireEditable(version, language);
        if (version.isDraft()) {
            drafts.contribute(version);
        }
        translations.contributed(version, language);
        return version;
    }

    /** {@link #editable} for the texts of one language, which a text form or a GIFT file must name. */
    private CourseVersion textsEditable(long versionId, String language) {
        if (language == null || language.isBlank()) {
            CourseVersion version = CourseVersion.require(versionId);
            throw ProblemException.badRequest(Reason.of("draft.which-language", version.languages));
        }
        return editable(versionId, language);
    }

    /** The default language's texts may not be removed: other languages fall back to them. */
    private static void requireDefaultText(CourseVersion version, String language, String whatKey, String... values) {
        if (language.equals(version.defaultLanguage) && java.util.Arrays.stream(values).anyMatch(DraftEditing::blank)) {
            throw ProblemException.badRequest(Reason.of("draft.default-needs", language, Reason.of(whatKey)));
        }
    }

    /** The API's limit on one lesson's Markdown, the same for the pages' forms and the JSON API. */
    private static void requireLessonLength(String body) {
        if (body != null && body.length() > Lesson.MAX_BODY_CHARS) {
            throw ProblemException.badRequest(Reason.of("draft.lesson-too-long", body.length(), Lesson.MAX_BODY_CHARS));
        }
    }

    static CourseModule moduleOf(CourseVersion version, long moduleId) {
        CourseModule module = CourseModule.findById(moduleId);
        if (module == null || !module.versionId.equals(version.id)) {
            throw ProblemException.notFound(Reason.of("draft.no-module", version.number, String.valueOf(moduleId)));
        }
        return module;
    }

    static Lesson lessonOf(CourseVersion version, long lessonId) {
        Lesson lesson = Lesson.findById(lessonId);
        CourseModule module = lesson == null ? null : CourseModule.findById(lesson.moduleId);
        if (module == null || !module.versionId.equals(version.id)) {
            throw ProblemException.notFound(Reason.of("draft.no-lesson", version.number, String.valueOf(lessonId)));
        }
        return lesson;
    }

    private static void requireSlug(String slug) {
        if (slug == null || !slug.matches(CourseDrafts.SLUG)) {
            throw ProblemException.badRequest(Reason.of("draft.slug-characters"));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
