package org.beacon.campaign.survey;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.beacon.campaign.campaign.Campaign;
import org.beacon.campaign.campaign.CampaignTranslation;
import org.beacon.campaign.review.ReviewStatus;
import org.beacon.campaign.survey.odk.FormEngine;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * Survey definitions as answering and results use them. A definition only changes by re-import, which bumps its
 * revision; each lookup reads the revision (and the wave) in one indexed query and rebuilds the snapshot only when
 * it moved, so every instance of the service stays current without a shared cache.
 */
@ApplicationScoped
public class SurveyForms {

    private static final Logger LOG = Logger.getLogger(SurveyForms.class);

    /** The survey behind a public address, with the state of the wave asked for. */
    public record Located(SurveyForm form, WaveStatus waveStatus) {
        public boolean isOpen() {
            return waveStatus.isOpen();
        }
    }

    /** A snapshot with the settings revision it was built at (question settings change without a new revision). */
    private record Cached(int settingsRevision, SurveyForm form) {
    }

    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    SurveysConfig surveysConfig;

    void keepFormCopies(@Observes StartupEvent start) {
        FormEngine.keep(surveysConfig.formCopies().forms(), surveysConfig.formCopies().perForm());
    }

    /**
     * A survey by its address or its number, with the wave's state; 404 when there is none. The address wins: a
     * survey stored with an all-digit address (refused since) keeps it even when another survey has that number.
     */
    public Located locate(String idOrSlug, Wave wave) {
        List<?> rows = SurveyQueries.located(idOrSlug,
                idOrSlug.matches("\\d{1,18}") ? Long.parseLong(idOrSlug) : 0L, wave);
        if (rows.isEmpty()) {
            throw ProblemException.notFound(Reason.of("survey.no-survey-here"));
        }
        Object[] row = (Object[]) rows.get(0);
        long id = ((Number) row[0]).longValue();
        int revision = ((Number) row[1]).intValue();
        return new Located(snapshot(id, revision, ((Number) row[3]).intValue()), WaveStatus.stored((String) row[2]));
    }

    /**
     * What respondents see as the survey's title in a language: the campaign's published title in that language, so
     * that the form, its thank-you page and the campaign page's link name the campaign as its readers know it;
     * otherwise the title the form was imported with (an XLSForm's form_title has one language only).
     */
    public String title(SurveyForm form, String language) {
        return CampaignTranslation.<CampaignTranslation>find(
                        "version.campaign.id = ?1 and version.review.status = ?2 and language = ?3",
                        form.campaignId(), ReviewStatus.published, language)
                .firstResultOptional().map(t -> t.title).orElse(form.title());
    }

    public SurveyForm of(Survey survey) {
        return snapshot(survey.id, survey.revision, survey.settingsRevision);
    }

    public Optional<SurveyForm> byId(long id) {
        Survey survey = Survey.findById(id);
        return Optional.ofNullable(survey).map(this::of);
    }

    private SurveyForm snapshot(long id, int revision, int settingsRevision) {
        Cached cached = cache.get(id);
        if (cached != null && cached.form().revision() == revision && cached.settingsRevision() == settingsRevision) {
            return cached.form();
        }
        Survey survey = Survey.findById(id);
        SurveyForm fresh = build(survey);
        cache.put(id, new Cached(survey.settingsRevision, fresh));
        if (cached != null && !Objects.equals(cached.form().xform(), fresh.xform())) {
            cached.form().retireEngine();
        }
        return fresh;
    }

    /**
     * A survey stored before V32 has no XForm: one is converted from its stored questions. Should they not convert
     * (data no import would have let through), the survey still shows its definition and results; only answering
     * it fails, in {@link SurveyForm#engine()}.
     */
    private static String storedQuestionsXForm(Survey survey, List<SurveyForm.Question> questions) {
        try {
            return StoredQuestionsXForm.of(survey.slug, survey.title, survey.defaultLanguage, survey.languageList(),
                    questions);
        } catch (RuntimeException e) {
            LOG.errorf(e, "survey %d, stored before XForms were kept, does not convert to one", survey.id);
            return null;
        }
    }

    private static SurveyForm build(Survey survey) {
        Campaign campaign = Campaign.findById(survey.campaignId);
        List<SurveyForm.Question> questions = survey.questions.stream()
                .map(q -> new SurveyForm.Question(q.id, q.name, q.kind, q.role, q.required, q.slot, Map.copyOf(q.label),
                        Map.copyOf(q.hint), q.answerKey,
                        q.choices.stream().map(c -> new SurveyForm.Choice(c.position, c.name, Map.copyOf(c.label),
                                c.credit)).toList(), q.path, q.conditional, q.reversed))
                .toList();
        // a survey stored before V32 has no XForm: one is converted from its stored questions (StoredQuestionsXForm)
        String xform = survey.xform != null ? survey.xform : storedQuestionsXForm(survey, questions);
        return new SurveyForm(survey.id, survey.revision, survey.slug, survey.campaignId, campaign.slug,
                campaign.organization, survey.title, survey.defaultLanguage, survey.languageList(),
                Map.copyOf(survey.consent), questions, xform);
    }
}
