package org.beacon.training.course;

import java.util.List;
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
import jakarta.ws.rs.core.Response;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.ProblemException;
import org.beacon.training.media.AttachmentService;
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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance courses(List<AuthoringView.CourseRow> courses);

        static native TemplateInstance version(AuthoringView.VersionDetail version, List<String> errors, Integer imported);
    }

    @Inject
    AuthoringView view;

    @Inject
    CourseService courses;

    @Inject
    RequestLanguage language;

    @Inject
    AttachmentService attachments;

    @GET
    public TemplateInstance courses() {
        return Templates.courses(view.courses()).setLocale(language.locale());
    }

    @GET
    @Path("/versions/{id}")
    public TemplateInstance version(@PathParam("id") long id, @QueryParam("imported") Integer imported) {
        return Templates.version(view.version(id), List.of(), imported).setLocale(language.locale());
    }

    @POST
    @Path("/courses/{slug}/drafts")
    public Response newDraft(@PathParam("slug") String slug) {
        return back(courses.newDraft(slug).id);
    }

    @POST
    @Path("/versions/{id}/submit")
    public Response submit(@PathParam("id") long id) {
        return onPage(id, () -> courses.submit(id));
    }

    @POST
    @Path("/versions/{id}/approve")
    public Response approve(@PathParam("id") long id) {
        courses.approve(id);
        return back(id);
    }

    @POST
    @Path("/versions/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") long id, @RestForm("comment") String comment) {
        return onPage(id, () -> courses.reject(id, comment));
    }

    @POST
    @Path("/versions/{id}/archive")
    public Response archive(@PathParam("id") long id) {
        courses.archive(id);
        return back(id);
    }

    @POST
    @Path("/versions/{id}/legal-change")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response legalChange(@PathParam("id") long id, @RestForm("legalChange") String legalChange) {
        courses.markLegalChange(id, legalChange != null);
        return back(id);
    }

    @POST
    @Path("/versions/{id}/gift")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response importGift(@PathParam("id") long id, @RestForm("language") String giftLanguage,
            @RestForm("gift") String gift) {
        int[] count = new int[1];
        Response response = onPage(id, () -> count[0] = courses.importGift(id, giftLanguage, gift));
        return response.getStatus() == 303 ? seeOther("/training/author/versions/" + id + "?imported=" + count[0]) : response;
    }

    @POST
    @Path("/versions/{id}/lessons")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editLesson(@PathParam("id") long id, @RestForm("lesson") long lessonId,
            @RestForm("language") String lessonLanguage, @RestForm("title") String title, @RestForm("body") String body) {
        return onPage(id, () -> {
            courses.editLesson(id, lessonId, lessonLanguage, title, body);
            return lessonId;
        });
    }

    /** Uploads a handout, image, audio or video file and lists it under a lesson of the draft. */
    @POST
    @Path("/versions/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@PathParam("id") long id, @RestForm("lesson") long lessonId, @RestForm("file") FileUpload file) {
        // Refuse before storing anything when the version can no longer change.
        CourseVersion.require(id).requireEditable();
        return onPage(id, () -> {
            courses.attachToLesson(id, lessonId, attachments.upload(file).id);
            return lessonId;
        });
    }

    /** Runs a change; a 400 shows the version page with the problems, anything else is the usual error page. */
    private Response onPage(long id, Supplier<?> change) {
        try {
            change.get();
            return back(id);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            List<String> errors = e.errors().isEmpty() ? List.of(e.getMessage()) : e.errors();
            return Response.status(400)
                    .entity(Templates.version(view.version(id), errors, null).setLocale(language.locale())).build();
        }
    }

    private static Response back(long id) {
        return seeOther("/training/author/versions/" + id);
    }

    static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path).build();
    }
}
