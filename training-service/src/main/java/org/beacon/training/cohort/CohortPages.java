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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.ProblemException;
import org.beacon.training.course.Course;
import org.jboss.resteasy.reactive.RestForm;

/** Trainers' pages for their cohorts: list and create, trainees, sessions and attendance, knowledge gain. */
@Path("/training/cohorts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.TRAINER, Roles.ADMIN })
public class CohortPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cohorts(List<CohortService.CohortRow> cohorts, List<Course> courses,
                List<String> errors);

        static native TemplateInstance cohort(CohortService.CohortDetail detail);
    }

    @Inject
    CohortService cohorts;

    @Inject
    RequestLanguage language;

    @GET
    public TemplateInstance list() {
        return Templates.cohorts(cohorts.list(), Course.published(), List.of()).setLocale(language.locale());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm("name") String name, @RestForm("course") String course,
            @RestForm("institution") String institution, @RestForm("startsOn") String startsOn,
            @RestForm("endsOn") String endsOn) {
        try {
            Cohort cohort = cohorts.create(new CohortService.NewCohort(name, course, institution, startsOn, endsOn));
            return seeOther("/training/cohorts/" + cohort.id);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(Templates.cohorts(cohorts.list(), Course.published(),
                    e.errors().isEmpty() ? List.of(e.getMessage()) : e.errors()).setLocale(language.locale())).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance cohort(@PathParam("id") long id) {
        return Templates.cohort(cohorts.detail(id)).setLocale(language.locale());
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
        cohorts.addSession(id, heldOn, topic);
        return seeOther("/training/cohorts/" + id);
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
