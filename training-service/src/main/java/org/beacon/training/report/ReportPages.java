package org.beacon.training.report;

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
import org.beacon.commons.security.Roles;

/** The admins' completions page: by sector, institution, country, and institution over time. */
@Path("/training/reports")
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(List<CompletionReport.Row> sectors, List<CompletionReport.Row> institutions,
                List<CompletionReport.Row> countries, List<CompletionReport.Row> quarters);
    }

    @Inject
    CompletionReport report;

    @Inject
    RequestLanguage language;

    @GET
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance reports() {
        return Templates.reports(report.by("sector"), report.by("institution"), report.by("country"),
                report.by("institution-quarter"))
                .setLocale(language.locale());
    }
}
