package org.beacon.training.course;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.web.ProblemException;

/** What a trainee sees of a published course before enrolling, in their language where it exists. */
@ApplicationScoped
public class CourseCatalogue {

    public record ModuleInfo(String title, List<String> lessons) {
    }

    public record CourseInfo(String slug, String title, String summary, List<String> sectors, String country,
            String defaultLanguage, List<String> languages, int version, int passMark, List<ModuleInfo> modules,
            boolean fallback) {
    }

    @Inject
    Texts texts;

    @Transactional
    public CourseInfo published(String slug, String language) {
        Course course = Course.bySlug(slug == null ? "" : slug)
                .orElseThrow(() -> ProblemException.notFound("No course '" + slug + "'."));
        CourseVersion version = CourseVersion.publishedOf(course.id)
                .orElseThrow(() -> ProblemException.notFound("Course '" + slug + "' is not published."));
        // Trainees see only published translations; a draft or withdrawn one falls back to the default language.
        List<String> offered = CourseTranslation.offered(version);
        String shown = language != null && offered.contains(language) ? language : version.defaultLanguage;
        Localized text = texts.localized(version, shown, null);
        Localized.Text title = text.text(ContentText.COURSE, version.id, ContentText.TITLE);
        List<ModuleInfo> modules = CourseModule.of(version.id).stream().map(m -> new ModuleInfo(
                text.value(ContentText.MODULE, m.id, ContentText.TITLE),
                Lesson.ofModule(m.id).stream().map(l -> text.value(ContentText.LESSON, l.id, ContentText.TITLE)).toList()))
                .toList();
        return new CourseInfo(course.slug, title.value(), text.value(ContentText.COURSE, version.id, ContentText.SUMMARY),
                course.sectorList(), course.country, version.defaultLanguage, offered, version.number,
                version.passMark, modules, title.fallback() || language != null && !shown.equals(language));
    }
}
