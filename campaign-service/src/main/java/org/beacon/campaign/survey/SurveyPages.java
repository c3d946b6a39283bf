package org.beacon.campaign.survey;

import java.net.URI;
import java.util.List;
import java.util.Map;

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
import org.beacon.campaign.campaign.Campaign;
import org.beacon.campaign.campaign.CampaignTranslation;
import org.beacon.campaign.survey.SurveyResource.WaveView;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.security.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.beacon.commons.web.Reason;

/**
 * Survey pages for campaign managers (import, waves, paper answers) and evaluators (the way to results). Forms post
 * and redirect; a rejected upload comes back as the page with every problem listed and status 400.
 */
@Path("/campaigns/surveys")
@Produces(MediaType.TEXT_HTML)
public class SurveyPages {

    public record SurveyRow(long id, String title, String slug, String campaign) {
    }

    public record CampaignOption(long id, String title) {
    }

    /** @param field the question's name, or group/name inside a group */
    public record QuestionRow(String field, String kind, String role, boolean required, boolean conditional,
            String label) {
    }

    /** @param notices what the import left out or filled in */
    public record Detail(long id, String title, String slug, String campaign, List<String> languages,
            List<QuestionRow> questions, List<WaveView> waves, boolean mayManage, boolean mayReadResults,
            List<String> notices, boolean unmarked) {
    }

    /** The outcome of a paper-answers upload shown on the survey page. */
    public record UploadResult(boolean rejected, int stored, int duplicates, int badRows, List<String> problems) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<SurveyRow> surveys, List<CampaignOption> campaigns,
                boolean mayImport, List<String> problems);

        static native TemplateInstance survey(Detail survey, UploadResult upload);

        static native TemplateInstance xlsform();
    }

    @Inject
    SurveyService surveys;

    @Inject
    SurveyForms forms;

    @Inject
    AnswerUpload uploads;

    @Inject
    CurrentUser user;

    @Inject
    RequestLanguage language;

    @Inject
    FormUploads files;

    @GET
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN })
    public TemplateInstance list() {
        return listPage(List.of());
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response importForm(@RestForm String campaign, @RestForm String slug, @RestForm("file") FileUpload file) {
        try {
            SurveyService.ImportOutcome outcome = surveys.importSheets(campaign, slug,
                    files.sheets(file, null, null, null));
            return Response.seeOther(URI.create("/campaigns/surveys/" + outcome.survey().id)).build();
        } catch (FormRejected rejected) {
            return Response.status(400).entity(listPage(readerTexts(rejected.problems()))).build();
        }
    }

    /** What XLSForm features an imported form may use, and how each one Beacon cannot honour is reported. */
    @GET
    @Path("xlsform")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN })
    public TemplateInstance xlsformSupport() {
        return Templates.xlsform().setLocale(language.locale());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN })
    public TemplateInstance survey(@RestPath long id) {
        return detailPage(id, null);
    }

    @POST
    @Path("{id}/waves/{wave}/open")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response open(@RestPath long id, @RestPath String wave) {
        surveys.openWave(id, Wave.parse(wave));
        return Response.seeOther(URI.create("/campaigns/surveys/" + id)).build();
    }

    @POST
    @Path("{id}/waves/{wave}/close")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response close(@RestPath long id, @RestPath String wave) {
        surveys.closeWave(id, Wave.parse(wave));
        return Response.seeOther(URI.create("/campaigns/surveys/" + id)).build();
    }

    @POST
    @Path("{id}/answers")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response upload(@RestPath long id, @RestForm String wave, @RestForm("file") FileUpload file,
            @RestForm boolean onlyGoodRows) {
        try {
            AnswerUpload.Report report = uploads.upload(id, Wave.parse(wave),
                    files.answers(file), onlyGoodRows);
            List<String> problems = readerTexts(report.problems());
            int badRows = (int) report.problems().stream().mapToInt(FormError::row).distinct().count();
            return Response.ok(detailPage(id, new UploadResult(false, report.stored(), report.duplicates(), badRows,
                    problems))).build();
        } catch (FormRejected rejected) {
            int badRows = (int) rejected.problems().stream().mapToInt(FormError::row).distinct().count();
            return Response.status(400)
                    .entity(detailPage(id, new UploadResult(true, 0, 0, badRows, readerTexts(rejected.problems()))))
                    .build();
        }
    }

    /** Each problem of a file by sheet, row and column, in the reader's language. */
    private List<String> readerTexts(List<FormError> problems) {
        return problems.stream().map(problem -> problem.text(language.code())).toList();
    }

    private TemplateInstance listPage(List<String> problems) {
        List<Campaign> campaigns = user.isAdmin() ? Campaign.all()
                : Campaign.ofOrganization(user.requireOrganization());
        // Campaigns are named in the reader's language where their newest version has it (a form's own
        // form_title has one language only and is shown as imported).
        Map<Long, String> titles = CampaignTranslation.newestTitlesIn(language.code());
        List<SurveyRow> rows = surveys.visibleSurveys().stream()
                .map(s -> new SurveyRow(s.id, s.title, s.slug, campaigns.stream().filter(c -> c.id.equals(s.campaignId))
                        .map(c -> titles.getOrDefault(c.id, c.title)).findFirst().orElse("")))
                .toList();
        boolean mayImport = user.isAdmin() || user.hasRole(Roles.CAMPAIGN_MANAGER);
        return Templates.list(rows, campaigns.stream()
                .map(c -> new CampaignOption(c.id, titles.getOrDefault(c.id, c.title))).toList(), mayImport,
                problems).setLocale(language.locale());
    }

    private TemplateInstance detailPage(long id, UploadResult upload) {
        Survey survey = surveys.find(id);
        SurveyForm form = forms.of(survey);
        String lang = form.language(language.code());
        List<QuestionRow> questions = form.questions().stream().map(q -> new QuestionRow(q.field(), q.kind(), q.role(),
                q.required(), q.conditional(), q.label(lang, form.defaultLanguage()))).toList();
        Campaign campaign = Campaign.findById(survey.campaignId);
        String campaignTitle = CampaignTranslation.newestTitlesIn(language.code()).getOrDefault(campaign.id,
                campaign.title);
        Detail detail = new Detail(id, form.title(), form.slug(), campaignTitle, form.languages(), questions,
                WaveView.of(id, form.slug()), user.isAdmin() || user.hasRole(Roles.CAMPAIGN_MANAGER),
                user.isAdmin() || user.hasRole(Roles.EVALUATOR),
                survey.notices == null ? List.of() : survey.notices.stream().map(Reason::readerText).toList(),
                QuestionSettings.unmarked(form));
        return Templates.survey(detail, upload).setLocale(language.locale());
    }
}
