package org.beacon.training.course;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/** What a trainee sees of a published course before enrolling, in their language where it exists. */
@ApplicationScoped
public class CourseCatalogue {

    public record ModuleInfo(String title, List<String> lessons) {
    }

    /** {@code shownLanguage}: the language the texts are shown in, the reader's or the course's default one. */
    public record CourseInfo(String slug, String title, String summary, List<String> sectors, String country,
            String defaultLanguage, List<String> languages, int version, int passMark, List<ModuleInfo> modules,
            boolean fallback, String shownLanguage) {
    }

    /** A published course as the catalogue lists it, titled in the reader's language where it is offered in it. */
    public record Listed(String slug, Title title, List<String> sectors, String country, List<String> languages) {
    }

    /** A course title and the language it is written in, for {@code lang} and {@code dir}. */
    public record Title(String value, String language) {
    }

    @Inject
    Texts texts;

    /** The published courses, by title in the reader's alphabet. */
    @Transactional
    public List<Listed> listed(String language) {
        List<Listed> listed = new ArrayList<>();
        for (Course course : Course.published()) {
            CourseVersion version = CourseVersion.publishedOf(course.id).orElse(null);
            if (version != null) {
                List<String> offered = CourseTranslation.offered(version);
                listed.add(new Listed(course.slug, titleOf(version, offered.contains(language) ? language
                        : version.defaultLanguage), course.sectorList(), course.country, offered));
            }
        }
        Collator collator = Collator.getInstance(Locale.forLanguageTag(language));
        listed.sort(Comparator.comparing(l -> l.title().value(), collator));
        return listed;
    }

    /** A version's title in a language, or in its default language when it has none in that one. */
    public Title titleOf(CourseVersion version, String language) {
        Localized text = texts.titleForTrainees(version, language);
        Localized.Text title = text.text(ContentText.COURSE, version.id, ContentText.TITLE);
        return new Title(title.value(), text.shownIn(title));
    }

    @Transactional
    public CourseInfo published(String slug, String language) {
        Course course = Course.bySlug(slug == null ? "" : slug)
                .orElseThrow(() -> ProblemException.notFound(Reason.of("course.not-found", slug)));
        CourseVersion version = CourseVersion.publishedOf(course.id)
                .orElseThrow(() -> ProblemException.notFound(Reason.of("course.not-published", slug)));
        // Trainees see only published translations; a draft or withdrawn one falls back to the default language.
        List<String> offered = CourseTranslation.offered(version);
        String shown = language != null && offered.contains(language) ? language : version.defaultLanguage;
        Localized text = texts.forTrainees(version, shown, null);
        Localized.Text title = text.text(ContentText.COURSE, version.id, ContentText.TITLE);
        List<ModuleInfo> modules = CourseModule.of(version.id).stream().map(m -> new ModuleInfo(
                text.value(ContentText.MODULE, m.id, ContentText.TITLE),
                Lesson.ofModule(m.id).stream().map(l -> text.value(ContentText.LESSON, l.id, ContentText.TITLE)).toList()))
                .toList();
        return new CourseInfo(course.slug, title.value(), text.value(ContentText.COURSE, version.id, ContentText.SUMMARY),
                course.sectorList(), course.country, version.defaultLanguage, offered, version.number,
                version.passMark, modules, title.fallback() || language != null && !shown.equals(language),
                text.shownIn(title));
    }
}
