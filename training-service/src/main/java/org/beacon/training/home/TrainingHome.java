package org.beacon.training.home;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.security.Roles;
import org.beacon.training.course.Course;

/** The trainee's start page: who is signed in and which courses are open to them. */
@Path("/training")
public class TrainingHome {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(String userName, String organization, List<Course> courses);
    }

    @Inject
    CurrentUser user;

    @Inject
    RequestLanguage language;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.TRAINEE, Roles.TRAINER, Roles.AUTHOR, Roles.ADMIN })
    public TemplateInstance home() {
        return Templates.home(user.displayName(), user.organization().orElse(""), Course.published())
                .setLocale(language.locale());
    }
}
