package org.beacon.campaign.survey;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
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
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.text.UntrustedText;
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
    private static final Set<String> NUMBER_TYPES = Set.of("int", "integer", "decimal");

    public record Option(String id, String value, String label, boolean checked) {
    }

    /**
     * A question on the page. input is note, radio, dropdown, checkbox, acknowledge, number, decimal, date or text;
     * problem is an {@link AnswerSheet.Issue} code, message the form's own text for it (else the page's standard one).
     */
    public record Field(String name, String id, String input, String label, String hint, boolean required,
            String problem, String message, String value, List<Option> options, String min, String max, String step,
            boolean inline) {
    }

    public record Hidden(String name, String value) {
    }

    public record LanguageLink(String code, String name) {
    }

    public record FormPage(String survey, String wave, String lang, String dir, String title, String consent,
            String key, int page, int rank, int count, boolean countMayChange, boolean last, boolean hasPrevious,
            List<Field> fields, List<Hidden> hidden, String shown, int problems, boolean busy,
            List<LanguageLink> languages, boolean languageLinks, int maxText) {
    }

    public record MessagePage(String lang, String dir, String title, String campaignHref) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FormPage page);

        static native TemplateInstance thanks(MessagePage page);

        static native TemplateInstance closed(MessagePage page, boolean wasOpen);
    }

    @Inject
    SurveyForms forms;

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
            return html(200, Templates.form(page(form, round, language, key, progress, progress.next(0), Map.of(),
                    false)), language);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @ChecksOwnFormText
    public Response submit(@RestPath String survey, @RestPath String wave, String body) {
        Map<String, List<String>> fields = fields(body);
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
            return html(200, Templates.form(page(form, round, language, key, progress, shownOrNext(progress, page),
                    Map.of(), false)), language);
        }
        if ("back".equals(first(fields, GO))) {
            int previous = progress.previous(page);
            return html(200, Templates.form(page(form, round, language, key, progress,
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
            return html(400, Templates.form(page(form, round, language, key, progress, first, problems, false)),
                    language);
        }
        if (grew) {
            return html(200, Templates.form(page(form, round, language, key, progress, page, Map.of(), false)),
                    language);
        }
        int next = progress.next(page);
        if (next != 0) {
            return html(200, Templates.form(page(form, round, language, key, progress, next, Map.of(), false)),
                    language);
        }
        if (!outcome.isValid()) {
            // the engine and the answer sheet agree on the pages; this is what the sheet alone refuses (a tampered
            // value for a question no page shows)
            throw ProblemException.badRequest(Reason.of("answer.not-storable", outcome.problems().keySet()));
        }
        if (!rate.allow(form.id())) {
            FormPage busy = page(form, round, language, key, progress, page, Map.of(), true);
            return Response.fromResponse(html(429, Templates.form(busy), language))
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

    @GET
    @Path("thanks")
    @Produces(MediaType.TEXT_HTML)
    public Response thanks(@RestPath String survey, @RestPath String wave, @RestQuery String lang) {
        SurveyForm form = forms.locate(survey, Wave.parse(wave)).form();
        String language = form.language(lang);
        return html(200, Templates.thanks(message(form, language)), language);
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
                || !NUMBER_TYPES.contains(question.type())) {
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

    /**
     * The fields of the form as sent. Decoded here rather than by JAX-RS, because one NUL in an answer (which
     * PostgreSQL cannot store) must not turn the whole answer into an error page: such a value comes back as null,
     * and the question it answers is marked on the form, in the respondent's language, with the other answers kept.
     * A body that is not percent-encoded correctly never gets here: the form reader refuses it first, with a 400
     * page in the reader's language (MalformedInput).
     */
    static Map<String, List<String>> fields(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name == null || name.isEmpty() || UntrustedText.containsNul(name)) {
                continue;
            }
            String value = decode(equals < 0 ? "" : pair.substring(equals + 1));
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(UntrustedText.containsNul(value) ? null : value);
        }
        return fields;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
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

    private FormPage page(SurveyForm form, Wave wave, String language, UUID key, FormProgress progress, int page,
            Map<String, AnswerSheet.Issue> problems, boolean busy) {
        String fallback = form.defaultLanguage();
        String consent = SurveyForm.text(form.consent(), language, fallback);
        int shownPage = page == 0 ? 1 : page;
        int rank = Math.max(1, progress.rank(shownPage));
        List<Field> fields = new ArrayList<>();
        Set<String> visible = new HashSet<>();
        if (page != 0) {
            for (FormPlan.Question question : progress.asked(page)) {
                if (question.display() && question.field().equals("consent") && !consent.isEmpty()) {
                    continue; // shown as the consent text at the top of the first page
                }
                fields.add(field(progress, question, language, problems.get(question.field())));
                visible.add(question.field());
            }
        }
        // every other answer given so far travels on, unseen, to be sent with this page
        List<Hidden> hidden = new ArrayList<>();
        progress.given().forEach((field, values) -> {
            if (!visible.contains(field)) {
                values.stream().filter(v -> v != null && !v.isEmpty())
                        .forEach(v -> hidden.add(new Hidden(QUESTION + field, v)));
            }
        });
        List<LanguageLink> languages = form.languages().stream().filter(l -> !l.equals(language))
                .map(l -> new LanguageLink(l, Locale.forLanguageTag(l).getDisplayLanguage(Locale.forLanguageTag(l))))
                .toList();
        int count = Math.max(rank, progress.count());
        return new FormPage(form.slug(), wave.id(), language, Languages.direction(language), forms.title(form, language),
                rank == 1 ? consent : "", key.toString(), shownPage, rank, count,
                progress.countMayChange(shownPage), progress.next(shownPage) == 0, progress.previous(shownPage) != 0,
                fields, hidden, String.join(" ", visible), problems.size(), busy, languages,
                progress.given().isEmpty(), surveysConfig.maxTextLength());
    }

    private static Field field(FormProgress progress, FormPlan.Question question, String language,
            AnswerSheet.Issue issue) {
        List<String> given = progress.given().getOrDefault(question.field(), List.of());
        // an unreadable value (null) is shown as blank, for the respondent to write again
        List<String> chosen = given.stream().map(v -> v == null ? "" : v).toList();
        if (!question.isSelect() && question.range() == null && NUMBER_TYPES.contains(question.type())) {
            Locale reader = Locale.forLanguageTag(SurveyForm.interfaceLanguage(language));
            chosen = chosen.stream().map(v -> inReadersNotation(v, reader)).toList();
        }
        String id = question.field().replaceAll("[^A-Za-z0-9_.-]", "-");
        List<Option> options = new ArrayList<>();
        String input = inputOf(question);
        String min = "";
        String max = "";
        String step = "";
        if (question.isSelect()) {
            List<String> offered = progress.choices(question);
            for (int index = 0; index < offered.size(); index++) {
                String name = offered.get(index);
                options.add(new Option(id + "-" + (index + 1), name, progress.choiceLabel(question, name, language),
                        chosen.contains(name)));
            }
        } else if (question.range() != null) {
            double[] range = question.range();
            double steps = (range[1] - range[0]) / range[2];
            if (steps <= 10) {
                input = "radio";
                int index = 0;
                for (double value = range[0]; value <= range[1] + 1e-9; value += range[2]) {
                    String text = number(value);
                    options.add(new Option(id + "-" + (++index), text, text, chosen.contains(text)));
                }
            } else {
                min = number(range[0]);
                max = number(range[1]);
                step = number(range[2]);
            }
        }
        String appearance = " " + question.appearance() + " ";
        boolean inline = appearance.contains(" likert ") || appearance.contains(" horizontal ")
                || appearance.contains(" horizontal-compact ") || question.range() != null;
        return new Field(question.field(), id, input, progress.label(question, language),
                progress.hint(question, language), question.required(), issue == null ? null : issue.code(),
                issue == null ? null : issue.message(), chosen.isEmpty() ? "" : chosen.get(0), options, min, max,
                step, inline);
    }

    private static String inputOf(FormPlan.Question question) {
        if (question.display()) {
            return "note";
        }
        return switch (question.control()) {
            case "select" -> "checkbox";
            case "select1" -> (" " + question.appearance() + " ").contains(" minimal ") ? "dropdown" : "radio";
            case "trigger" -> "acknowledge";
            default -> switch (question.type()) {
                case "int", "integer" -> "number";
                case "decimal" -> "decimal";
                case "date" -> "date";
                default -> "text";
            };
        };
    }

    /** A number the engine holds ("12.5"), as the reader writes it ("12,5"); other text as it is. */
    private static String inReadersNotation(String value, Locale reader) {
        BigDecimal number = ReaderFormats.parseDecimal(value, Locale.ROOT);
        if (number == null) {
            return value;
        }
        NumberFormat format = NumberFormat.getNumberInstance(reader);
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(Math.max(0, number.scale()));
        return format.format(number);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
