package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.beacon.campaign.results.ResultsView.ChangeRow;
import org.beacon.campaign.results.ResultsView.QuestionResult;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The evaluator's results page: tables with their charts, the change from baseline to endline, breakdowns. */
@Path("/campaigns/results/{id}")
public class ResultsPage {

    /** What the page shows besides the figures: charts by question, the breakdown chooser, free-text links. */
    public record PageModel(long surveyId, String by, String wave, List<String> dimensions, List<String> waves,
            Map<String, String> charts, String proportionChanges, String meanChanges, List<String> textQuestions) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(ResultsView view, PageModel page);

        static native TemplateInstance texts(long surveyId, String surveyTitle, FreeText.TextPage texts, int minCellSize);
    }

    @Inject
    ResultsService results;

    @Inject
    FreeText freeText;

    @Inject
    RequestLanguage language;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.EVALUATOR, Roles.ADMIN })
    public TemplateInstance results(@RestPath long id, @RestQuery String by, @RestQuery String wave) {
        SurveyForm form = results.survey(id);
        SurveyResults computed = results.results(form, language.code(), ResultsWording.of(language.code()));
        List<Wave> waves = computed.waves();
        Dimension dimension = by == null || by.isBlank() ? null : Dimension.parse(by);
        Wave breakdownWave = wave == null || wave.isBlank()
                ? (waves.isEmpty() ? null : waves.get(waves.size() - 1))
                : Wave.parse(wave);
        ResultsView view = computed.view(results.campaignTitle(form), dimension, breakdownWave);

        Map<String, String> charts = new LinkedHashMap<>();
        for (QuestionResult question : view.questions()) {
            charts.put(question.name(), Charts.distribution(question.table()));
        }
        if (view.knowledgeScore() != null) {
            charts.put(view.knowledgeScore().name(), Charts.distribution(view.knowledgeScore().table()));
        }
        List<String> dimensions = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            if (d != Dimension.ALL && computed.hasDimension(d)) {
                dimensions.add(d.id());
            }
        }
        List<ChangeRow> proportions = view.changes().stream()
                .filter(c -> c.measure().equals(ChangeRow.PROPORTION)).toList();
        List<ChangeRow> means = view.changes().stream().filter(c -> c.measure().equals(ChangeRow.MEAN)).toList();
        List<String> textQuestions = form.questions().stream().filter(q -> q.kind().equals(SurveyQuestion.TEXT))
                .map(SurveyForm.Question::name).toList();
        PageModel page = new PageModel(id, dimension == null ? "" : dimension.id(),
                breakdownWave == null ? "" : breakdownWave.id(), dimensions, view.waves(), charts,
                Charts.changes(view.survey(), proportions), Charts.changes(view.survey(), means), textQuestions);
        return Templates.results(view, page).setLocale(language.locale());
    }

    @GET
    @Path("texts")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.EVALUATOR)
    public TemplateInstance texts(@RestPath long id, @RestQuery String question, @RestQuery String wave,
            @RestQuery int page) {
        SurveyForm form = results.survey(id);
        int k = results.minCellSize(form.organization());
        FreeText.TextPage texts = freeText.page(form, question, Wave.parse(wave), page, k,
                form.language(language.code()));
        return Templates.texts(id, form.title(), texts, k).setLocale(language.locale());
    }
}
