package org.beacon.campaign.survey;

import static org.beacon.campaign.survey.PostedFields.first;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.campaign.campaign.Campaign;
import org.beacon.commons.i18n.Languages;
import org.beacon.campaign.publicpage.PublicCampaignView.PlaceHelp;
import org.beacon.campaign.publicpage.PublicCampaigns;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.web.ChecksOwnFormText;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.ReaderFormats;
import org.beacon.commons.web.Reason;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The anonymous survey form of one wave, for community members: no login, no cookie, no JavaScript, small enough for
 * a cheap phone on a slow connection. The request's address, browser and any session never reach storage or logs:
 * nothing here reads them, and access logging excludes these paths (application.properties).
 *
 * <p>The form's logic (relevance, constraints, choice filters, label references, calculations) is evaluated here by
 * ODK's engine, page by page: the {@link FormPlan} cuts the form so that nothing on a page depends on an answer of
 * the same page, and each page is computed from the answers sent so far. Those answers travel in the page as hidden
 * fields, and the idempotency key in the address and the page, so neither the phone nor the servers keep anything
 * between pages, and browser Back or a replayed post can never store a second response.
 */
@Path("/campaigns/public/surveys/{survey}/{wave}")
public class PublicSurveyPage {

    /** Form field of the idempotency key; question fields are "q." + the question's field so they never clash. */
    static final String KEY = "_key";
    static final String LANGUAGE = "_lang";
    /** The page of the plan that was shown; absent when a whole answer sheet is posted at once. */
    static final String PAGE = "_page";
    /** The fields shown on that page, to tell which questions of a field-list group became relevant after it. */
    static final String SHOWN = "_shown";
    /** The button pressed: next (or send) and back; or a language to show the page in. */
    static final String GO = "_go";
    static final String SWITCH = "_switch";
    static final String QUESTION = "q.";
    public record MessagePage(String lang, String dir, String title, String campaignHref) {
    }

    @CheckedTemplate
    static class Templates {
        /** @param help the campaign's help for the survey's place and language (PRODUCT.md: every public page) */
        static native TemplateInstance form(SurveyFormView.FormPage page, PlaceHelp help);

        static native TemplateInstance thanks(MessagePage page, PlaceHelp help);

        static native TemplateInstance closed(MessagePage page, boolean wasOpen);
    }

    @Inject
    SurveyForms forms;

    @Inject
    PublicCampaigns publicCampaigns;

    @Inject
    SurveyFormView view;

    @Inject
    FormPlans plans;

    @Inject
    GroupCommit responses;

    @Inject
    SubmissionRate rate;

    @Inject
    RequestLanguage requestLanguage;

    @Inject
    SurveysConfig surveysConfig;

    /**
     * The first page. The idempotency key is fixed here, once: the first view without one is redirected to the same
     * address with a new key, so that reloading the form or coming Back to its first page keeps the key.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form(@RestPath String survey, @RestPath String wave, @RestQuery String lang,
            @RestQuery("k") String k) {
        Wave round = Wave.parse(wave);
        SurveyForms.Located located = forms.locate(survey, round);
        SurveyForm form = located.form();
        String language = form.language(lang != null ? lang : requestLanguage.code());
        if (!located.isOpen()) {
            return closed(located, language);
        }
        UUID key = parseKey(k);
        if (key == null) {
            return Response.seeOther(URI.create(address(form, round) + "?k=" + UUID.randomUUID() + "&lang="
                    + URLEncoder.encode(language, StandardCharsets.UTF_8))).build();
        }
        try (FormProgress progress = progress(form, Map.of(), language)) {
            return html(200, formPage(form, language,
                    view.page(form, round, language, key, progress, progress.next(0), Map.of(),
                    false)), language);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @ChecksOwnFormText
    public Response submit(@RestPath String survey, @RestPath String wave, String body) {
        Map<String, List<String>> fields = PostedFields.read(body);
        Wave round = Wave.parse(wave);
        Response answered = submit(fields, round, forms.locate(survey, round));
        for (int again = 0; answered == null; again++) {
            if (again == 2) {
                // changed on every try: the survey is being changed right now
                throw ProblemException.conflict(Reason.of("answer.survey-changed"));
            }
            // the survey has another version or settings, or its wave closed, since this instance looked: the answers
            // are judged again on what is stored now
            answered = submit(fields, round, forms.locateAgain(survey, round));
        }
        return answered;
    }

    /** The answer to a post, or null when the answers were judged on a version or wave state no longer stored. */
    private Response submit(Map<String, List<String>> fields, Wave round, SurveyForms.Located located) {
        SurveyForm form = located.form();
        String switchTo = first(fields, SWITCH);
        String language = form.language(switchTo != null ? switchTo : first(fields, LANGUAGE));
        if (!located.isOpen()) {
            return closed(located, language);
        }
        UUID key = parseKey(first(fields, KEY));
        if (key == null) {
            throw ProblemException.badRequest(Reason.of("answer.form-incomplete"));
        }
        try (FormProgress progress = progress(form, fields, language)) {
            if (!completes(form, fields, switchTo, progress)) {
                return answer(located, round, language, key, fields, switchTo, progress);
            }
            // The post that completes the form is judged on the session that computed its pages, so that the form's
            // logic runs once per submission rather than once for the pages and once more for the answer sheet.
            AnswerSheet.Outcome outcome = AnswerSheet.read(form, progress.session(), askedAnswers(form, progress),
                    language, surveysConfig.maxTextLength());
            if (outcome.isValid() && rate.allow(form.id())) {
                return store(located, round, language, key, progress, outcome);
            }
        }
        // refused answers or too many at once: the page that says so is computed as always, on a fresh session
        try (FormProgress progress = progress(form, fields, language)) {
            return answer(located, round, language, key, fields, switchTo, progress);
        }
    }

    /**
     * Whether this post completes the form and its answers can be judged on the session that computed its pages:
     * set again on that session, they leave it as a fresh session would be, where
     * {@link AnswerSheet#answersCanBeJudgedAgain} holds and every answer the pages set is one the sheet sets again.
     * A page of questions that depend on one another may grow instead of completing: {@link #answer} decides that.
     */
    private static boolean completes(SurveyForm form, Map<String, List<String>> fields, String switchTo,
            FormProgress progress) {
        if (switchTo != null || "back".equals(first(fields, GO)) || !AnswerSheet.answersCanBeJudgedAgain(form)) {
            return false;
        }
        int pages = progress.plan().pages().size();
        String sentPage = first(fields, PAGE);
        int page = sentPage == null ? pages : Math.max(1, Math.min(pages, parsePage(sentPage)));
        if (progress.next(page) != 0
                || sentPage != null && page <= pages && progress.plan().page(page).selfDependent()) {
            return false;
        }
        Set<String> onSheet = new HashSet<>();
        form.answerable().forEach(question -> onSheet.add(question.field()));
        return progress.given().keySet().stream().allMatch(onSheet::contains);
    }

    /**
     * The answers of the questions asked, by field, read before the sheet sets them again: what is asked then
     * follows from the sheet's own answers, not from the pages'.
     */
    private static Function<String, List<String>> askedAnswers(SurveyForm form, FormProgress progress) {
        Map<String, List<String>> asked = new HashMap<>();
        for (SurveyForm.Question question : form.answerable()) {
            asked.put(question.field(), progress.answer(question.field()));
        }
        return asked::get;
    }

    /**
     * What the posted page leads to: the same page with its problems, another page, or the answers stored (null when
     * the version or wave state they were judged on is no longer the stored one).
     */
    private Response answer(SurveyForms.Located located, Wave round, String language, UUID key,
            Map<String, List<String>> fields, String switchTo, FormProgress progress) {
        SurveyForm form = located.form();
        int pages = progress.plan().pages().size();
        String sentPage = first(fields, PAGE);
        // a whole answer sheet posted at once (no page named) is judged and stored as a whole
        int page = sentPage == null ? pages : Math.max(1, Math.min(pages, parsePage(sentPage)));
        if (switchTo != null) {
            return html(200, formPage(form, language,
                    view.page(form, round, language, key, progress, shownOrNext(progress, page),
                    Map.of(), false)), language);
        }
        if ("back".equals(first(fields, GO))) {
            int previous = progress.previous(page);
            return html(200, formPage(form, language, view.page(form, round, language, key, progress,
                    previous == 0 ? shownOrNext(progress, page) : previous, Map.of(), false)), language);
        }
        Set<String> shown = new HashSet<>(Arrays.asList(first(fields, SHOWN) == null ? new String[0]
                : first(fields, SHOWN).trim().split("\\s+")));
        // a field-list group whose questions depend on one another comes back with those that became relevant
        boolean grew = sentPage != null && page <= pages && progress.plan().page(page).selfDependent()
                && progress.asked(page).stream().anyMatch(q -> !q.display() && !shown.contains(q.field()));
        AnswerSheet.Outcome outcome = AnswerSheet.read(form, progress::answer, language, surveysConfig.maxTextLength());
        Map<String, AnswerSheet.Issue> problems = problems(progress, outcome, page);
        if (grew) {
            problems.keySet().removeIf(field -> progress.plan().pageOf(progress.plan().byField(field).path()) == page
                    && !shown.contains(field));
        }
        if (!problems.isEmpty()) {
            int first = progress.plan().pageOf(progress.plan().byField(problems.keySet().iterator().next()).path());
            return html(400, formPage(form, language,
                    view.page(form, round, language, key, progress, first, problems, false)),
                    language);
        }
        if (grew) {
            return html(200, formPage(form, language,
                    view.page(form, round, language, key, progress, page, Map.of(), false)),
                    language);
        }
        int next = progress.next(page);
        if (next != 0) {
            return html(200, formPage(form, language,
                    view.page(form, round, language, key, progress, next, Map.of(), false)),
                    language);
        }
        if (!outcome.isValid()) {
            // the engine and the answer sheet agree on the pages; this is what the sheet alone refuses (a tampered
            // value for a question no page shows)
            throw ProblemException.badRequest(Reason.of("answer.not-storable", outcome.problems().keySet()));
        }
        if (!rate.allow(form.id())) {
            SurveyFormView.FormPage busy = view.page(form, round, language, key, progress, page, Map.of(), true);
            return Response.fromResponse(html(429, formPage(form, language, busy), language))
                    .header("Retry-After", rate.retryAfterSeconds()).build();
        }
        return store(located, round, language, key, progress, outcome);
    }

    /** The thank-you redirect once the answers are durable; null when they were judged on what is no longer stored. */
    private Response store(SurveyForms.Located located, Wave round, String language, UUID key,
            FormProgress progress, AnswerSheet.Outcome outcome) {
        SurveyForm form = located.form();
        // the form's copy goes to the next respondent now rather than wait for this commit to reach the disk
        progress.close();
        // A resubmission (double click, Back then send, a replayed post) is stored once and thanked like the first.
        if (responses.store(located, round, language, key, outcome.answers())
                == ResponseStore.Stored.NOT_CURRENT) {
            return null;
        }
        return Response.seeOther(URI.create(address(form, round) + "/thanks?lang="
                + URLEncoder.encode(language, StandardCharsets.UTF_8))).build();
    }

    /** A page of the form, with the help block every public page shows. */
    private TemplateInstance formPage(SurveyForm form, String language, SurveyFormView.FormPage page) {
        return Templates.form(page, publicCampaigns.surveyHelp(form.campaignId(), language));
    }

    @GET
    @Path("thanks")
    @Produces(MediaType.TEXT_HTML)
    public Response thanks(@RestPath String survey, @RestPath String wave, @RestQuery String lang) {
        SurveyForm form = forms.locate(survey, Wave.parse(wave)).form();
        String language = form.language(lang);
        return html(200, Templates.thanks(message(form, language),
                publicCampaigns.surveyHelp(form.campaignId(), language)), language);
    }

    /** The form's address as a QR code, for posters and leaflets. */
    @GET
    @Path("qr.svg")
    @Produces("image/svg+xml")
    public Response qr(@RestPath String survey, @RestPath String wave, @RestQuery String lang) {
        Wave round = Wave.parse(wave);
        SurveyForm form = forms.locate(survey, round).form();
        String address = surveysConfig.publicUrl().replaceAll("/+$", "") + address(form, round)
                + (lang == null || lang.isBlank() ? "" : "?lang=" + form.language(lang));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86400);
        return Response.ok(QrCode.svg(address), "image/svg+xml").cacheControl(cache).build();
    }

    private static String address(SurveyForm form, Wave wave) {
        return "/campaigns/public/surveys/" + form.slug() + "/" + wave.id();
    }

    private FormProgress progress(SurveyForm form, Map<String, List<String>> fields, String language) {
        FormPlan plan = plans.of(form);
        Locale reader = Locale.forLanguageTag(SurveyForm.interfaceLanguage(language));
        return new FormProgress(plan, form.engine().start(),
                field -> asNumbers(plan.byField(field), fields.get(QUESTION + field), reader));
    }

    /**
     * A number typed as the page's reader writes it ("12,5" in French, Arabic-Indic digits in Arabic) or with a dot,
     * handed to the form engine in its own notation; anything else is left as typed for the engine to refuse.
     */
    private static List<String> asNumbers(FormPlan.Question question, List<String> typed, Locale reader) {
        if (typed == null || question == null || question.isSelect()
                || !SurveyFormView.NUMBER_TYPES.contains(question.type())) {
            return typed;
        }
        return typed.stream().map(value -> {
            BigDecimal number = ReaderFormats.parseDecimal(value, reader);
            return number == null ? value : number.toPlainString();
        }).toList();
    }

    /** The page itself when it still has something to ask, else the next one that has. */
    private static int shownOrNext(FormProgress progress, int page) {
        if (!progress.asked(page).isEmpty()) {
            return page;
        }
        int next = progress.next(page);
        return next != 0 ? next : Math.max(1, progress.previous(page));
    }

    /**
     * What the answer sheet finds wrong on the pages up to the given one, by field, in form order. Later pages are
     * not judged yet: their questions have not been shown (a required question there is not "missing" yet).
     */
    private static Map<String, AnswerSheet.Issue> problems(FormProgress progress, AnswerSheet.Outcome outcome,
            int upTo) {
        Map<String, AnswerSheet.Issue> problems = new LinkedHashMap<>();
        for (int number = 1; number <= upTo; number++) {
            for (FormPlan.Question question : progress.asked(number)) {
                AnswerSheet.Issue issue = question.display() ? null : outcome.problems().get(question.field());
                if (issue != null) {
                    problems.put(question.field(), issue);
                }
            }
        }
        return problems;
    }

    private Response closed(SurveyForms.Located located, String language) {
        boolean wasOpen = located.waveStatus() != WaveStatus.not_opened;
        return html(wasOpen ? 410 : 404, Templates.closed(message(located.form(), language), wasOpen), language);
    }

    private MessagePage message(SurveyForm form, String language) {
        Campaign campaign = Campaign.findById(form.campaignId());
        String href = campaign != null && campaign.isPublished()
                ? "/campaigns/public/" + campaign.slug + "/" + language
                : null;
        return new MessagePage(language, Languages.direction(language), forms.title(form, language), href);
    }

    private static UUID parseKey(String value) {
        try {
            return value == null ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int parsePage(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Pages are per respondent: never cached on the way, and never setting a cookie. */
    private static Response html(int status, TemplateInstance page, String language) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.setLocale(Locale.forLanguageTag(SurveyForm.interfaceLanguage(language))).render())
                .cacheControl(noStore).build();
    }


}
