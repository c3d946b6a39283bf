package org.beacon.campaign.survey;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.web.Reason;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Survey definitions, waves and paper answers as an API (used by the content import, and by field tools). */
@Path("/campaigns/api/surveys")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

    public record WaveView(String wave, WaveStatus status, String href, String qr) {

        /** Every wave of a survey, opened or not, with its public address. */
        public static List<WaveView> of(long surveyId, String slug) {
            List<SurveyWave> states = SurveyWave.ofSurvey(surveyId);
            List<WaveView> waves = new ArrayList<>();
            for (Wave wave : Wave.values()) {
                WaveStatus status = states.stream().filter(s -> s.wave.equals(wave.id())).map(s -> s.status)
                        .findFirst().orElse(WaveStatus.not_opened);
                String href = "/campaigns/public/surveys/" + slug + "/" + wave.id();
                waves.add(new WaveView(wave.id(), status, href, href + "/qr.svg"));
            }
            return waves;
        }
    }

    public record ChoiceView(String name, Map<String, String> label) {
    }

    /**
     * @param field the question's form field and answers-file column (its path below the form's root)
     * @param conditional whether a relevant rule may leave it not asked
     * @param stored whether responses keep its answer (notes and unstored calculations do not)
     */
    public record QuestionView(String name, String field, String kind, String role, boolean required,
            boolean conditional, boolean stored, Map<String, String> label, Map<String, String> hint, String answer,
            List<ChoiceView> choices) {
    }

    /** @param notices what the import left out or filled in (metadata not collected, settings ignored...) */
    public record SurveyView(long id, String slug, String title, long campaignId, String campaign, String formId,
            String formVersion, String defaultLanguage, List<String> languages, Map<String, String> consent,
            List<WaveView> waves, List<QuestionView> questions, List<String> notices) {

        static SurveyView of(SurveyForm form, Survey survey) {
            List<QuestionView> questions = form.questions().stream().map(q -> new QuestionView(q.name(), q.field(),
                    q.kind(), q.role(), q.required(), q.conditional(), q.collectsAnswer(), q.label(), q.hint(),
                    q.answerKey() == null ? null : q.choices().get(q.answerKey() - 1).name(),
                    q.choices().stream().map(c -> new ChoiceView(c.name(), c.label())).toList())).toList();
            List<String> notices = new ArrayList<>(survey.englishNotices());
            if (QuestionSettings.unmarked(form)) {
                notices.add(UNMARKED + " (/campaigns/surveys/" + form.id() + "/settings)");
            }
            return new SurveyView(form.id(), form.slug(), form.title(), form.campaignId(), form.campaignSlug(),
                    survey.formId, survey.formVersion, form.defaultLanguage(), form.languages(), form.consent(),
                    WaveView.of(form.id(), form.slug()), questions, List.copyOf(notices));
        }
    }

    /** The import report's word on a form without Beacon's columns (the page says it in the user's language). */
    static final String UNMARKED = "no question is marked as a knowledge item or a background question, so the "
            + "results have no knowledge score and no breakdown until they are marked in the question settings";

    /** The question settings of a survey, and a change of them (every question not named keeps its settings). */
    public record SettingsView(List<QuestionSettings.Setting> settings) {
    }

    public record SettingsOutcome(boolean changed, int rescored, List<QuestionSettings.Setting> settings) {
    }

    public record SurveySummary(long id, String slug, String title, long campaignId, List<WaveView> waves) {
    }

    public record ImportView(boolean created, boolean changed, SurveyView survey) {
    }

    /**
     * What an upload did; {@code problems} (the rows skipped with {@code onlyGoodRows}) in English as every API
     * says them, {@code problemsText} the same in the request's language ({@code Accept-Language}).
     */
    public record UploadView(int rows, int stored, int duplicates, List<String> problems, List<String> problemsText) {
    }

    @Inject
    SurveyService surveys;

    @Inject
    RequestLanguage language;

    @Inject
    SurveyForms forms;

    @Inject
    AnswerUpload uploads;

    @Inject
    QuestionSettings questionSettings;

    @Inject
    FormUploads files;

    @GET
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN })
    public List<SurveySummary> list() {
        return surveys.visibleSurveys().stream()
                .map(s -> new SurveySummary(s.id, s.slug, s.title, s.campaignId, WaveView.of(s.id, s.slug))).toList();
    }

    /**
     * Imports an XLSForm into a campaign: either {@code file} (.xlsx) or the sheets as CSV ({@code survey},
     * {@code choices}, {@code settings}). 201 when a survey is created, 200 when it existed (changed or not).
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response importForm(@RestForm String campaign, @RestForm String slug, @RestForm("file") FileUpload file,
            @RestForm("survey") FileUpload survey, @RestForm("choices") FileUpload choices,
            @RestForm("settings") FileUpload settings, @QueryParam("dryRun") boolean dryRun) {
        if (dryRun) {
            return Response.ok(surveys.dryRun(campaign, slug, files.sheets(file, survey, choices, settings))).build();
        }
        SurveyService.ImportOutcome outcome = surveys.importSheets(campaign, slug,
                files.sheets(file, survey, choices, settings));
        Survey imported = outcome.survey();
        ImportView view = new ImportView(outcome.created(), outcome.changed(),
                SurveyView.of(forms.of(imported), imported));
        return outcome.created()
                ? Response.created(URI.create("/campaigns/api/surveys/" + imported.id)).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN })
    public SurveyView get(@RestPath long id) {
        Survey survey = surveys.find(id);
        return SurveyView.of(forms.of(survey), survey);
    }

    @GET
    @Path("/{id}/settings")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public SettingsView settings(@RestPath long id) {
        return new SettingsView(currentSettings(id));
    }

    /**
     * Marks knowledge items (right answer, part credit), background questions, the channel question and
     * reverse-worded Likert items; with answers stored, their scores and the results are recomputed. 400 naming
     * each question whose setting is refused, nothing changed.
     */
    @PUT
    @Path("/{id}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public SettingsOutcome changeSettings(@RestPath long id, SettingsView change) {
        if (change == null || change.settings() == null) {
            throw ProblemException.badRequest(Reason.of("settings.shape"));
        }
        QuestionSettings.Outcome outcome = questionSettings.change(id, change.settings());
        return new SettingsOutcome(outcome.changed(), outcome.rescored(), currentSettings(id));
    }

    private List<QuestionSettings.Setting> currentSettings(long id) {
        return surveys.find(id).questions.stream().filter(QuestionSettings::hasSettings).map(QuestionSettings::of)
                .toList();
    }

    @POST
    @Path("/{id}/waves/{wave}/open")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public WaveView open(@RestPath long id, @RestPath String wave) {
        return waveView(surveys.openWave(id, Wave.parse(wave)), id);
    }

    @POST
    @Path("/{id}/waves/{wave}/close")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public WaveView close(@RestPath long id, @RestPath String wave) {
        return waveView(surveys.closeWave(id, Wave.parse(wave)), id);
    }

    /**
     * Answers collected on paper, as CSV. With problems and without {@code onlyGoodRows=true} nothing is stored and
     * the answer is 400 with each problem by row and column.
     */
    @POST
    @Path("/{id}/waves/{wave}/answers")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public UploadView upload(@RestPath long id, @RestPath String wave, @RestForm("file") FileUpload file,
            @RestForm boolean onlyGoodRows) {
        AnswerUpload.Report report = uploads.upload(id, Wave.parse(wave), files.answers(file),
                onlyGoodRows);
        return new UploadView(report.rows(), report.stored(), report.duplicates(),
                report.problems().stream().map(FormError::toString).toList(),
                report.problems().stream().map(problem -> problem.text(language.code())).toList());
    }

    /**
     * A header line with the survey's answer columns (each question's field: its name, or group/name inside a
     * group): the layout paper answers are typed into.
     */
    @GET
    @Path("/{id}/answers-template.csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response template(@RestPath long id) {
        SurveyForm form = surveys.form(id);
        String header = String.join(",", form.answerable().stream()
                .filter(q -> !q.kind().equals(SurveyQuestion.CALCULATE)).map(SurveyForm.Question::field).toList()) + "\r\n";
        return Response.ok(header, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + form.slug() + "-answers.csv\"").build();
    }

    private static WaveView waveView(SurveyWave state, long surveyId) {
        Survey survey = Survey.findById(surveyId);
        return WaveView.of(surveyId, survey.slug).stream().filter(w -> w.wave().equals(state.wave)).findFirst()
                .orElseThrow();
    }
}
