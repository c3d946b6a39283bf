package org.beacon.training.cohort;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.beacon.training.cohort.CohortService.TraineeRow;
import org.beacon.commons.web.Reason;
import org.beacon.training.cohort.CohortService.CohortDetail;
import org.beacon.training.cohort.CohortService.CohortRow;
import org.beacon.training.cohort.CohortService.NewCohort;
import org.beacon.training.period.ReportPeriod;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Trainers' JSON API for their cohorts; a trainer never sees another trainer's cohort. */
@Path("/training/api/cohorts")
@Tag(name = "cohorts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.TRAINER, Roles.ADMIN })
public class CohortResource {

    public record NewMember(String subject) {
    }

    public record NewSession(String heldOn, String topic) {
    }

    public record Attendance(List<String> present) {
    }

    @Inject
    CohortService cohorts;

    @Inject
    CohortExport export;

    @GET
    @Operation(summary = "The caller's cohorts (all cohorts for an admin)")
    public List<CohortRow> list() {
        return cohorts.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a cohort: name, course slug, institution, startsOn and endsOn (YYYY-MM-DD)")
    public Response create(NewCohort request) {
        Cohort cohort = cohorts.create(request);
        return Response.created(URI.create("/training/api/cohorts/" + cohort.id)).entity(cohorts.detail(cohort.id)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Trainees with progress and scores, sessions with attendance, knowledge gain; with from and"
            + " to (YYYY-MM-DD), only the work done within those days")
    public CohortDetail detail(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return cohorts.detail(id, ReportPeriod.of(from, to));
    }

    @GET
    @Path("/{id}/progress.csv")
    @Produces("text/csv")
    @Operation(summary = "The trainees' progress, scores, gain and attendance as CSV, with the same from and to")
    public Response progressCsv(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return export.progress(id, ReportPeriod.of(from, to));
    }

    @GET
    @Path("/{id}/trainees")
    @Operation(summary = "Trainees of the cohort's organization who have signed in, not yet in the cohort, whose name"
            + " or username contains q; enrolled tells whether they are enrolled in the cohort's course")
    public List<TraineeRow> trainees(@PathParam("id") long id, @QueryParam("q") String search) {
        return cohorts.searchTrainees(id, search);
    }

    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a trainee of the cohort's organization by account id (subject), enrolling them in the"
            + " cohort's course if they are not yet")
    public CohortDetail addMember(@PathParam("id") long id, NewMember member) {
        cohorts.addMember(id, member == null ? null : member.subject());
        return cohorts.detail(id);
    }

    @POST
    @Path("/{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addSession(@PathParam("id") long id, NewSession session) {
        if (session == null) {
            throw ProblemException.badRequest(Reason.of("cohort.send-session"));
        }
        cohorts.addSession(id, session.heldOn(), session.topic());
        return Response.status(201).entity(cohorts.detail(id)).build();
    }

    @PUT
    @Path("/{id}/sessions/{sessionId}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record who was present; the cohort's other trainees are recorded absent")
    public CohortDetail attendance(@PathParam("id") long id, @PathParam("sessionId") long sessionId,
            Attendance attendance) {
        cohorts.recordAttendance(id, sessionId, attendance == null ? List.of() : attendance.present());
        return cohorts.detail(id);
    }
}
