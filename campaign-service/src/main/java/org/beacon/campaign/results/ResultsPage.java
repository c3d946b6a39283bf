package org.beacon.campaign.results;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /** A selection of the page within one solved state (whose language and wording it has). */
    private record Selected(String campaign, Dimension by, Wave wave, Dimension filter, int filterValue) {
    }

    /** A choice of the breakdown or filter menu: what the address carries and what the evaluator reads. */
    public record Option(String value, String label) {
    }

    @CheckedTemplate
    static class Templates {
        /** The page: the layout around the figures, with their time when newer answers are being added. */
        static native TemplateInstance results(String surveyTitle, String figures, OffsetDateTime asOf, long newer);

        static native TemplateInstance figures(ResultsView view, PageModel page);

        static native TemplateInstance texts(long surveyId, String surveyTitle, FreeText.TextPage texts, int minCellSize);
    }

    @Inject
    ResultsService results;

    @Inject
    FreeText freeText;

    @Inject
    RequestLanguage language;

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
        ResultsService.Asked asked = results.asked(id);
        SurveyForm form = asked.form();
        Breakdowns.Selection selection = Breakdowns.select(form, asked.survey().axes(), by, filter);
        ResultsService.Current current = results.forReader(asked, language.code(), selection);
        SurveyResults computed = current.results();
        List<Wave> waves = computed.waves();
        Wave breakdownWave = wave == null || wave.isBlank()
                ? (waves.isEmpty() ? null : waves.get(waves.size() - 1))
                : Wave.parse(wave);
        String campaign = asked.survey().campaignTitle();
        Selected selected = new Selected(campaign, selection.by() == null ? null : selection.by().dimension(),
                breakdownWave, selection.filter() == null ? null : selection.filter().dimension(),
                selection.filterValue());
        // The figures are rendered once per solved state, selection and language (the state is the reader's): every
        // other reader of the same figures gets the same HTML, inside their own page header.
        String figures = current.solved().derived(selected,
                () -> figures(form, computed, campaign, selection, breakdownWave));
        return Templates.results(form.title(), figures,
                current.newer() == 0 ? null : current.solved().asOf().atOffset(ZoneOffset.UTC), current.newer())
                .setLocale(language.locale());
    }

    /** The figures of a selection, their charts and the page's choices, as HTML. */
    private String figures(SurveyForm form, SurveyResults computed, String campaign,
            Breakdowns.Selection selection, Wave breakdownWave) {
        ResultsView view = Breakdowns.view(computed, campaign, selection, breakdownWave);
        FigureText text = ResultsWording.of(language.code()).text();
        Map<String, String> charts = new LinkedHashMap<>();
        for (QuestionResult question : view.questions()) {
            charts.put(question.name(), Charts.distribution(question.table(), text));
        }
        if (view.knowledgeScore() != null) {
            charts.put(view.knowledgeScore().name(), Charts.distribution(view.knowledgeScore().table(), text));
        }
        String surveyLanguage = form.language(language.code());
        BreakdownMessages words = messages();
        List<Option> dimensions = new ArrayList<>();
        List<Option> filters = new ArrayList<>();
        // the groups as the figures show them: a pooled group is offered as a filter, its members are not
        for (BreakdownAxis axis : computed.axes()) {
            String label = axis.isTeam() ? words.team() : axis.question().label(surveyLanguage, form.defaultLanguage());
            dimensions.add(new Option(axis.id(), label));
            for (int value : axis.values(false)) {
                if (value != 0 && computed.hasGroup(axis.dimension(), value)) {
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
        PageModel page = new PageModel(form.id(), selection.by() == null ? "" : selection.by().id(),
                breakdownWave == null ? "" : breakdownWave.id(), dimensions, view.waves(), charts,
                Charts.changes(view.survey(), proportions, text), Charts.changes(view.survey(), means, text),
                textQuestions, chosenFilter, filters, query);
        return Templates.figures(view, page).setLocale(language.locale()).render();
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
