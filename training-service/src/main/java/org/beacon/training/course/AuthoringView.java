package org.beacon.training.course;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.security.CurrentUser;
import org.beacon.training.assessment.Assessment;
import org.beacon.training.assessment.Question;

/** What authors see of courses and versions, shared by the authoring API and pages. */
@ApplicationScoped
public class AuthoringView {

    public record VersionRow(long id, int number, VersionStatus status, boolean legalChange) {
    }

    /** {@code mayStartDraft}: a published version to start from and no draft or version in review already. */
    public record CourseRow(String slug, String title, List<String> sectors, String country, VersionStatus status,
            List<VersionRow> versions, boolean mayStartDraft, String titleLanguage) {
    }

    /** What the authoring list is narrowed to; empty strings and a null status do not filter. */
    public record CourseFilter(String search, VersionStatus status, String language, String sector) {
        public static final CourseFilter NONE = new CourseFilter("", null, "", "");

        public boolean any() {
            return !(search.isEmpty() && status == null && language.isEmpty() && sector.isEmpty());
        }
    }

    public record LessonRow(long id, String slug, String title) {
    }

    public record ModuleRow(long id, String slug, String title, List<LessonRow> lessons, List<String> check) {
    }

    /** One language of a version: where it is in the workflow and what the signed-in author may do with it. */
    public record TranslationRow(String language, VersionStatus status, boolean isDefault, String reviewComment,
            Texts.Completeness completeness, boolean editable, boolean maySubmit, boolean mayApprove,
            boolean mayArchive) {
    }

    public record VersionDetail(long id, String course, int number, VersionStatus status, String defaultLanguage,
            List<String> languages, int passMark, boolean legalChange, String reviewComment, boolean mayApprove,
            List<ModuleRow> modules, List<String> pretest, List<String> posttest, int questions,
            List<Texts.Completeness> completeness, List<TranslationRow> translations, List<String> editableLanguages,
            boolean mayAddLanguage) {
    }

    @Inject
    Texts texts;

    @Inject
    CurrentUser user;

    @Inject
    TranslationService translationWorkflow;

    @Inject
    CourseQueries queries;

    @Transactional
    public List<CourseRow> courses() {
        return courses(CourseFilter.NONE);
    }

    @Transactional
    public List<CourseRow> courses(CourseFilter filter) {
        return courses(filter, null);
    }

    /**
     * The authoring list; with a {@code reader} language, each course titled in it where its latest version has
     * that title (the stored title, in the course's default language, otherwise).
     */
    @Transactional
    public List<CourseRow> courses(CourseFilter filter, String reader) {
        return queries.authoringList(filter.search(), filter.status(), filter.language(), filter.sector()).stream()
                .map(id -> (Course) Course.findById(id)).map(c -> {
                    List<CourseVersion> versions = CourseVersion.of(c.id);
                    boolean published = versions.stream().anyMatch(CourseVersion::isPublished);
                    boolean open = versions.stream().anyMatch(v -> v.status.isOpen());
                    String title = c.title;
                    String titleLanguage = c.defaultLanguage;
                    CourseVersion latest = versions.stream().max(java.util.Comparator.comparingInt(v -> v.number))
                            .orElse(null);
                    if (reader != null && latest != null) {
                        String translated = texts.all(ContentText.COURSE, latest.id, ContentText.TITLE).get(reader);
                        if (translated != null && !translated.isBlank()) {
                            title = translated;
                            titleLanguage = reader;
                        }
                    }
                    return new CourseRow(c.slug, title, c.sectorList(), c.country, c.status, versions.stream()
                            .map(v -> new VersionRow(v.id, v.number, v.status, v.legalChange)).toList(),
                            published && !open, titleLanguage);
                }).toList();
    }

    @Transactional
    public VersionDetail version(long id) {
        CourseVersion version = CourseVersion.require(id);
        Course course = Course.findById(version.courseId);
        Localized text = texts.localized(version, version.defaultLanguage, null);
        List<ModuleRow> modules = CourseModule.of(version.id).stream().map(m -> new ModuleRow(m.id, m.slug,
                text.value(ContentText.MODULE, m.id, ContentText.TITLE),
                Lesson.ofModule(m.id).stream().map(l -> new LessonRow(l.id, l.slug,
                        text.value(ContentText.LESSON, l.id, ContentText.TITLE))).toList(),
                Assessment.checkOf(m.id).map(AuthoringView::names).orElse(List.of()))).toList();
        boolean mayApprove = version.status.isInReview()
                && version.review.mayApprove(user.subject());
        List<CourseTranslation> rows = CourseTranslation.of(version.id);
        List<Texts.Completeness> completeness = texts.completeness(version);
        List<TranslationRow> translations = version.languageList().stream()
                .flatMap(language -> rows.stream().filter(t -> t.language.equals(language)).findFirst().stream())
                .map(t -> translationRow(version, t, completeness.stream()
                        .filter(c -> c.language().equals(t.language)).findFirst().orElse(null)))
                .toList();
        return new VersionDetail(version.id, course.slug, version.number, version.status, version.defaultLanguage,
                version.languageList(), version.passMark, version.legalChange, version.reviewComment, mayApprove,
                modules, Assessment.of(version.id, Assessment.PRETEST).map(AuthoringView::names).orElse(List.of()),
                Assessment.of(version.id, Assessment.POSTTEST).map(AuthoringView::names).orElse(List.of()),
                (int) Question.count("versionId", version.id), completeness, translations,
                translations.stream().filter(TranslationRow::editable).map(TranslationRow::language).toList(),
                version.status != VersionStatus.archived);
    }

    private TranslationRow translationRow(CourseVersion version, CourseTranslation translation,
            Texts.Completeness completeness) {
        boolean isDefault = translation.language.equals(version.defaultLanguage);
        boolean versionOpen = version.isDraft() || !isDefault && version.status != VersionStatus.archived;
        boolean separate = !isDefault && (version.status.isInReview() || version.isPublished());
        return new TranslationRow(translation.language, translation.status, isDefault, translation.reviewComment,
                completeness, translation.isDraft() && versionOpen, separate && translation.isDraft(),
                translationWorkflow.mayApprove(version, translation), !isDefault && translation.isPublished());
    }

    private static List<String> names(Assessment assessment) {
        return assessment.questions().stream().map(q -> q.name).toList();
    }
}
