package org.beacon.training.course;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.beacon.commons.security.Roles;

@Path("/training/api/courses")
@Produces(MediaType.APPLICATION_JSON)
public class CourseResource {

    public record CourseSummary(String slug, String title, String sector, String defaultLanguage) {
        public static CourseSummary of(Course course) {
            return new CourseSummary(course.slug, course.title, course.sector, course.defaultLanguage);
        }
    }

    /** Trainees see every published course (PRODUCT.md §1). */
    @GET
    @RolesAllowed({ Roles.TRAINEE, Roles.TRAINER, Roles.AUTHOR, Roles.ADMIN })
    public List<CourseSummary> published() {
        return Course.published().stream().map(CourseSummary::of).toList();
    }
}
