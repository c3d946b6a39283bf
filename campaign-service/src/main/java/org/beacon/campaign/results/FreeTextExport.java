package org.beacon.campaign.results;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.security.Roles;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The masked free-text answers of one question and wave as a CSV file, for evaluators only (as the pages), and
 * written to the audit log like every other export.
 */
@Path("/campaigns/api/results/{id}/texts.csv")
public class FreeTextExport {

    @Inject
    ResultsService results;

    @Inject
    FreeText freeText;

    @GET
    @Produces({ "text/csv", "application/problem+json" })
    @RolesAllowed(Roles.EVALUATOR)
    public Response csv(@RestPath long id, @RestQuery String question, @RestQuery String wave) {
        SurveyForm form = results.survey(id);
        Wave chosen = Wave.parse(wave);
        String csv = freeText.csv(form, question, chosen, results.minCellSize(form.organization()),
                form.defaultLanguage());
        results.recordExport(form, AuditSummary.of("export.free-text", question,
                AuditSummary.word("wave." + chosen.id()), AuditSummary.word("format.csv")));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + form.slug() + "-" + question + "-"
                        + chosen.id() + ".csv\"")
                .build();
    }
}
