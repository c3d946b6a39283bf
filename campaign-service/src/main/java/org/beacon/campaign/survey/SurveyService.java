package org.beacon.campaign.survey;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.campaign.publicpage.event.PublicContentChanged;
import org.beacon.campaign.audit.AuditLog;
import org.beacon.campaign.campaign.Campaign;
import org.beacon.campaign.input.InputLimits;
import org.beacon.campaign.survey.SurveyDraft.ChoiceDraft;
import org.beacon.campaign.survey.SurveyDraft.QuestionDraft;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/** Survey rules: a survey belongs to a campaign and is seen and changed only by the campaign's organization. */
@ApplicationScoped
public class SurveyService {

    public static final String AUDIT_SUBJECT = "survey";

    /** What an import did: created a survey, replaced its definition, or found it unchanged. */
    public record ImportOutcome(Survey survey, boolean created, boolean changed) {
    }

    /** Tells the public page to drop its cached views once the change is committed. */
    @Inject
    Event<PublicContentChanged> publicContent;

    @Inject
    Event<SurveyChanged> surveyChanged;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    SurveyForms forms;

    @Inject
    InputLimits limits;

    /** The campaign a survey is imported into, by number or address, if the user may act for it. */
    public Campaign campaign(String reference) {
        if (reference == null || reference.isBlank()) {
            throw ProblemException.badRequest(Reason.of("survey.choose-campaign"));
        }
        String ref = reference.trim();
        Campaign campaign = ref.matches("\\d{1,18}") ? Campaign.findById(Long.parseLong(ref))
                : Campaign.bySlug(ref).orElse(null);
        if (campaign == null) {
            throw ProblemException.notFound(Reason.of("survey.no-such-campaign", ref));
        }
        user.requireMayActFor(campaign.organization);
        return campaign;
    }

    /** A survey the user's organization may see; 404 or 403 otherwise. */
    public Survey find(long id) {
        Survey survey = Survey.findById(id);
        if (survey == null) {
            throw ProblemException.notFound(Reason.of("survey.not-found", String.valueOf(id)));
        }
        Campaign campaign = Campaign.findById(survey.campaignId);
        user.requireMayActFor(campaign.organization);
        return survey;
    }

    public SurveyForm form(long id) {
        return forms.of(find(id));
    }

    public List<Survey> visibleSurveys() {
        List<Campaign> campaigns = user.isAdmin() ? Campaign.all() : Campaign.ofOrganization(user.requireOrganization());
        return Survey.ofCampaigns(campaigns.stream().map(c -> c.id).toList());
    }

    /** Reads a form's sheets and imports it into a campaign; nothing is stored if any row has a problem. */
    @Transactional
    public ImportOutcome importSheets(String campaignReference, String requestedSlug, Map<String, FormSheet> sheets) {
        Campaign campaign = campaign(campaignReference);
        return store(campaign, requestedSlug, XlsForm.read(sheets, campaign.defaultLanguage, limits.form()));
    }

    /** What importing a form would do (created, changed, the survey's address, the import's notices). */
    public record DryRun(boolean created, boolean changed, String slug, List<String> notices) {
    }

    /**
     * The import of {@link #importSheets} in a transaction that is always rolled back: the same refusals (400, 404,
     * 409 for a survey with answers), what it would do, and nothing kept.
     */
    @Transactional
    public DryRun dryRun(String campaignReference, String requestedSlug, Map<String, FormSheet> sheets) {
        ImportOutcome outcome = importSheets(campaignReference, requestedSlug, sheets);
        DryRun result = new DryRun(outcome.created(), outcome.changed(), outcome.survey().slug,
                outcome.survey().englishNotices());
        // Written to the database first, so that what only the database checks is answered too.
        Survey.flush();
        QuarkusTransaction.setRollbackOnly();
        return result;
    }

    @Transactional
    public ImportOutcome importForm(Campaign campaign, String requestedSlug, SurveyDraft draft) {
        return store(campaign, requestedSlug, draft);
    }

    private ImportOutcome store(Campaign campaign, String requestedSlug, SurveyDraft draft) {
        user.requireMayActFor(campaign.organization);
        String slug = requestedSlug == null || requestedSlug.isBlank() ? Survey.ofForm(campaign.id, draft.formId())
                .map(earlier -> earlier.slug).orElseGet(() -> slugFor(campaign, null, draft))
                : slugFor(campaign, requestedSlug, draft);
        String fingerprint = draft.fingerprint();
        Survey survey = Survey.bySlug(slug).orElse(null);
        boolean created = survey == null;
        if (survey == null && Survey.inAnotherCampaignsAddresses(campaign, slug)) {
            throw ProblemException.conflict(Reason.of("survey.address-of-another-campaign", slug, campaign.slug));
        }
        if (survey != null) {
            if (!survey.campaignId.equals(campaign.id)) {
                throw ProblemException.conflict(Reason.of("survey.address-used", slug));
            }
            if (survey.fingerprint.equals(fingerprint)) {
                return new ImportOutcome(survey, false, false);
            }
            if (Survey.hasResponses(survey.id)) {
                throw ProblemException.conflict(Reason.of("survey.has-answers", slug));
            }
            survey.questions.clear();
            // Old questions must be gone before new ones take their names and slots.
            Survey.flush();
            survey.revision++;
        } else {
            survey = new Survey();
            survey.campaignId = campaign.id;
            survey.slug = slug;
            survey.createdBy = user.subject();
            survey.revision = 1;
        }
        survey.title = draft.title().length() > 300 ? draft.title().substring(0, 300) : draft.title();
        survey.formId = draft.formId();
        survey.formVersion = draft.version();
        survey.defaultLanguage = draft.defaultLanguage();
        survey.languages = String.join(",", draft.languages());
        survey.consent = draft.consent();
        survey.xform = draft.xform();
        survey.notices = new ArrayList<>(draft.notices());
        survey.fingerprint = fingerprint;
        addQuestions(survey, draft.questions());
        survey.persist();
        surveyChanged.fire(new SurveyChanged(survey.id));
        audit.record("survey-import", AUDIT_SUBJECT, survey.id, campaign.organization,
                AuditSummary.of(created ? "survey.imported" : "survey.questions-replaced", slug, campaign.slug,
                        draft.questions().size()));
        return new ImportOutcome(survey, created, true);
    }

    private static void addQuestions(Survey survey, List<QuestionDraft> drafts) {
        int position = 0;
        int slot = 0;
        for (QuestionDraft draft : drafts) {
            SurveyQuestion question = new SurveyQuestion();
            question.survey = survey;
            question.position = ++position;
            question.slot = draft.stored() ? ++slot : null;
            question.name = draft.name();
            question.path = draft.path();
            question.conditional = draft.conditional();
            question.kind = draft.kind();
            question.role = draft.role();
            question.required = draft.required();
            question.label = draft.label();
            question.hint = draft.hint();
            question.choiceCount = draft.choices().size();
            question.reversed = draft.reversed();
            int choicePosition = 0;
            for (ChoiceDraft choiceDraft : draft.choices()) {
                SurveyChoice choice = new SurveyChoice();
                choice.question = question;
                choice.position = ++choicePosition;
                choice.name = choiceDraft.name();
                choice.label = choiceDraft.label();
                choice.credit = draft.credits().get(choiceDraft.name());
                question.choices.add(choice);
                if (choiceDraft.name().equals(draft.answerKey())) {
                    question.answerKey = choicePosition;
                }
            }
            survey.questions.add(question);
        }
    }

    /**
     * The survey's public address. Public forms are found by address alone, so addresses are unique across
     * organizations; to keep any organization from taking a generic one ("survey", "evaluation") from the others,
     * every address lies in its campaign's own: the campaign's address, or it followed by a dash and more. A form
     * without a requested address gets the campaign's address and its form_id (or, without one, its form_title).
     * It is never all digits: the public form is found by address or by number, and an address such as "2024"
     * would be some other survey's number.
     */
    static String slugFor(Campaign campaign, String requested, SurveyDraft draft) {
        String own = campaign.slug;
        if (requested != null && !requested.isBlank()) {
            String slug = requested.trim();
            if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 120) {
                throw ProblemException.badRequest(Reason.of("survey.address-characters"));
            }
            if (allDigits(slug)) {
                throw ProblemException.invalid(Reason.of("survey.address-digits"),
                        List.of("slug: '" + slug + "' is only digits; add a letter, e.g. 'survey-" + slug + "'"));
            }
            if (!slug.equals(own) && !slug.startsWith(own + "-")) {
                throw ProblemException.invalid(Reason.of("survey.address-prefix"),
                        List.of("slug: '" + slug + "' does not begin with '" + own + "'; write '" + own + "' or '"
                                + own + "-" + slug + "'"));
            }
            return slug;
        }
        String source = draft.formId() != null ? draft.formId() : draft.title();
        String part = source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (part.isEmpty()) {
            part = "survey";
        }
        String slug = part.equals(own) || part.startsWith(own + "-") ? part : own + "-" + part;
        if (allDigits(slug)) {
            String field = draft.formId() != null ? "form_id" : "form_title";
            throw new FormRejected(Reason.of("xlsform.address-digits", field),
                    List.of(new FormError(XlsForm.SETTINGS, 2, field, Reason.of("xlsform.address-only-digits", source,
                            slug))));
        }
        return slug.length() > 120 ? slug.substring(0, 120).replaceAll("-+$", "") : slug;
    }

    private static boolean allDigits(String slug) {
        return slug.matches("[0-9]+");
    }

    /** Opens a wave for answers, or reopens it. */
    @Transactional
    public SurveyWave openWave(long surveyId, Wave wave) {
        publicContent.fire(new PublicContentChanged("survey wave opened"));
        return changeWave(surveyId, wave, true);
    }

    /** Closes a wave: from now on its form refuses answers. */
    @Transactional
    public SurveyWave closeWave(long surveyId, Wave wave) {
        publicContent.fire(new PublicContentChanged("survey wave closed"));
        return changeWave(surveyId, wave, false);
    }

    private SurveyWave changeWave(long surveyId, Wave wave, boolean open) {
        Survey survey = find(surveyId);
        SurveyWave state = SurveyWave.of(surveyId, wave).orElse(null);
        if (state == null) {
            if (!open) {
                throw ProblemException.conflict(Reason.of("survey.wave-never-opened", wave.id()));
            }
            state = new SurveyWave();
            state.surveyId = surveyId;
            state.wave = wave.id();
        }
        state.status = open ? WaveStatus.open : WaveStatus.closed;
        if (open) {
            state.openedAt = OffsetDateTime.now();
            state.closedAt = null;
        } else {
            state.closedAt = OffsetDateTime.now();
        }
        state.persist();
        surveyChanged.fire(new SurveyChanged(surveyId));
        audit.record(open ? "survey-wave-open" : "survey-wave-close", AUDIT_SUBJECT, surveyId,
                Campaign.<Campaign>findById(survey.campaignId).organization,
                AuditSummary.of(open ? "survey.wave-opened" : "survey.wave-closed", survey.slug,
                        AuditSummary.word("wave." + wave.id())));
        return state;
    }
}
