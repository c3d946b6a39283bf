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
import org.beacon.training.period.PeriodFilter;
import org.beacon.training.period.ReportPeriod;

/**
 * The completions page of trainers (their organization's) and admins (all): by sector, institution, country, and
 * institution over time; for a period. A refused date is shown next to the filter, the page still answering.
 */
@Path("/training/reports")
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(List<CompletionReport.Row> sectors, List<CompletionReport.Row> institutions,
                List<CompletionReport.Row> countries, List<CompletionReport.Row> quarters, PeriodFilter filter,
                String organization);
    }

    @Inject
    CompletionReport report;

    @Inject
    RequestLanguage language;

    @GET
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN })
    public Response reports(@QueryParam("from") String from, @QueryParam("to") String to) {
        PeriodFilter filter = PeriodFilter.read(from, to);
        String organization = report.scope().orElse(null);
        if (filter.isRefused()) {
            // No figures for a period the reader did not ask for: only the filter, with what was typed.
            return Response.status(400).entity(Templates.reports(List.of(), List.of(), List.of(), List.of(), filter,
                    organization).setLocale(language.locale())).build();
        }
        ReportPeriod period = filter.period();
        return Response.ok(Templates.reports(report.by("sector", period), report.by("institution", period),
                report.by("country", period), report.by("institution-quarter", period), filter, organization)
                .setLocale(language.locale())).build();
    }

    @GET
    @Path("/completions.csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN })
    public Response completionsCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        return report.csv(ReportPeriod.of(from, to));
    }
}
