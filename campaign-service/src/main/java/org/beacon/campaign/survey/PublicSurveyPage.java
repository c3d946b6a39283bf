package org.beacon.campaign.survey;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.web.ChecksOwnFormText;
import org.beacon.commons.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The anonymous survey form of one wave, for community members: no login, no cookie, no JavaScript, small enough for
 * a cheap phone on a slow connection. The request's address, browser and any session never reach storage or logs:
 * nothing here reads them, and access logging excludes these paths (application.properties).
 */
@Path("/campaigns/public/surveys/{survey}/{wave}")
public class PublicSurveyPage {

    /** Form field of the idempotency key; question fields are "q." + the question's name so they never clash. */
    static final String KEY = "_key";
    static final String LANGUAGE = "_lang";
    static final String QUESTION = "q.";

    public record Option(String id, String value, String label, boolean checked) {
    }

    public record Field(String name, String input, String label, String hint, boolean required, String problem,
            String value, List<Option> options) {
    }

    public record LanguageLink(String code, String name) {
    }

    public record FormPage(String survey, String wave, String lang, String dir, String title, String consent,
            String key, List<Field> fields, int problems, boolean busy, List<LanguageLink> languages, int maxText) {
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
    ResponseStore responses;

    @Inject
    SubmissionRate rate;

    @Inject
    RequestLanguage requestLanguage;

    @ConfigProperty(name = "beacon.surveys.max-text-length", defaultValue = "2000")
    int maxText;

    @ConfigProperty(name = "beacon.surveys.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form(@RestPath String survey, @RestPath String wave, @RestQuery String lang) {
        Wave round = Wave.parse(wave);
        SurveyForms.Located located = forms.locate(survey, round);
        String language = located.form().language(lang != null ? lang : requestLanguage.code());
        if (!located.isOpen()) {
            return closed(located, language);
        }
        FormPage page = page(located.form(), round, language, UUID.randomUUID().toString(), name -> List.of(),
                Map.of(), false);
        return html(200, Templates.form(page), language);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @ChecksOwnFormText
    public Response submit(@RestPath String survey, @RestPath String wave, String body) {
        Map<String, List<String>> fields = fields(body);
        Wave round = Wave.parse(wave);
        SurveyForms.Located located = forms.locate(survey, round);
        SurveyForm form = located.form();
        String language = form.language(first(fields, LANGUAGE));
        if (!located.isOpen()) {
            return closed(located, language);
        }
        UUID key = idempotencyKey(first(fields, KEY));
        Function<String, List<String>> values = name -> fields.get(QUESTION + name);
        if (!rate.allow(form.id())) {
            FormPage page = page(form, round, language, key.toString(), values, Map.of(), true);
            return Response.fromResponse(html(429, Templates.form(page), language))
                    .header("Retry-After", rate.retryAfterSeconds()).build();
        }
        AnswerSheet.Outcome outcome = AnswerSheet.read(form, values, language, maxText);
        if (!outcome.isValid()) {
            FormPage page = page(form, round, language, key.toString(), values, outcome.problems(), false);
            return html(400, Templates.form(page), language);
        }
        // A resubmission (double click, retry after a timeout) is stored once and thanked like the first.
        responses.store(form, round, language, ResponseStore.WEB, null, key, outcome.answers());
        return Response.seeOther(URI.create("/campaigns/public/surveys/" + form.slug() + "/" + round.id()
                + "/thanks?lang=" + URLEncoder.encode(language, StandardCharsets.UTF_8))).build();
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
        String address = publicUrl.replaceAll("/+$", "") + "/campaigns/public/surveys/" + form.slug() + "/"
                + round.id() + (lang == null || lang.isBlank() ? "" : "?lang=" + form.language(lang));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86400);
        return Response.ok(QrCode.svg(address), "image/svg+xml").cacheControl(cache).build();
    }

    private Response closed(SurveyForms.Located located, String language) {
        boolean wasOpen = located.waveStatus() != null;
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

    private static UUID idempotencyKey(String value) {
        try {
            return UUID.fromString(value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("This form is incomplete: open the survey link again and resend.");
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

    private FormPage page(SurveyForm form, Wave wave, String language, String key,
            Function<String, List<String>> values, Map<String, AnswerSheet.Issue> problems, boolean busy) {
        String fallback = form.defaultLanguage();
        List<Field> fields = new ArrayList<>();
        for (SurveyForm.Question question : form.questions()) {
            if (question.name().equals("consent") && question.kind().equals(SurveyQuestion.NOTE)) {
                continue;
            }
            List<String> given = values.apply(question.name());
            // An unreadable value (null) is shown as blank, for the respondent to write again.
            List<String> chosen = given == null ? List.of()
                    : given.stream().map(v -> v == null ? "" : v).toList();
            List<Option> options = new ArrayList<>();
            for (SurveyForm.Choice choice : question.choices()) {
                options.add(new Option(question.name() + "-" + choice.position(), choice.name(),
                        choice.label(language, fallback), chosen.contains(choice.name())));
            }
            AnswerSheet.Issue problem = problems.get(question.name());
            fields.add(new Field(question.name(), inputOf(question), question.label(language, fallback),
                    SurveyForm.text(question.hint(), language, fallback), question.required(),
                    problem == null ? null : problem.code(), chosen.isEmpty() ? "" : chosen.get(0), options));
        }
        List<LanguageLink> languages = form.languages().stream().filter(l -> !l.equals(language))
                .map(l -> new LanguageLink(l, Locale.forLanguageTag(l).getDisplayLanguage(Locale.forLanguageTag(l))))
                .toList();
        return new FormPage(form.slug(), wave.id(), language, Languages.direction(language), forms.title(form, language),
                SurveyForm.text(form.consent(), language, fallback), key, fields, problems.size(), busy, languages,
                maxText);
    }

    private static String inputOf(SurveyForm.Question question) {
        return switch (question.kind()) {
            case SurveyQuestion.MULTIPLE -> "checkbox";
            case SurveyQuestion.INTEGER -> "number";
            case SurveyQuestion.TEXT -> "text";
            case SurveyQuestion.NOTE -> "note";
            default -> "radio";
        };
    }
}
