package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.security.Roles;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Results as data: JSON for dashboards, CSV for spreadsheets. Both carry the same suppression as the page, and every
 * call is written to the audit log, since each one takes results out of the service.
 */
@Path("/campaigns/api/results")
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {

    public record MinCellSize(@NotNull Integer minCellSize) {
    }

    public record DisclosureView(String organization, int minCellSize) {
    }

    /** An output of one solved state, computed once (see {@link SolvedResults#derived}). */
    private record Export(String format, String campaign, Breakdowns.Selection selection, Wave wave) {
    }

    @Inject
    ResultsService results;

    @Inject
    FreeText freeText;

    @Inject
    CurrentUser user;

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.EVALUATOR, Roles.ADMIN })
    public ResultsView results(@RestPath long id, @RestQuery String by, @RestQuery String wave,
            @RestQuery String filter) {
        ResultsService.Asked asked = results.asked(id);
        SurveyForm form = asked.form();
        Breakdowns.Selection selection = Breakdowns.select(form, asked.survey().axes(), by, filter);
        ResultsService.Current current = results.forExport(asked, selection);
        SurveyResults computed = current.results();
        Wave breakdownWave = wave == null || wave.isBlank() ? lastWave(computed) : Wave.parse(wave);
        String campaign = asked.survey().campaignTitle();
        ResultsView view = current.solved().derived(new Export("json", campaign, selection, breakdownWave),
                () -> Breakdowns.view(computed, campaign, selection, breakdownWave));
        results.recordExport(form, asked.survey().minCellSize(), described("format.json", selection, breakdownWave));
        return view;
    }

    private static Wave lastWave(SurveyResults computed) {
        return computed.waves().isEmpty() ? null : computed.waves().get(computed.waves().size() - 1);
    }

    /** What an export held besides the overall figures, for the audit log: its format, group and breakdown. */
    private static AuditSummary described(String format, Breakdowns.Selection selection, Wave wave) {
        List<AuditSummary> details = new ArrayList<>();
        if (selection.filter() != null) {
            details.add(AuditSummary.of("export.group", selection.filter().id(),
                    selection.filter().valueName(selection.filterValue())));
        }
        if (selection.by() != null) {
            details.add(wave == null ? AuditSummary.of("export.by", selection.by().id())
                    : AuditSummary.of("export.by-wave", selection.by().id(), AuditSummary.word("wave." + wave.id())));
        }
        return details.isEmpty() ? AuditSummary.of("export.results", AuditSummary.word(format))
                : AuditSummary.of("export.results-of", AuditSummary.word(format), details);
    }

    @GET
    @Path("/{id}/export.csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.EVALUATOR, Roles.ADMIN })
    public Response csv(@RestPath long id, @RestQuery String by, @RestQuery String filter) {
        ResultsService.Asked asked = results.asked(id);
        SurveyForm form = asked.form();
        Breakdowns.Selection selection = Breakdowns.select(form, asked.survey().axes(), by, filter);
        ResultsService.Current current = results.forExport(asked, selection);
        SurveyResults computed = current.results();
        String campaign = asked.survey().campaignTitle();
        // every dimension's breakdown is in the file; a filter adds its group's figures and its breakdown
        Breakdowns.Selection group = new Breakdowns.Selection(null, selection.filter(), selection.filterValue());
        String csv = current.solved().derived(new Export("csv", campaign, group, null),
                () -> ResultsCsv.write(Breakdowns.view(computed, campaign, group, null), computed.breakdowns()));
        results.recordExport(form, asked.survey().minCellSize(), described("format.csv", selection, null));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + form.slug() + "-results.csv\"").build();
    }

    /** Masked free-text answers of one question and wave; evaluators only, as PRODUCT.md §5 asks. */
    @GET
    @Path("/{id}/texts")
    @RolesAllowed(Roles.EVALUATOR)
    public FreeText.TextPage texts(@RestPath long id, @RestQuery String question, @RestQuery String wave,
            @RestQuery int page) {
        SurveyForm form = results.survey(id);
        FreeText.TextPage texts = freeText.page(form, question, Wave.parse(wave), page,
                results.minCellSize(form.organization()), form.defaultLanguage());
        results.recordExport(form, AuditSummary.of("export.free-text-page", question,
                AuditSummary.word("wave." + wave), page));
        return texts;
    }

    @GET
    @Path("/disclosure/{organization}")
    @RolesAllowed({ Roles.EVALUATOR, Roles.ADMIN })
    public DisclosureView disclosure(@RestPath String organization) {
        user.requireMayActFor(organization);
        return new DisclosureView(organization, results.minCellSize(organization));
    }

    /** Organizations are stored in 100 characters: a longer name is bad input (400), not a failed insert. */
    @PUT
    @Path("/disclosure/{organization}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public DisclosureView changeDisclosure(@RestPath @Size(max = 100) String organization,
            @NotNull MinCellSize request) {
        return new DisclosureView(organization, results.changeMinCellSize(organization, request.minCellSize()));
    }
}
