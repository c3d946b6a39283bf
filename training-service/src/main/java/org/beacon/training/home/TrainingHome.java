package org.beacon.training.home;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.security.Roles;
import org.beacon.training.certificate.Certificate;
import org.beacon.training.course.CourseCatalogue;
import org.beacon.training.course.CourseCatalogue.Listed;
import org.beacon.training.course.CourseCatalogue.Title;
import org.beacon.training.course.CourseTranslation;
import org.beacon.training.course.CourseVersion;
import org.beacon.training.enrolment.Enrolment;
import org.beacon.training.enrolment.EnrolmentStatus;

/** The training start page: who is signed in, their courses, the published courses and their role's tools. */
@Path("/training")
public class TrainingHome {

    /** One of the trainee's enrolments as the start page lists it, titled in the language it is studied in. */
    public record MyCourse(long enrolmentId, Title title, EnrolmentStatus status, boolean refresherDue) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(String userName, String organization, List<Listed> courses,
                List<MyCourse> mine, boolean learner, boolean author, boolean trainer, boolean reports);
    }

    @Inject
    CurrentUser user;

    @Inject
    RequestLanguage language;

    @Inject
    CourseCatalogue catalogue;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @RolesAllowed({ Roles.TRAINEE, Roles.TRAINER, Roles.AUTHOR, Roles.ADMIN })
    public TemplateInstance home() {
        List<MyCourse> mine = Enrolment.of(user.subject()).stream().map(e -> {
            boolean refresher = Certificate.ofEnrolment(e.id).map(c -> c.refresherDue).orElse(false);
            // In the reader's language where the version offers it, else the language it is studied in.
            CourseVersion version = CourseVersion.findById(e.versionId);
            String titled = CourseTranslation.offered(version).contains(language.code()) ? language.code() : e.language;
            return new MyCourse(e.id, catalogue.titleOf(version, titled), e.status, refresher);
        }).toList();
        boolean learner = user.hasRole(Roles.TRAINEE) || user.hasRole(Roles.TRAINER);
        return Templates.home(user.displayName(), user.organization().orElse(""), catalogue.listed(language.code()),
                mine, learner,
                user.hasRole(Roles.AUTHOR) || user.isAdmin(), user.hasRole(Roles.TRAINER) || user.isAdmin(),
                user.hasRole(Roles.TRAINER) || user.isAdmin())
                .setLocale(language.locale());
    }
}
