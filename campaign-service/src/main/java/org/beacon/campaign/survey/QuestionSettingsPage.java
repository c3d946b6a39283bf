package org.beacon.campaign.survey;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.ReaderFormats;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The survey's "question settings" page, where its manager marks what each question stands for in the results
 * ({@link QuestionSettings}). One form for every question; a refused form comes back with each problem named by
 * question and status 400, nothing changed.
 */
@Path("/campaigns/surveys/{id}/settings")
@Produces(MediaType.TEXT_HTML)
public class QuestionSettingsPage {

    /** @param credit the option's part credit in percent, null for none */
    public record ChoiceOption(int position, String name, String label, boolean right, Integer credit) {
    }

    /**
     * @param uses what the question may be used as ({@link QuestionSettings#usesOf})
     * @param likert a Likert item now; one that may become one ({@link #mayBeLikert}) also offers "reverse-worded"
     */
    public record QuestionForm(long id, String field, String label, String kind, List<String> uses, String use,
            List<ChoiceOption> choices, boolean likert, boolean reversed) {

        /**
         * The field cut after each "_" and "/", where the legend may wrap ({@code <wbr>}): a long XLSForm name
         * ("how_did_you_hear_about_the_campaign") would otherwise widen its fieldset past a phone's 360 px.
         */
        public List<String> fieldParts() {
            return List.of(field.split("(?<=[_/])"));
        }

        /** Whether it is or may be marked a Likert item, and so may be marked reverse-worded. */
        public boolean mayBeLikert() {
            return likert || uses.contains(QuestionSettings.LIKERT);
        }

        /** Whether it may be a knowledge item, and so shows its right answer and part credits. */
        public boolean mayBeKnowledge() {
            return uses.contains(QuestionSettings.KNOWLEDGE);
        }
    }

    /** A part credit an option may earn: its value in percent and its words in the reader's format ("50 % de crédit"). */
    public record CreditOption(int percent, String label) {
    }

    public record SettingsForm(long id, String title, boolean answered, List<QuestionForm> questions,
            List<CreditOption> credits) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(SettingsForm survey, List<String> problems, String outcome);
    }

    static final String SAVED = "saved";
    static final String UNCHANGED = "unchanged";

    @Inject
    SurveyService surveys;

    @Inject
    QuestionSettings settings;

    @Inject
    RequestLanguage language;

    @GET
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public TemplateInstance page(@RestPath long id, @RestQuery String outcome) {
        return page(id, List.of(), SAVED.equals(outcome) || UNCHANGED.equals(outcome) ? outcome : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response save(@RestPath long id, MultivaluedMap<String, String> form) {
        Survey survey = surveys.find(id);
        List<QuestionSettings.Setting> wanted = new ArrayList<>();
        List<QuestionSettings.Problem> unreadable = new ArrayList<>();
        for (SurveyQuestion question : survey.questions) {
            if (!QuestionSettings.hasSettings(question)) {
                continue;
            }
            String field = QuestionSettings.field(question);
            String use = form.getFirst("use-" + question.id);
            Map<String, Integer> credits = new LinkedHashMap<>();
            for (SurveyChoice choice : question.choices) {
                String credit = form.getFirst("credit-" + question.id + "-" + choice.position);
                if (credit == null || credit.isBlank()) {
                    continue;
                }
                // The reader's notation ("50 %", Arabic-Indic digits) or a plain number.
                BigDecimal percent = ReaderFormats.parseDecimal(credit, language.locale());
                try {
                    credits.put(choice.name, percent == null ? null : percent.intValueExact());
                } catch (ArithmeticException e) {
                    percent = null;
                }
                if (percent == null) {
                    credits.remove(choice.name);
                    unreadable.add(new QuestionSettings.Problem(field, QuestionSettings.Problem.BAD_CREDIT, choice.name));
                }
            }
            String answer = form.getFirst("answer-" + question.id);
            wanted.add(new QuestionSettings.Setting(field, use == null ? QuestionSettings.PLAIN : use,
                    answer == null || answer.isBlank() ? null : answer, credits,
                    form.containsKey("reversed-" + question.id)));
        }
        try {
            if (!unreadable.isEmpty()) {
                throw new QuestionSettings.Refused(unreadable);
            }
            QuestionSettings.Outcome outcome = settings.change(id, wanted);
            return Response.seeOther(URI.create("/campaigns/surveys/" + id + "/settings?outcome="
                    + (outcome.changed() ? SAVED : UNCHANGED))).build();
        } catch (QuestionSettings.Refused refused) {
            SurveyMessages words = words();
            List<String> problems = refused.problems().stream()
                    .map(p -> describe(words, p, language.locale())).toList();
            return Response.status(400).entity(page(id, problems, null)).build();
        }
    }

    private TemplateInstance page(long id, List<String> problems, String outcome) {
        Survey survey = surveys.find(id);
        SurveyForm snapshot = surveys.form(id);
        String lang = snapshot.language(language.code());
        List<QuestionForm> questions = new ArrayList<>();
        for (SurveyQuestion question : survey.questions) {
            if (!QuestionSettings.hasSettings(question)) {
                continue;
            }
            QuestionSettings.Setting current = QuestionSettings.of(question);
            List<ChoiceOption> choices = question.choices.stream().map(c -> new ChoiceOption(c.position, c.name,
                    SurveyForm.aggregateText(c.label, lang, snapshot.defaultLanguage()), c.name.equals(current.answer()),
                    c.credit)).toList();
            questions.add(new QuestionForm(question.id, QuestionSettings.field(question),
                    SurveyForm.aggregateText(question.label, lang, snapshot.defaultLanguage()), question.kind,
                    QuestionSettings.usesOf(question), current.use(), choices,
                    question.kind.equals(SurveyQuestion.LIKERT), question.reversed));
        }
        SurveyMessages words = words();
        SettingsForm form = new SettingsForm(id, snapshot.title(), Survey.hasResponses(id), questions,
                QuestionSettings.CREDITS.stream().map(k -> new CreditOption(k,
                        words.credit(ReaderFormats.percent(k, 0, language.locale())))).toList());
        return Templates.settings(form, problems, outcome).setLocale(language.locale());
    }

    private SurveyMessages words() {
        String supported = Languages.supported(language.code());
        return supported == null || Languages.DEFAULT.equals(supported) ? MessageBundles.get(SurveyMessages.class)
                : MessageBundles.get(SurveyMessages.class, Localized.Literal.of(supported));
    }

    /** A refusal in the page's language, naming the question, its figures in the reader's format. */
    static String describe(SurveyMessages words, QuestionSettings.Problem problem, Locale reader) {
        String q = problem.question();
        return switch (problem.code()) {
            case QuestionSettings.Problem.UNKNOWN_QUESTION -> words.settings_problem_unknown_question(q);
            case QuestionSettings.Problem.KNOWLEDGE_NOT_SINGLE -> words.settings_problem_knowledge_not_single(q);
            case QuestionSettings.Problem.NO_RIGHT_ANSWER -> words.settings_problem_no_right_answer(q);
            case QuestionSettings.Problem.BAD_CREDIT -> words.settings_problem_bad_credit(q,
                    ReaderFormats.percent(QuestionSettings.CREDITS.get(0), 0, reader),
                    ReaderFormats.percent(QuestionSettings.CREDITS.get(1), 0, reader),
                    ReaderFormats.percent(QuestionSettings.CREDITS.get(2), 0, reader));
            case QuestionSettings.Problem.BACKGROUND_NOT_SINGLE -> words.settings_problem_background_not_single(q);
            case QuestionSettings.Problem.CHANNEL_NOT_CHOICE -> words.settings_problem_channel_not_choice(q);
            case QuestionSettings.Problem.ROLE_TWICE -> words.settings_problem_role_twice(q, problem.other());
            case QuestionSettings.Problem.GENDER_WITHOUT_PREFER_NOT -> words.settings_problem_gender_prefer_not(q);
            case QuestionSettings.Problem.REVERSED_NOT_LIKERT -> words.settings_problem_reversed_not_likert(q);
            default -> words.settings_problem_unknown_use(q);
        };
    }
}
