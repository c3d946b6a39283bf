package org.beacon.training.cohort;

import java.util.List;

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
import org.beacon.training.cohort.CohortService.TraineeRow;
import org.beacon.training.course.CourseCatalogue;
import org.beacon.training.period.PeriodFilter;
import org.beacon.training.period.ReportPeriod;
import org.jboss.resteasy.reactive.RestForm;

/** Trainers' pages for their cohorts: list and create, trainees, sessions and attendance, knowledge gain. */
@Path("/training/cohorts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.TRAINER, Roles.ADMIN })
public class CohortPages {

    /** What the trainer typed into the new cohort form, shown again when it is refused. */
    public record CohortForm(String name, String course, String institution, String startsOn, String endsOn) {

        static final CohortForm EMPTY = new CohortForm("", "", "", "", "");
    }

    /** What the trainer typed into the new session form, shown again when it is refused. */
    public record SessionForm(String heldOn, String topic) {

        static final SessionForm EMPTY = new SessionForm("", "");
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cohorts(List<CohortService.CohortRow> cohorts, List<CourseCatalogue.Listed> courses,
                CohortForm form, List<CohortRefusal.Field> refused);

        static native TemplateInstance cohort(CohortService.CohortDetail detail, PeriodFilter filter, String search,
                List<TraineeRow> found, SessionForm session, List<CohortRefusal.Field> refused);
    }

    @Inject
    CohortService cohorts;

    @Inject
    CohortExport export;

    @Inject
    RequestLanguage language;

    /** The published courses, titled in the reader's language where a translation is offered. */
    @Inject
    CourseCatalogue catalogue;

    @GET
    public TemplateInstance list() {
        return Templates.cohorts(cohorts.list(), catalogue.listed(language.code()), CohortForm.EMPTY, List.of())
                .setLocale(language.locale());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm("name") String name, @RestForm("course") String course,
            @RestForm("institution") String institution, @RestForm("startsOn") String startsOn,
            @RestForm("endsOn") String endsOn) {
        try {
            Cohort cohort = cohorts.create(new CohortService.NewCohort(name, course, institution, startsOn, endsOn));
            return seeOther("/training/cohorts/" + cohort.id);
        } catch (CohortRefusal refusal) {
            CohortForm typed = new CohortForm(name, course, institution, startsOn, endsOn);
            return Response.status(400).entity(Templates.cohorts(cohorts.list(), catalogue.listed(language.code()), typed,
                    refusal.fields()).setLocale(language.locale())).build();
        }
    }

    /**
     * The cohort within an optional period ({@code from}, {@code to}), and the trainees a search finds. A refused
     * date answers 400 with the whole cohort and the error next to the filter, what was typed kept.
     */
    @GET
    @Path("/{id}")
    public Response cohort(@PathParam("id") long id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("q") String search) {
        PeriodFilter filter = PeriodFilter.read(from, to);
        return Response.status(filter.isRefused() ? 400 : 200)
                .entity(page(id, filter, search, SessionForm.EMPTY, List.of())).build();
    }

    private TemplateInstance page(long id, PeriodFilter filter, String search, SessionForm session,
            List<CohortRefusal.Field> refused) {
        CohortService.CohortDetail detail = cohorts.detail(id, filter.period());
        List<TraineeRow> found = cohorts.searchTrainees(id, search);
        return Templates.cohort(detail, filter, search == null ? "" : search.strip(), found, session, refused)
                .setLocale(language.locale());
    }

    @GET
    @Path("/{id}/progress.csv")
    @Produces("text/csv")
    public Response progressCsv(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return export.progress(id, ReportPeriod.of(from, to));
    }

    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("id") long id, @RestForm("subject") String subject) {
        cohorts.addMember(id, subject);
        return seeOther("/training/cohorts/" + id);
    }

    @POST
    @Path("/{id}/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addSession(@PathParam("id") long id, @RestForm("heldOn") String heldOn,
            @RestForm("topic") String topic) {
        try {
            cohorts.addSession(id, heldOn, topic);
            return seeOther("/training/cohorts/" + id);
        } catch (CohortRefusal refusal) {
            return Response.status(400).entity(page(id, PeriodFilter.read(null, null), null, new SessionForm(heldOn, topic),
                    refusal.fields())).build();
        }
    }

    @POST
    @Path("/{id}/sessions/{sessionId}/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response attendance(@PathParam("id") long id, @PathParam("sessionId") long sessionId,
            @RestForm("present") List<String> present) {
        cohorts.recordAttendance(id, sessionId, present);
        return seeOther("/training/cohorts/" + id);
    }

    private static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path).build();
    }
}
