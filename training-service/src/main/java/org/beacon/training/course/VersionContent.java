package org.beacon.training.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.assessment.Assessment;
import org.beacon.training.assessment.GiftQuestion;
import org.beacon.training.assessment.GiftRefusal;
import org.beacon.training.assessment.Question;
import org.beacon.training.assessment.QuestionBank;
import org.beacon.training.course.CourseDocument.GlossaryDoc;
import org.beacon.training.course.CourseDocument.LessonDoc;
import org.beacon.training.course.CourseDocument.ModuleDoc;

/**
 * Writes a {@link CourseDocument} into an empty draft version and reads a version back into one. Import and "new
 * draft" use the same two steps, so a copied version is exactly what an import of the same content would give.
 */
@ApplicationScoped
public class VersionContent {

    @Inject
    Texts texts;

    @Inject
    QuestionBank bank;

    @Inject
    EntityManager em;

    @Inject
    CourseQueries queries;

    /** Fills an empty draft; every problem found is reported at once and nothing is kept (400). */
    public void fill(CourseVersion version, CourseDocument doc) {
        List<String> errors = new ArrayList<>();
        texts.putAll(version.id, ContentText.COURSE, version.id, ContentText.TITLE, doc.title());
        texts.putAll(version.id, ContentText.COURSE, version.id, ContentText.SUMMARY, doc.summary());
        for (Map.Entry<String, Long> media : doc.media().entrySet()) {
            VersionMedia row = new VersionMedia();
            row.versionId = version.id;
            row.fileName = media.getKey();
            row.attachmentId = media.getValue();
            row.persist();
        }
        Map<ModuleDoc, CourseModule> modules = new LinkedHashMap<>();
        int modulePosition = 0;
        for (ModuleDoc moduleDoc : doc.modules()) {
            CourseModule module = new CourseModule();
            module.versionId = version.id;
            module.position = modulePosition++;
            module.slug = moduleDoc.slug();
            module.persist();
            modules.put(moduleDoc, module);
            texts.putAll(version.id, ContentText.MODULE, module.id, ContentText.TITLE, moduleDoc.title());
            int lessonPosition = 0;
            for (LessonDoc lessonDoc : moduleDoc.lessons()) {
                Lesson lesson = new Lesson();
                lesson.moduleId = module.id;
                lesson.position = lessonPosition++;
                lesson.slug = lessonDoc.slug();
                lesson.persist();
                texts.putAll(version.id, ContentText.LESSON, lesson.id, ContentText.TITLE, lessonDoc.title());
                texts.putAll(version.id, ContentText.LESSON, lesson.id, ContentText.BODY, lessonDoc.body());
                int attachmentPosition = 0;
                for (Long attachment : lessonDoc.attachments()) {
                    attach(lesson.id, attachment, attachmentPosition++);
                }
            }
        }
        int glossaryPosition = 0;
        for (GlossaryDoc glossaryDoc : doc.glossary()) {
            GlossaryTerm term = new GlossaryTerm();
            term.versionId = version.id;
            term.position = glossaryPosition++;
            term.term = UntrustedText.stripSpoofing(glossaryDoc.term());
            term.sources = glossaryDoc.sources().isEmpty() ? null : String.join(" ", glossaryDoc.sources());
            term.persist();
            texts.putAll(version.id, ContentText.GLOSSARY, term.id, ContentText.EXPLANATION, glossaryDoc.explanation());
        }
        // The default language defines the questions; the other languages translate them.
        List<String> order = new ArrayList<>(doc.banks().keySet());
        order.sort((a, b) -> a.equals(doc.defaultLanguage()) ? -1 : b.equals(doc.defaultLanguage()) ? 1 : a.compareTo(b));
        GiftRefusal.Words words = GiftRefusal.Words.ofRequest();
        for (String language : order) {
            List<GiftRefusal> refused = new ArrayList<>();
            bank.store(version, language, doc.banks().get(language), refused);
            refused.forEach(r -> errors.add(r.text("questions/bank." + language + ".gift", words)));
        }
        em.flush();
        assess(version, Assessment.PRETEST, null, doc.pretest(), "pretest", errors);
        assess(version, Assessment.POSTTEST, null, doc.posttest(), "posttest", errors);
        modules.forEach((moduleDoc, module) -> assess(version, Assessment.CHECK, module.id, moduleDoc.check(),
                "module " + moduleDoc.slug() + " check", errors));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(Reason.of(errors.size() == 1 ? "content.error" : "content.errors",
                    errors.size()), errors);
        }
    }

    public void attach(long lessonId, long attachmentId, int position) {
        queries.attach(lessonId, attachmentId, position);
    }

    public List<Long> attachmentsOf(long lessonId) {
        return queries.attachmentsOf(lessonId);
    }

    /** Creates or replaces an assessment; every name must be a question of the version. */
    public void assess(CourseVersion version, String kind, Long moduleId, List<String> names, String what,
            List<String> errors) {
        if (names == null || names.isEmpty()) {
            return;
        }
        List<Question> questions = new ArrayList<>();
        for (String name : names) {
            Question.named(version.id, name).ifPresentOrElse(questions::add,
                    () -> errors.add(what + ": no question is named '" + name + "' in the question bank."));
        }
        Assessment assessment = (moduleId == null ? Assessment.of(version.id, kind) : Assessment.checkOf(moduleId))
                .orElseGet(() -> {
                    Assessment created = new Assessment();
                    created.versionId = version.id;
                    created.kind = kind;
                    created.moduleId = moduleId;
                    created.persist();
                    return created;
                });
        em.flush();
        assessment.assign(questions);
    }

    /** Reads a whole version back, for a new draft to start from. */
    public CourseDocument snapshot(Course course, CourseVersion version) {
        List<ModuleDoc> modules = new ArrayList<>();
        for (CourseModule module : CourseModule.of(version.id)) {
            List<LessonDoc> lessons = new ArrayList<>();
            for (Lesson lesson : Lesson.ofModule(module.id)) {
                lessons.add(new LessonDoc(lesson.slug, texts.all(ContentText.LESSON, lesson.id, ContentText.TITLE),
                        texts.all(ContentText.LESSON, lesson.id, ContentText.BODY), attachmentsOf(lesson.id)));
            }
            List<String> check = Assessment.checkOf(module.id).map(a -> names(a)).orElse(List.of());
            modules.add(new ModuleDoc(module.slug, texts.all(ContentText.MODULE, module.id, ContentText.TITLE), lessons, check));
        }
        List<GlossaryDoc> glossary = GlossaryTerm.of(version.id).stream()
                .map(t -> new GlossaryDoc(t.term, texts.all(ContentText.GLOSSARY, t.id, ContentText.EXPLANATION),
                        t.sources == null ? List.of() : List.of(t.sources)))
                .toList();
        Map<String, List<GiftQuestion>> banks = new LinkedHashMap<>();
        for (String language : version.languageList()) {
            List<GiftQuestion> questions = bank.read(version, language);
            if (!questions.isEmpty()) {
                banks.put(language, questions);
            }
        }
        Map<String, Long> media = new LinkedHashMap<>();
        VersionMedia.of(version.id).forEach(m -> media.put(m.fileName, m.attachmentId));
        return new CourseDocument(course.slug, course.sectorList(), course.country, version.defaultLanguage,
                version.languageList(), version.passMark, texts.all(ContentText.COURSE, version.id, ContentText.TITLE),
                texts.all(ContentText.COURSE, version.id, ContentText.SUMMARY), modules,
                Assessment.of(version.id, Assessment.PRETEST).map(VersionContent::names).orElse(List.of()),
                Assessment.of(version.id, Assessment.POSTTEST).map(VersionContent::names).orElse(List.of()),
                glossary, banks, media);
    }

    private static List<String> names(Assessment assessment) {
        return assessment.questions().stream().map(q -> q.name).toList();
    }
}
