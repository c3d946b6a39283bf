package org.beacon.training.course;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.assessment.Gift;
import org.beacon.training.course.DraftEditing.AssessmentPlan;
import org.beacon.training.course.CourseDrafts.NewCourse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Authors' JSON API: courses, drafts, translations, question banks and the review workflow. */
@Path("/training/api/authoring")
@Tag(name = "authoring")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.AUTHOR, Roles.ADMIN })
public class AuthoringResource {

    /** Every change here takes a JSON body; without one it is a 400 before anything is read or changed. */
    static final String BODY = "send the request body as JSON";

    public record TextEdit(String title, String summary, String body) {
    }

    public record NewModule(String slug, String title) {
    }

    public record NewLesson(String slug, String title, String body) {
    }

    public record AttachmentLink(long attachmentId) {
    }

    public record LegalChange(boolean legalChange) {
    }

    public record Review(String comment) {
    }

    public record Created(long id) {
    }

    public record GiftImported(int questions) {
    }

    public record NewTranslation(String language) {
    }

    @Inject
    CourseDrafts drafts;

    @Inject
    DraftEditing editing;

    @Inject
    VersionWorkflow workflow;

    @Inject
    AuthoringView view;

    @Inject
    TranslationService translations;

    @GET
    @Path("/courses")
    @Operation(summary = "Every course with its versions, statuses and translation completeness")
    public List<AuthoringView.CourseRow> list() {
        return view.courses();
    }

    @POST
    @Path("/courses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a course; its first version is a draft")
    public Response create(@NotNull(message = BODY) NewCourse request) {
        CourseVersion version = drafts.create(request);
        return Response.created(URI.create("/training/api/authoring/versions/" + version.id))
                .entity(view.version(version.id)).build();
    }

    @POST
    @Path("/courses/{slug}/drafts")
    @Operation(summary = "Start a new draft as a copy of the latest version")
    public Response newDraft(@PathParam("slug") String slug) {
        CourseVersion version = drafts.newDraft(slug);
        return Response.created(URI.create("/training/api/authoring/versions/" + version.id))
                .entity(view.version(version.id)).build();
    }

    @GET
    @Path("/versions/{id}")
    @Operation(summary = "A version's structure, workflow state and translation completeness")
    public AuthoringView.VersionDetail version(@PathParam("id") long id) {
        return view.version(id);
    }

    @PUT
    @Path("/versions/{id}/texts/{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the course title and summary in one language")
    public AuthoringView.VersionDetail editCourseText(@PathParam("id") long id, @PathParam("lang") String lang,
            @NotNull(message = BODY) TextEdit edit) {
        editing.editCourseText(id, lang, edit.title(), edit.summary());
        return view.version(id);
    }

    @POST
    @Path("/versions/{id}/modules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addModule(@PathParam("id") long id, @NotNull(message = BODY) NewModule module) {
        return Response.status(201).entity(new Created(editing.addModule(id, module.slug(), module.title()).id)).build();
    }

    @PUT
    @Path("/versions/{id}/modules/{moduleId}/texts/{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AuthoringView.VersionDetail editModule(@PathParam("id") long id, @PathParam("moduleId") long moduleId,
            @PathParam("lang") String lang, @NotNull(message = BODY) TextEdit edit) {
        editing.editModuleTitle(id, moduleId, lang, edit.title());
        return view.version(id);
    }

    @POST
    @Path("/versions/{id}/modules/{moduleId}/lessons")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addLesson(@PathParam("id") long id, @PathParam("moduleId") long moduleId,
            @NotNull(message = BODY) NewLesson lesson) {
        return Response.status(201)
                .entity(new Created(editing.addLesson(id, moduleId, lesson.slug(), lesson.title(), lesson.body()).id))
                .build();
    }

    @PUT
    @Path("/versions/{id}/lessons/{lessonId}/texts/{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write a lesson's title and Markdown in one language (blank removes the translation)")
    public AuthoringView.VersionDetail editLesson(@PathParam("id") long id, @PathParam("lessonId") long lessonId,
            @PathParam("lang") String lang, @NotNull(message = BODY) TextEdit edit) {
        editing.editLesson(id, lessonId, lang, edit.title(), edit.body());
        return view.version(id);
    }

    @DELETE
    @Path("/versions/{id}/modules/{moduleId}")
    @Operation(summary = "Remove a module (with its lessons and check) from a draft")
    public AuthoringView.VersionDetail removeModule(@PathParam("id") long id, @PathParam("moduleId") long moduleId) {
        editing.removeModule(id, moduleId);
        return view.version(id);
    }

    @DELETE
    @Path("/versions/{id}/lessons/{lessonId}")
    @Operation(summary = "Remove a lesson from a draft")
    public AuthoringView.VersionDetail removeLesson(@PathParam("id") long id, @PathParam("lessonId") long lessonId) {
        editing.removeLesson(id, lessonId);
        return view.version(id);
    }

    @POST
    @Path("/versions/{id}/modules/{moduleId}/move")
    @Operation(summary = "Move a module of a draft one place (?direction=up or down)")
    public AuthoringView.VersionDetail moveModule(@PathParam("id") long id, @PathParam("moduleId") long moduleId,
            @QueryParam("direction") String direction) {
        editing.moveModule(id, moduleId, direction);
        return view.version(id);
    }

    @POST
    @Path("/versions/{id}/lessons/{lessonId}/move")
    @Operation(summary = "Move a lesson of a draft one place within its module (?direction=up or down)")
    public AuthoringView.VersionDetail moveLesson(@PathParam("id") long id, @PathParam("lessonId") long lessonId,
            @QueryParam("direction") String direction) {
        editing.moveLesson(id, lessonId, direction);
        return view.version(id);
    }

    @POST
    @Path("/versions/{id}/lessons/{lessonId}/attachments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "List an uploaded attachment under a lesson")
    public AuthoringView.VersionDetail attach(@PathParam("id") long id, @PathParam("lessonId") long lessonId,
            @NotNull(message = BODY) AttachmentLink link) {
        editing.attachToLesson(id, lessonId, link.attachmentId());
        return view.version(id);
    }

    @PUT
    @Path("/versions/{id}/assessments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the pre-test, post-test and module checks by question name; set the pass mark")
    public AuthoringView.VersionDetail plan(@PathParam("id") long id, @NotNull(message = BODY) AssessmentPlan plan) {
        editing.planAssessments(id, plan);
        return view.version(id);
    }

    @PUT
    @Path("/versions/{id}/legal-change")
    @Consumes(MediaType.APPLICATION_JSON)
    public AuthoringView.VersionDetail legalChange(@PathParam("id") long id, @NotNull(message = BODY) LegalChange change) {
        editing.markLegalChange(id, change.legalChange());
        return view.version(id);
    }

    @POST
    @Path("/versions/{id}/questions/gift")
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Import a GIFT file into the draft's bank in one language; all or nothing")
    public GiftImported importGift(@PathParam("id") long id, @QueryParam("lang") String lang, InputStream gift) {
        return new GiftImported(editing.importGift(id, requireLanguage(id, lang), Gift.read(gift)));
    }

    @GET
    @Path("/versions/{id}/questions/gift")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Export the bank in one language as GIFT")
    public Response exportGift(@PathParam("id") long id, @QueryParam("lang") String lang) {
        String gift = editing.exportGift(id, requireLanguage(id, lang));
        return Response.ok(gift, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"bank." + lang + ".gift\"").build();
    }

    @POST
    @Path("/versions/{id}/submit")
    public AuthoringView.VersionDetail submit(@PathParam("id") long id) {
        workflow.submit(id);
        return view.version(id);
    }

    @POST
    @Path("/versions/{id}/approve")
    @Operation(summary = "Publish a version in review; 403 for anyone who wrote or changed it (four eyes)")
    public AuthoringView.VersionDetail approve(@PathParam("id") long id) {
        workflow.approve(id);
        return view.version(id);
    }

    @POST
    @Path("/versions/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public AuthoringView.VersionDetail reject(@PathParam("id") long id, Review review) {
        workflow.reject(id, review == null ? null : review.comment());
        return view.version(id);
    }

    @POST
    @Path("/versions/{id}/archive")
    public AuthoringView.VersionDetail archive(@PathParam("id") long id) {
        workflow.archive(id);
        return view.version(id);
    }

    // --- one translation at a time -------------------------------------------------------------------------------

    @POST
    @Path("/versions/{id}/translations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a language to a version; in a published version it stays hidden from trainees until"
            + " its translation is published")
    public AuthoringView.VersionDetail addTranslation(@PathParam("id") long id, NewTranslation translation) {
        translations.add(id, translation == null ? null : translation.language());
        return view.version(id);
    }

    @POST
    @Path("/versions/{id}/translations/{lang}/{step: submit|approve|archive}")
    @Operation(summary = "Move one translation on its own: submit a draft (of a version in review or published),"
            + " approve one in review (of a published version; 403 for anyone who wrote or changed it), or"
            + " withdraw a published one (trainees already studying it keep it)")
    public AuthoringView.VersionDetail translationStep(@PathParam("id") long id, @PathParam("lang") String lang,
            @PathParam("step") String step) {
        translations.step(id, lang, step);
        return view.version(id);
    }

    @POST
    @Path("/versions/{id}/translations/{lang}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send one translation in review back to draft with a comment")
    public AuthoringView.VersionDetail rejectTranslation(@PathParam("id") long id, @PathParam("lang") String lang,
            Review review) {
        translations.reject(id, lang, review == null ? null : review.comment());
        return view.version(id);
    }

    String requireLanguage(long id, String lang) {
        CourseVersion version = CourseVersion.require(id);
        if (lang == null || !version.offers(lang)) {
            throw ProblemException.badRequest(Reason.of("draft.lang-parameter", version.languages));
        }
        return lang;
    }
}
