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

/**
 * Public check of a certificate code, without login: an employer or a court can confirm a training record. It
 * shows only name, course, date and version (PRODUCT.md §3).
 */
@Path("/training/public/verify")
public class VerificationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verify(String code, Certificate certificate, boolean searched);
    }

    @Inject
    RequestLanguage language;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response verify(@QueryParam("code") String code) {
        String normalised = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (normalised.isEmpty()) {
            return Response.ok(Templates.verify("", null, false).setLocale(language.locale())).build();
        }
        Certificate certificate = normalised.matches("[A-Z0-9-]{4,32}")
                ? Certificate.byCode(normalised).orElse(null)
                : null;
        // An unknown code is a 404 so that scripts and link checkers see it as not found, with the same readable page.
        return Response.status(certificate == null ? 404 : 200)
                .entity(Templates.verify(normalised, certificate, true).setLocale(language.locale()))
                .build();
    }
}
