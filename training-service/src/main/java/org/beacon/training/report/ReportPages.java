package org.beacon.training.report;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.beacon.training.period.ReportPeriod;

/** The admins' completions page: by sector, institution, country, and institution over time; for a period. */
@Path("/training/reports")
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(List<CompletionReport.Row> sectors, List<CompletionReport.Row> institutions,
                List<CompletionReport.Row> countries, List<CompletionReport.Row> quarters, ReportPeriod period);
    }

    @Inject
    CompletionReport report;

    @Inject
    RequestLanguage language;

    @GET
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance reports(@QueryParam("from") String from, @QueryParam("to") String to) {
        ReportPeriod period = ReportPeriod.of(from, to);
        return Templates.reports(report.by("sector", period), report.by("institution", period),
                report.by("country", period), report.by("institution-quarter", period), period)
                .setLocale(language.locale());
    }

    @GET
    @Path("/completions.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.ADMIN)
    public Response completionsCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        return report.csv(ReportPeriod.of(from, to));
    }
}
