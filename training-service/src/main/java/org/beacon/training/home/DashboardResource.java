package org.beacon.training.home;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.security.Roles;
import org.beacon.commons.security.UserSummary;
import org.beacon.training.course.Course;
import org.beacon.training.course.CourseResource.CourseSummary;

/** The JSON twin of the start page: the signed-in user and the courses open to them. */
@Path("/training/api/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    public record Dashboard(UserSummary user, List<CourseSummary> courses) {
    }

    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({ Roles.TRAINEE, Roles.TRAINER, Roles.AUTHOR, Roles.ADMIN })
    public Dashboard dashboard() {
        return new Dashboard(UserSummary.of(user), Course.published().stream().map(CourseSummary::of).toList());
    }
}
