package org.beacon.training.enrolment;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.certificate.Certificate;
import org.beacon.training.certificate.CertificatePdf;
import org.beacon.training.course.Course;
import org.beacon.training.course.CourseCatalogue;
import org.beacon.training.course.CourseVersion;
import org.beacon.training.enrolment.LearnerView.LessonPage;
import org.beacon.training.enrolment.LearnerView.Outline;
import org.beacon.training.enrolment.LearnerView.Quiz;
import org.beacon.training.enrolment.LearnerView.Result;
import org.beacon.training.i18n.TrainingMessages;
import org.beacon.training.offline.OfflinePackage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The trainee's JSON API: the same operations as the learning pages. */
@Path("/training/api/enrolments")
@Tag(name = "learning")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.TRAINEE, Roles.TRAINER })
public class EnrolmentResource {

    public record EnrolRequest(String course, String language) {
    }

    public record EnrolmentSummary(long id, String course, String title, int version, String language, EnrolmentStatus status,
            String certificateCode, boolean refresherDue) {
    }

    public record Submission(Map<Long, List<String>> answers) {
    }

    public record LanguageChange(String language) {
    }

    public record Studied(Long next) {
    }

    @Inject
    EnrolmentService learning;

    @Inject
    LessonStudy study;

    @Inject
    QuizService quizzes;

    @Inject
    CertificatePdf pdf;

    @Inject
    OfflinePackage offline;

    @Inject
    RequestLanguage language;

    @Inject
    CourseCatalogue catalogue;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrol in a published course in one of its languages",
            description = "201 for a new enrolment; 200 with the existing one, which keeps its version.")
    public Response enrol(EnrolRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(Reason.of("enrol.send-fields"));
        }
        LearnerView.Enrolled enrolled = learning.enrol(request.course(), request.language());
        Outline outline = learning.outline(enrolled.enrolment().id);
        return Response.status(enrolled.created() ? 201 : 200)
                .location(URI.create("/training/api/enrolments/" + enrolled.enrolment().id)).entity(outline).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The caller's enrolments, each titled in the language it is studied in")
    public List<EnrolmentSummary> mine() {
        return Enrolment.of(learning.currentSubject()).stream().map(e -> {
            Certificate certificate = Certificate.ofEnrolment(e.id).orElse(null);
            CourseVersion version = CourseVersion.findById(e.versionId);
            Course course = Course.findById(e.courseId);
            return new EnrolmentSummary(e.id, course.slug, catalogue.titleOf(version, e.language).value(), version.number,
                    e.language, e.status,
                    certificate == null ? null : certificate.code, certificate != null && certificate.refresherDue);
        }).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Progress through the course: lessons, checks and tests, which are open")
    public Outline outline(@PathParam("id") long id) {
        return learning.outline(id);
    }

    @POST
    @Path("/{id}/language")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Study the course in another of its languages from now on",
            description = "Progress, answers, scores and the certificate are kept; 400 for a language the course"
                    + " version is not published in.")
    public Outline changeLanguage(@PathParam("id") long id, LanguageChange change) {
        learning.changeLanguage(id, change == null ? null : change.language());
        return learning.outline(id);
    }

    @GET
    @Path("/{id}/lessons/{lessonId}")
    @Operation(summary = "A lesson as sanitized HTML in the enrolment's language, with fallback flag and media links")
    public LessonPage lesson(@PathParam("id") long id, @PathParam("lessonId") long lessonId) {
        return study.lesson(id, lessonId);
    }

    @POST
    @Path("/{id}/lessons/{lessonId}/studied")
    @Operation(summary = "Mark a lesson studied; answers the next lesson's id")
    public Studied study(@PathParam("id") long id, @PathParam("lessonId") long lessonId) {
        return new Studied(study.study(id, lessonId));
    }

    @GET
    @Path("/{id}/assessments/{assessmentId}")
    @Operation(summary = "The questions of a test, without the answer key")
    public Quiz quiz(@PathParam("id") long id, @PathParam("assessmentId") long assessmentId) {
        return quizzes.quiz(id, assessmentId);
    }

    @POST
    @Path("/{id}/assessments/{assessmentId}/attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit answers: question id → answer positions, \"true\"/\"false\", or the typed text",
            description = "Scored on the server. The result says which answers earned credit; the right answers,"
                    + " feedback and legal sources come only once the course is completed (and, for a module's check,"
                    + " on the questions the post-test does not ask): `keyShown` per question, `keyWithheld` overall.")
    public Response submit(@PathParam("id") long id, @PathParam("assessmentId") long assessmentId,
            Submission submission) {
        Result result = quizzes.submit(id, assessmentId, submission == null ? Map.of() : submission.answers());
        return Response.status(201).entity(result).build();
    }

    @GET
    @Path("/{id}/certificate.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The certificate of a completed enrolment as PDF")
    public Response certificate(@PathParam("id") long id) {
        Enrolment enrolment = learning.mine(id);
        Certificate certificate = Certificate.ofEnrolment(enrolment.id)
                .orElseThrow(() -> ProblemException.notFound(Reason.of("enrol.no-certificate")));
        TrainingMessages msg = MessageBundles.get(TrainingMessages.class,
                io.quarkus.qute.i18n.Localized.Literal.of(language.code()));
        byte[] bytes = pdf.render(certificate, new CertificatePdf.Labels(msg.cert_title(), msg.cert_awarded_to(),
                msg.cert_for_completing(), msg.verify_version(), msg.verify_date(), msg.verify_code(),
                msg.cert_verify_at()));
        return Response.ok(bytes, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"certificate-" + certificate.code + ".pdf\"")
                .build();
    }

    @GET
    @Path("/{id}/offline.zip")
    @Produces("application/zip")
    @Operation(summary = "The enrolment's course version in its language as a zip that opens from disk")
    public Response offline(@PathParam("id") long id) {
        Enrolment enrolment = learning.mine(id);
        CourseVersion version = CourseVersion.findById(enrolment.versionId);
        Course course = Course.findById(enrolment.courseId);
        return Response.ok(offline.build(version, enrolment.language), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + course.slug + "-v" + version.number + "-"
                        + enrolment.language + ".zip\"")
                .build();
    }
}
