package org.beacon.training.course;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.beacon.commons.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/training/api/courses")
@Tag(name = "learning")
@Produces(MediaType.APPLICATION_JSON)
public class CourseResource {

    public record CourseSummary(String slug, String title, String sector, List<String> sectors, String country,
            String defaultLanguage) {
        public static CourseSummary of(Course course) {
            return new CourseSummary(course.slug, course.title, course.sector, course.sectorList(), course.country,
                    course.defaultLanguage);
        }
    }

    @Inject
    CourseCatalogue catalogue;

    /** Trainees see every published course (PRODUCT.md §1). */
    @GET
    @RolesAllowed({ Roles.TRAINEE, Roles.TRAINER, Roles.AUTHOR, Roles.ADMIN })
    @Operation(summary = "Published courses")
    public List<CourseSummary> published() {
        return Course.published().stream().map(CourseSummary::of).toList();
    }

    @GET
    @Path("/{slug}")
    @RolesAllowed({ Roles.TRAINEE, Roles.TRAINER, Roles.AUTHOR, Roles.ADMIN })
    @Operation(summary = "A published course's outline in a language (?lang=), falling back to its default language")
    public CourseCatalogue.CourseInfo course(@PathParam("slug") String slug, @QueryParam("lang") String lang) {
        return catalogue.published(slug, lang);
    }
}
