package org.beacon.training.report;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.security.Roles;
import org.beacon.training.audit.AuditLog;
import org.beacon.training.period.ReportPeriod;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/training/api/reports/completions")
@Tag(name = "reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    CompletionReport report;

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN })
    @Operation(summary = "Enrolments and completions by sector, institution or country (?by=), of the enrolments"
            + " started from and to (YYYY-MM-DD, both optional); a trainer counts their own organization's only")
    public List<CompletionReport.Row> completions(@QueryParam("by") String by, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        ReportPeriod period = ReportPeriod.of(from, to);
        List<CompletionReport.Row> rows = report.by(by == null ? "sector" : by, period);
        audit.record("report.export", "report", null, AuditSummary.of("report.completions-read",
                AuditSummary.word("dimension." + (by == null ? "sector" : by)), period.audited()));
        return rows;
    }
}
