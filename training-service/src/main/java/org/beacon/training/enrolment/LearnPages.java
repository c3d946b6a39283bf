package org.beacon.training.enrolment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.Forms;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.course.Course;
import org.beacon.training.course.CourseCatalogue;
import org.beacon.training.course.CourseCatalogue.CourseInfo;
import org.beacon.training.enrolment.LearnerView.LessonPage;
import org.beacon.training.enrolment.LearnerView.Outline;
import org.beacon.training.enrolment.LearnerView.Quiz;
import org.beacon.training.enrolment.LearnerView.Result;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The trainee's pages: course, progress, lesson, test and result. Plain HTML forms, Post/Redirect/Get, no
 * JavaScript; the same service as the JSON API.
 */
@Path("/training")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.TRAINEE, Roles.TRAINER })
public class LearnPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance course(CourseInfo course, Long enrolmentId);

        static native TemplateInstance enrolment(Outline outline);

        static native TemplateInstance lesson(LessonPage lesson);

        static native TemplateInstance quiz(Quiz quiz);

        static native TemplateInstance result(Result result);
    }

    @Inject
    EnrolmentService learning;

    @Inject
    LessonStudy study;

    @Inject
    QuizService quizzes;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    RequestLanguage language;

    @GET
    @Path("/courses/{slug}")
    public TemplateInstance course(@PathParam("slug") String slug) {
        CourseInfo course = catalogue.published(slug, language.code());
        Long enrolmentId = Course.bySlug(slug)
                .flatMap(c -> Enrolment.active(learning.currentSubject(), c.id)).map(e -> e.id).orElse(null);
        return Templates.course(course, enrolmentId).setLocale(language.locale());
    }

    @POST
    @Path("/courses/{slug}/enrol")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enrol(@PathParam("slug") String slug, @RestForm("language") String contentLanguage) {
        Enrolment enrolment = learning.enrol(slug, contentLanguage).enrolment();
        return Forms.seeOther("/training/enrolments/" + enrolment.id);
    }

    @GET
    @Path("/enrolments/{id}")
    public TemplateInstance enrolment(@PathParam("id") long id) {
        return Templates.enrolment(learning.outline(id)).setLocale(language.locale());
    }

    /** The study language, changed from the course page; back to where the trainee was in the course. */
    @POST
    @Path("/enrolments/{id}/language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeLanguage(@PathParam("id") long id, @RestForm("language") String contentLanguage) {
        learning.changeLanguage(id, contentLanguage);
        return Forms.seeOther("/training/enrolments/" + id);
    }

    @GET
    @Path("/enrolments/{id}/lessons/{lessonId}")
    public TemplateInstance lesson(@PathParam("id") long id, @PathParam("lessonId") long lessonId) {
        return Templates.lesson(study.lesson(id, lessonId)).setLocale(language.locale());
    }

    @POST
    @Path("/enrolments/{id}/lessons/{lessonId}/studied")
    public Response study(@PathParam("id") long id, @PathParam("lessonId") long lessonId) {
        Long next = study.study(id, lessonId);
        Outline outline = learning.outline(id);
        // After the last lesson of a module, its knowledge check is next, so back to the course page.
        boolean nextInSameModule = next != null && outline.modules().stream()
                .anyMatch(m -> m.lessons().stream().anyMatch(l -> l.id() == lessonId)
                        && m.lessons().stream().anyMatch(l -> l.id() == next));
        return Forms.seeOther(nextInSameModule ? "/training/enrolments/" + id + "/lessons/" + next : "/training/enrolments/" + id);
    }

    @GET
    @Path("/enrolments/{id}/assessments/{assessmentId}")
    public TemplateInstance quiz(@PathParam("id") long id, @PathParam("assessmentId") long assessmentId) {
        return Templates.quiz(quizzes.quiz(id, assessmentId)).setLocale(language.locale());
    }

    /** Form fields are {@code q<questionId>}; a multiple-choice question sends one field per ticked box. */
    @POST
    @Path("/enrolments/{id}/assessments/{assessmentId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") long id, @PathParam("assessmentId") long assessmentId,
            MultivaluedMap<String, String> form) {
        Map<Long, List<String>> answers = new LinkedHashMap<>();
        form.forEach((field, values) -> {
            if (field.startsWith("q")) {
                try {
                    answers.put(Long.parseLong(field.substring(1)), values);
                } catch (NumberFormatException e) {
                    throw ProblemException.badRequest(Reason.of("form.unknown-field", field));
                }
            }
        });
        Result result = quizzes.submit(id, assessmentId, answers);
        return Forms.seeOther("/training/enrolments/" + id + "/attempts/" + result.attemptId());
    }

    @GET
    @Path("/enrolments/{id}/attempts/{attemptId}")
    public TemplateInstance result(@PathParam("id") long id, @PathParam("attemptId") long attemptId) {
        return Templates.result(quizzes.result(id, attemptId)).setLocale(language.locale());
    }
}
