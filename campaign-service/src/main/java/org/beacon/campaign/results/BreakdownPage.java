package org.beacon.campaign.results;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.SurveyService;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The campaign manager's choice of a survey's breakdown dimensions. Evaluators of the organization may read it (the
 * results page links here); only managers and admins change it.
 */
@Path("/campaigns/surveys/{id}/dimensions")
@Produces(MediaType.TEXT_HTML)
public class BreakdownPage {

    /** A question that may be a dimension, with whether it is one now. */
    public record Candidate(String name, String label, String kind, String role, boolean allowed) {
    }

    public record Model(long id, String title, List<Candidate> questions, boolean team, boolean decided,
            boolean mayChange, boolean saved) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dimensions(Model page);
    }

    @Inject
    Breakdowns breakdowns;

    @Inject
    SurveyService surveys;

    @Inject
    BreakdownStore store;

    @Inject
    RequestLanguage language;

    @GET
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN })
    public TemplateInstance page(@RestPath long id, @RestQuery boolean saved) {
        SurveyForm form = surveys.form(id);
        BreakdownStore.Decision decision = breakdowns.decision(form);
        String surveyLanguage = form.language(language.code());
        List<Candidate> questions = Breakdowns.candidates(form).stream()
                .map(q -> new Candidate(q.name(), q.label(surveyLanguage, form.defaultLanguage()), q.kind(), q.role(),
                        decision.questions().contains(q.id())))
                .toList();
        return Templates.dimensions(new Model(id, form.title(), questions, decision.collector(),
                store.decision(id).isPresent(), breakdowns.mayChange(), saved)).setLocale(language.locale());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response change(@RestPath long id, @RestForm List<String> question, @RestForm boolean team) {
        breakdowns.change(id, new LinkedHashSet<>(question == null ? List.of() : question), team);
        return Response.seeOther(URI.create("/campaigns/surveys/" + id + "/dimensions?saved=true")).build();
    }
}
