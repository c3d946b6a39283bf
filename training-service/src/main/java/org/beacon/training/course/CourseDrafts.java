package org.beacon.training.course;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.assessment.Assessment;
import org.beacon.training.audit.AuditLog;

/**
 * Where versions come from: a new course, a new version from a document (an import), a draft replaced by an import
 * of changed content, or a new draft copied from the latest version. Editing a draft is {@link DraftEditing}'s,
 * the review {@link VersionWorkflow}'s.
 */
@ApplicationScoped
public class CourseDrafts {

    static final String SLUG = "[a-z0-9][a-z0-9-]{1,118}";

    @Inject
    CurrentUser user;

    @Inject
    VersionContent content;

    @Inject
    AuditLog audit;

    @Inject
    TranslationService translations;

    @Inject
    CourseQueries queries;

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
            throw ProblemException.conflict(Reason.of("course.slug-taken", request.slug()));
        }
        return createFrom(doc, null);
    }

    /**
     * Checks the course-level fields of a document; all problems at once. The API names each field as it spells
     * it ("slug: …"); the new course form names it by its label in the reader's language (course.field.* texts).
     */
    public void validate(CourseDocument doc) {
        List<String> errors = new ArrayList<>();
        List<Reason> problems = new ArrayList<>();
        String sectors = String.join(", ", Course.SECTORS);
        if (doc.slug() == null || !doc.slug().matches(SLUG)) {
            refuse(errors, problems, "slug: use lower-case letters, digits and hyphens (2 to 120 characters).",
                    Reason.of("course.field.slug"));
        }
        if (doc.sectors() == null || doc.sectors().isEmpty()) {
            refuse(errors, problems, "sectors: name at least one of " + sectors + ".",
                    Reason.of("course.field.sectors-missing"));
        } else {
            doc.sectors().stream().filter(s -> s == null || !Course.SECTORS.contains(s))
                    .forEach(s -> refuse(errors, problems, "sectors: '" + s + "' is not one of " + sectors + ".",
                            Reason.of("course.field.sector-unknown", String.valueOf(s), sectors)));
        }
        if (doc.country() != null && !doc.country().matches("[A-Z]{2}")) {
            refuse(errors, problems, "country: use an ISO 3166 alpha-2 code such as SN, or leave it empty.",
                    Reason.of("course.field.country"));
        }
        if (!Languages.isTag(doc.defaultLanguage())) {
            refuse(errors, problems, "defaultLanguage: give a BCP-47 language tag such as en.",
                    Reason.of("course.field.default-language"));
        }
        if (doc.languages() != null) {
            doc.languages().stream().filter(l -> !Languages.isTag(l))
                    .forEach(l -> refuse(errors, problems, "languages: '" + l + "' is not a BCP-47 language tag.",
                            Reason.of("course.field.language", String.valueOf(l))));
        }
        if (doc.passMark() < 0 || doc.passMark() > 100) {
            refuse(errors, problems, "passMark: give a percentage from 0 to 100.", Reason.of("course.field.pass-mark"));
        }
        if (doc.title() == null || doc.defaultLanguage() == null || blank(doc.title().get(doc.defaultLanguage()))) {
            refuse(errors, problems, "title: give the title in the default language.",
                    Reason.of("course.field.title-missing"));
        } else if (doc.title().get(doc.defaultLanguage()).strip().length() > TITLE_LIMIT) {
            // course.title and the certificates' course_title columns.
            refuse(errors, problems, "title: at most " + TITLE_LIMIT + " characters.",
                    Reason.of("course.field.title-too-long", TITLE_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.fields(Reason.of("course.invalid"), errors, problems);
        }
    }

    private static void refuse(List<String> errors, List<Reason> problems, String english, Reason problem) {
        errors.add(english);
        problems.add(problem);
    }

    /** A new course, or a new version of an existing one, from a document; {@code hash} marks imported content. */
    @Transactional
    public CourseVersion createFrom(CourseDocument doc, String hash) {
        validate(doc);
        Course course = Course.bySlug(doc.slug()).orElse(null);
        if (course == null) {
            course = new Course();
            course.slug = doc.slug();
            course.status = VersionStatus.draft;
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
        version.review = VersionReview.writtenBy(user.subject());
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
        Assessment.deleteOfVersion(draft.id);
        queries.deleteContent(draft.id);
        course.assignSectors(doc.sectors());
        course.country = doc.country();
        draft.status = VersionStatus.draft;
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
            throw ProblemException.conflict(Reason.of("course.open-version-exists", slug));
        }
        CourseVersion latest = CourseVersion.latestOf(course.id).orElseThrow();
        CourseDocument doc = content.snapshot(course, latest);
        CourseVersion draft = createFrom(doc, null);
        audit.record("version.draft", "course_version", draft.id,
                AuditSummary.of("version.drafted", course.slug, draft.number, latest.number));
        return draft;
    }


    public Course requireCourse(String slug) {
        return Course.bySlug(slug == null ? "" : slug)
                .orElseThrow(() -> ProblemException.notFound(Reason.of("course.not-found", slug)));
    }

    /** Records the signed-in author among the version's contributors, who may not approve it. */
    void contribute(CourseVersion version) {
        version.review.contributed(user.subject());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
