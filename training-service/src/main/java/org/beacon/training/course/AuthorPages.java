package org.beacon.training.course;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.Forms;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.course.DraftEditing.AssessmentPlan;
import org.beacon.training.course.CourseDrafts.NewCourse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Authors' pages: courses and versions, translation completeness, GIFT import, lesson editing and the review
 * workflow. A refused form (a broken GIFT file, a missing text) shows the version page again with the errors.
 */
@Path("/training/author")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.AUTHOR, Roles.ADMIN })
public class AuthorPages {

    /**
     * What the author typed into the tests form (pre-test, knowledge checks by module slug, post-test, pass mark),
     * shown again when it is refused rather than the saved plan.
     */
    public record AssessmentForm(String pretest, String posttest, String passMark, Map<String, String> checks) {

        /** The typed knowledge check of a module, empty when none was sent. */
        public String check(String module) {
            return checks.getOrDefault(module, "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance courses(List<AuthoringView.CourseRow> courses, List<String> sectors,
                CourseForm form, List<String> errors, AuthoringView.CourseFilter filter,
                List<VersionStatus> statuses);

        static native TemplateInstance texts(AuthoringView.VersionDetail version, TextForm form, List<String> errors);

        static native TemplateInstance version(AuthoringView.VersionDetail version, List<String> errors, Integer imported,
                AssessmentForm plan);

        static native TemplateInstance read(VersionReading.VersionText version);
    }

    /** What the new-course form holds, as typed, so that a refused form shows it again. */
    public record CourseForm(String slug, List<String> sectors, String country, String defaultLanguage,
            String languages, String passMark, String title, String summary) {
        static final CourseForm EMPTY = new CourseForm("", List.of(), "", "en", "", "70", "", "");
    }

    /** One text of a course, module or lesson in one language, beside its default-language original. */
    public record TextField(String name, boolean multiline, String value, String original) {
    }

    /** The per-language text form of one owner (course, module or lesson) of a version. */
    public record TextForm(long versionId, String kind, String name, String action, String language, List<TextField> fields) {
    }

    @Inject
    AuthoringView view;

    @Inject
    CourseDrafts drafts;

    @Inject
    DraftEditing editing;

    @Inject
    VersionWorkflow workflow;

    @Inject
    RequestLanguage language;

    @Inject
    Texts texts;

    @Inject
    TranslationService translations;

    @Inject
    VersionReading reading;

    private static final String CHECK = "check.";

    /** The courses, narrowed by what was searched for and the filters chosen (status, language, sector). */
    @GET
    public TemplateInstance courses(@QueryParam("q") String search, @QueryParam("status") String status,
            @QueryParam("language") String lang, @QueryParam("sector") String sector) {
        AuthoringView.CourseFilter filter = new AuthoringView.CourseFilter(Objects.toString(trimmed(search), ""),
                VersionStatus.named(trimmed(status)), Objects.toString(trimmed(lang), ""),
                Objects.toString(trimmed(sector), ""));
        return coursesPage(CourseForm.EMPTY, List.of(), filter);
    }

    /** Creates a course and its first draft version with the API's rules; a refused form is shown again. */
    @POST
    @Path("/courses")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createCourse(@RestForm("slug") String slug, @RestForm("sectors") List<String> sectors,
            @RestForm("country") String country, @RestForm("defaultLanguage") String defaultLanguage,
            @RestForm("languages") String languages, @RestForm("passMark") String passMark,
            @RestForm("title") String title, @RestForm("summary") String summary) {
        CourseForm form = new CourseForm(slug, sectors == null ? List.of() : sectors, country, defaultLanguage,
                languages, passMark, title, summary);
        return Forms.submit(() -> {
            Map<String, String> titles = new HashMap<>();
            Map<String, String> summaries = new HashMap<>();
            String lang = trimmed(defaultLanguage);
            if (lang != null) {
                titles.put(lang, title);
                summaries.put(lang, summary);
            }
            CourseVersion version = drafts.create(new NewCourse(trimmed(slug), form.sectors(), trimmed(country), lang,
                    names(languages), percentage(passMark), titles, summaries));
            return versionPage(version.id);
        }, errors -> coursesPage(form, errors, AuthoringView.CourseFilter.NONE));
    }

    @GET
    @Path("/versions/{id}")
    public TemplateInstance version(@PathParam("id") long id, @QueryParam("imported") Integer imported) {
        return Templates.version(view.version(id), List.of(), imported, null).setLocale(language.locale());
    }

    /**
     * The version read-only in one language, as its reviewer approves it: lessons as trainees see them, questions
     * with their key and feedback, and what changed since the last published version. Open in every status.
     */
    @GET
    @Path("/versions/{id}/read")
    public TemplateInstance read(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return Templates.read(reading.read(id, lang)).setLocale(language.locale());
    }

    @POST
    @Path("/versions/{id}/modules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addModule(@PathParam("id") long id, @RestForm("slug") String slug, @RestForm("title") String title) {
        return onPage(id, () -> editing.addModule(id, trimmed(slug), title));
    }

    @POST
    @Path("/versions/{id}/modules/{moduleId}/lessons")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addLesson(@PathParam("id") long id, @PathParam("moduleId") long moduleId,
            @RestForm("slug") String slug, @RestForm("title") String title, @RestForm("body") String body) {
        return onPage(id, () -> editing.addLesson(id, moduleId, trimmed(slug), title, body));
    }

    /**
     * The texts of the course ({@code course/{versionId}}), a module or a lesson in one language, pre-filled, with
     * the default language's text beside them for translators.
     */
    @GET
    @Path("/versions/{id}/{kind: course|modules|lessons}/{ownerId}/texts")
    public TemplateInstance texts(@PathParam("id") long id, @PathParam("kind") String kind,
            @PathParam("ownerId") long ownerId, @QueryParam("lang") String lang) {
        CourseVersion version = CourseVersion.require(id);
        translations.requireEditable(version, lang != null && version.offers(lang) ? lang : version.defaultLanguage);
        return Templates.texts(view.version(id), textForm(version, kind, ownerId, lang, null), List.of())
                .setLocale(language.locale());
    }

    /** Saves the texts of one language with the API's rules; a refused form is shown again as typed. */
    @POST
    @Path("/versions/{id}/{kind: course|modules|lessons}/{ownerId}/texts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editTexts(@PathParam("id") long id, @PathParam("kind") String kind,
            @PathParam("ownerId") long ownerId, @RestForm("language") String lang, @RestForm("title") String title,
            @RestForm("summary") String summary, @RestForm("body") String body) {
        Map<String, String> typed = new HashMap<>();
        typed.put(ContentText.TITLE, title);
        typed.put(ContentText.SUMMARY, summary);
        typed.put(ContentText.BODY, body);
        return refusedAs(id, () -> {
            switch (kind) {
                case "course" -> editing.editCourseText(courseOwner(id, ownerId), lang, title, summary);
                case "modules" -> editing.editModuleTitle(id, ownerId, lang, title);
                default -> editing.editLesson(id, ownerId, lang, title, body);
            }
            return id;
        }, errors -> Templates.texts(view.version(id), textForm(CourseVersion.require(id), kind, ownerId, lang, typed),
                errors));
    }

    /** The pre-test, post-test and module checks by question name (separated by commas or spaces). */
    @POST
    @Path("/versions/{id}/assessments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response planAssessments(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Map<String, List<String>> checks = new LinkedHashMap<>();
        form.forEach((field, values) -> {
            if (field.startsWith(CHECK) && !names(values.get(0)).isEmpty()) {
                checks.put(field.substring(CHECK.length()), names(values.get(0)));
            }
        });
        Map<String, String> typedChecks = new LinkedHashMap<>();
        form.forEach((field, values) -> {
            if (field.startsWith(CHECK)) {
                typedChecks.put(field.substring(CHECK.length()), values.get(0));
            }
        });
        AssessmentForm typed = new AssessmentForm(form.getFirst("pretest"), form.getFirst("posttest"),
                form.getFirst("passMark"), typedChecks);
        return refusedAs(id, () -> {
            editing.planAssessments(id, new AssessmentPlan(names(form.getFirst("pretest")),
                    names(form.getFirst("posttest")), checks, percentage(form.getFirst("passMark"))));
            return id;
        }, errors -> Templates.version(view.version(id), errors, null, typed));
    }

    @POST
    @Path("/courses/{slug}/drafts")
    public Response newDraft(@PathParam("slug") String slug) {
        return back(drafts.newDraft(slug).id);
    }

    @POST
    @Path("/versions/{id}/submit")
    public Response submit(@PathParam("id") long id) {
        return onPage(id, () -> workflow.submit(id));
    }

    @POST
    @Path("/versions/{id}/approve")
    public Response approve(@PathParam("id") long id) {
        workflow.approve(id);
        return back(id);
    }

    @POST
    @Path("/versions/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") long id, @RestForm("comment") String comment) {
        return onPage(id, () -> workflow.reject(id, comment));
    }

    @POST
    @Path("/versions/{id}/archive")
    public Response archive(@PathParam("id") long id) {
        workflow.archive(id);
        return back(id);
    }

    @POST
    @Path("/versions/{id}/modules/{moduleId}/{step: move|remove}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response arrangeModule(@PathParam("id") long id, @PathParam("moduleId") long moduleId,
            @PathParam("step") String step, @RestForm("direction") String direction) {
        return arrange(id, moduleId, step, () -> editing.moveModule(id, moduleId, direction),
                () -> editing.removeModule(id, moduleId));
    }

    @POST
    @Path("/versions/{id}/lessons/{lessonId}/{step: move|remove}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response arrangeLesson(@PathParam("id") long id, @PathParam("lessonId") long lessonId,
            @PathParam("step") String step, @RestForm("direction") String direction) {
        return arrange(id, lessonId, step, () -> editing.moveLesson(id, lessonId, direction),
                () -> editing.removeLesson(id, lessonId));
    }

    /** Runs the move or the removal the form asked for, back on the version's page. */
    private Response arrange(long id, long itemId, String step, Runnable move, Runnable remove) {
        return onPage(id, () -> {
            (step.equals("move") ? move : remove).run();
            return itemId;
        });
    }

    @POST
    @Path("/versions/{id}/translations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addTranslation(@PathParam("id") long id, @RestForm("language") String lang) {
        return onPage(id, () -> translations.add(id, trimmed(lang)));
    }

    @POST
    @Path("/versions/{id}/translations/{lang}/{step: submit|approve|archive}")
    public Response translationStep(@PathParam("id") long id, @PathParam("lang") String lang,
            @PathParam("step") String step) {
        translations.step(id, lang, step);
        return back(id);
    }

    @POST
    @Path("/versions/{id}/translations/{lang}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rejectTranslation(@PathParam("id") long id, @PathParam("lang") String lang,
            @RestForm("comment") String comment) {
        return onPage(id, () -> translations.reject(id, lang, comment));
    }

    @POST
    @Path("/versions/{id}/legal-change")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response legalChange(@PathParam("id") long id, @RestForm("legalChange") String legalChange) {
        editing.markLegalChange(id, legalChange != null);
        return back(id);
    }

    @POST
    @Path("/versions/{id}/gift")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response importGift(@PathParam("id") long id, @RestForm("language") String giftLanguage,
            @RestForm("gift") String gift) {
        int[] count = new int[1];
        Response response = onPage(id, () -> count[0] = editing.importGift(id, giftLanguage, gift));
        return response.getStatus() == 303 ? Forms.seeOther(versionPage(id) + "?imported=" + count[0]) : response;
    }

    /** Uploads a handout, image, audio or video file and lists it under a lesson of the draft. */
    @POST
    @Path("/versions/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@PathParam("id") long id, @RestForm("lesson") long lessonId, @RestForm("file") FileUpload file) {
        return onPage(id, () -> {
            editing.uploadToLesson(id, lessonId, file);
            return lessonId;
        });
    }

    /** Runs a change; a refusal about the form shows the version page with the problems (Forms.submit). */
    private Response onPage(long id, Supplier<?> change) {
        return refusedAs(id, change, errors -> Templates.version(view.version(id), errors, null, null));
    }

    private Response refusedAs(long id, Supplier<?> change, Function<List<String>, TemplateInstance> page) {
        return Forms.submit(() -> {
            change.get();
            return versionPage(id);
        }, errors -> page.apply(errors).setLocale(language.locale()));
    }

    private TemplateInstance coursesPage(CourseForm form, List<String> errors, AuthoringView.CourseFilter filter) {
        return Templates.courses(view.courses(filter, language.code()), Course.SECTORS, form, errors, filter,
                List.of(VersionStatus.values())).setLocale(language.locale());
    }

    /** The form of one owner's texts; {@code typed} holds the values of a refused form, null shows the stored ones. */
    private TextForm textForm(CourseVersion version, String kind, long ownerId, String lang, Map<String, String> typed) {
        String shown = lang != null && version.offers(lang) ? lang : version.defaultLanguage;
        String action = "/training/author/versions/" + version.id + "/" + kind + "/" + ownerId + "/texts";
        return switch (kind) {
            case "course" -> new TextForm(version.id, kind, null, action, shown, List.of(
                    field(version, shown, ContentText.COURSE, courseOwner(version.id, ownerId), ContentText.TITLE, false, typed),
                    field(version, shown, ContentText.COURSE, version.id, ContentText.SUMMARY, true, typed)));
            case "modules" -> new TextForm(version.id, kind, DraftEditing.moduleOf(version, ownerId).slug, action, shown,
                    List.of(field(version, shown, ContentText.MODULE, ownerId, ContentText.TITLE, false, typed)));
            default -> new TextForm(version.id, kind, DraftEditing.lessonOf(version, ownerId).slug, action, shown, List.of(
                    field(version, shown, ContentText.LESSON, ownerId, ContentText.TITLE, false, typed),
                    field(version, shown, ContentText.LESSON, ownerId, ContentText.BODY, true, typed)));
        };
    }

    /** The course's texts belong to the version itself: its owner id is the version's id. */
    private static long courseOwner(long versionId, long ownerId) {
        if (ownerId != versionId) {
            throw ProblemException.notFound(Reason.of("course.texts-elsewhere", String.valueOf(versionId)));
        }
        return versionId;
    }

    /** One field: the typed value when the form is shown again, otherwise the stored text in that language. */
    private TextField field(CourseVersion version, String shown, String kind, long ownerId, String name,
            boolean multiline, Map<String, String> typed) {
        Map<String, String> all = texts.all(kind, ownerId, name);
        String value = typed != null ? Objects.toString(typed.get(name), "") : all.getOrDefault(shown, "");
        String original = shown.equals(version.defaultLanguage) ? null : all.getOrDefault(version.defaultLanguage, "");
        return new TextField(name, multiline, value, original);
    }

    /** Names or language tags typed in one field, separated by commas or spaces. */
    static List<String> names(String typed) {
        return typed == null ? List.of()
                : Arrays.stream(typed.split("[,\\s]+")).filter(n -> !n.isEmpty()).toList();
    }

    private static String trimmed(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    /** A typed percentage; the range is the service's rule, only "not a number" is refused here. */
    private static Integer percentage(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.fields(Reason.of("form.invalid"), List.of("passMark: '" + typed + "' is not a number."),
                    List.of(Reason.of("course.field.pass-mark-not-a-number", typed)));
        }
    }

    private static Response back(long id) {
        return Forms.seeOther(versionPage(id));
    }

    private static String versionPage(long id) {
        return "/training/author/versions/" + id;
    }
}
