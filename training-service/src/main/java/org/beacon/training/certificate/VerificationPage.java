package org.beacon.training.certificate;

import java.util.Locale;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.training.course.Course;
import org.beacon.training.course.CourseVersion;

/**
 * Public check of a certificate code, without login: an employer or a court can confirm a training record. It
 * shows only name, course, date and version (PRODUCT.md §3), and whether a later version made after a change in the
 * law calls for a refresher.
 */
@Path("/training/public/verify")
public class VerificationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verify(String code, Certificate certificate, boolean searched,
                Integer supersededBy, String courseSlug);
    }

    @Inject
    RequestLanguage language;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response verify(@QueryParam("code") String code) {
        String normalised = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (normalised.isEmpty()) {
            return Response.ok(Templates.verify("", null, false, null, null).setLocale(language.locale())).build();
        }
        Certificate certificate = normalised.matches("[A-Z0-9-]{4,32}")
                ? Certificate.byCode(normalised).orElse(null)
                : null;
        Integer supersededBy = supersededBy(certificate);
        // Where the refresher is taken: the course's page, which enrols in its current version.
        String courseSlug = supersededBy == null ? null
                : Course.<Course>findByIdOptional(certificate.courseId).map(c -> c.slug).orElse(null);
        // An unknown code is a 404 so that scripts and link checkers see it as not found, with the same readable page.
        return Response.status(certificate == null ? 404 : 200)
                .entity(Templates.verify(normalised, certificate, true, supersededBy, courseSlug)
                        .setLocale(language.locale()))
                .build();
    }

    /**
     * The number of the version that replaced the certificate's after a change in the law, while the holder has
     * not taken the refresher ({@code refresher_due}, cleared when they complete a newer version).
     */
    private static Integer supersededBy(Certificate certificate) {
        if (certificate == null || !certificate.refresherDue) {
            return null;
        }
        return CourseVersion.legalChangeAfter(certificate.courseId, certificate.courseVersion).map(v -> v.number)
                .orElse(null);
    }
}
