package org.beacon.campaign.results;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
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
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The evaluator's results page: tables with their charts, the change from baseline to endline, breakdowns. */
@Path("/campaigns/results/{id}")
public class ResultsPage {

    /** What the page shows besides the figures: charts by question, the breakdown chooser, free-text links. */
    public record PageModel(long surveyId, String by, String wave, List<Option> dimensions, List<String> waves,
            Map<String, String> charts, String proportionChanges, String meanChanges, List<String> textQuestions,
            String filter, List<Option> filters, String query) {
    }

    /** A choice of the breakdown or filter menu: what the address carries and what the evaluator reads. */
    public record Option(String value, String label) {
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

    @Inject
    Breakdowns breakdowns;

    private BreakdownMessages messages() {
        String code = language.code();
        return Languages.DEFAULT.equals(code) || Languages.supported(code) == null
                ? MessageBundles.get(BreakdownMessages.class)
                : MessageBundles.get(BreakdownMessages.class, Localized.Literal.of(Languages.supported(code)));
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.EVALUATOR, Roles.ADMIN })
    public TemplateInstance results(@RestPath long id, @RestQuery String by, @RestQuery String wave,
            @RestQuery String filter) {
        SurveyForm form = results.survey(id);
        List<BreakdownAxis> axes = breakdowns.axes(form);
        Breakdowns.Selection selection = Breakdowns.select(form, axes, by, filter);
        ResultsWording wording = ResultsWording.of(language.code());
        SurveyResults computed = results.results(form, language.code(), wording, axes, selection);
        List<Wave> waves = computed.waves();
        Wave breakdownWave = wave == null || wave.isBlank()
                ? (waves.isEmpty() ? null : waves.get(waves.size() - 1))
                : Wave.parse(wave);
        ResultsView view = Breakdowns.view(computed, results.campaignTitle(form), selection, breakdownWave);

        Map<String, String> charts = new LinkedHashMap<>();
        for (QuestionResult question : view.questions()) {
            charts.put(question.name(), Charts.distribution(question.table(), wording.text()));
        }
        if (view.knowledgeScore() != null) {
            charts.put(view.knowledgeScore().name(), Charts.distribution(view.knowledgeScore().table(), wording.text()));
        }
        String surveyLanguage = form.language(language.code());
        BreakdownMessages words = messages();
        List<Option> dimensions = new ArrayList<>();
        List<Option> filters = new ArrayList<>();
        for (BreakdownAxis axis : axes) {
            String label = axis.isTeam() ? words.team() : axis.question().label(surveyLanguage, form.defaultLanguage());
            dimensions.add(new Option(axis.id(), label));
            for (int value : axis.values(false)) {
                if (value != 0) {
                    filters.add(new Option(axis.id() + ":" + axis.valueName(value),
                            label + ": " + axis.label(value, surveyLanguage, form.defaultLanguage())));
                }
            }
        }
        List<ChangeRow> proportions = view.changes().stream()
                .filter(c -> c.measure().equals(ChangeRow.PROPORTION)).toList();
        List<ChangeRow> means = view.changes().stream().filter(c -> c.measure().equals(ChangeRow.MEAN)).toList();
        List<String> textQuestions = form.questions().stream().filter(q -> q.kind().equals(SurveyQuestion.TEXT))
                .map(SurveyForm.Question::name).toList();
        String chosenFilter = selection.filter() == null ? ""
                : selection.filter().id() + ":" + selection.filter().valueName(selection.filterValue());
        // the CSV export of what the page shows: every dimension's breakdown, plus the filtered one
        List<String> parameters = new ArrayList<>();
        if (selection.by() != null) {
            parameters.add("by=" + URLEncoder.encode(selection.by().id(), StandardCharsets.UTF_8));
        }
        if (selection.filter() != null) {
            parameters.add("filter=" + URLEncoder.encode(chosenFilter, StandardCharsets.UTF_8));
        }
        String query = parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
        PageModel page = new PageModel(id, selection.by() == null ? "" : selection.by().id(),
                breakdownWave == null ? "" : breakdownWave.id(), dimensions, view.waves(), charts,
                Charts.changes(view.survey(), proportions, wording.text()),
                Charts.changes(view.survey(), means, wording.text()), textQuestions,
                chosenFilter, filters, query);
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
