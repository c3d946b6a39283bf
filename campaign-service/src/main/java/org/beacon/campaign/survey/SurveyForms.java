package org.beacon.campaign.survey;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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
 * revision (question settings bump a settings revision); a snapshot is built once per revision and never changes.
 *
 * <p>A public address (a survey and a wave) is resolved to the version it serves and the wave's state by one
 * indexed query, then kept for {@code beacon.surveys.published.recheck} (a second), so that pages and submissions
 * cost no lookup: this instance's own changes ({@link SurveyChanged}) drop what is kept once they are committed,
 * and another instance's are seen within the recheck. Storing is exact whatever is kept: the insert checks that
 * the version is still the stored one and the wave still open ({@link ResponseStore#storeIfCurrent}), and a refused
 * insert drops the address and judges the answers again on what is stored.
 */
@ApplicationScoped
public class SurveyForms {

    private static final Logger LOG = Logger.getLogger(SurveyForms.class);

    /**
     * The survey behind a public address, with the state of the wave asked for.
     *
     * @param settingsRevision the question settings the snapshot was built with (its scores and background columns)
     */
    public record Located(SurveyForm form, WaveStatus waveStatus, int settingsRevision) {
        public boolean isOpen() {
            return waveStatus.isOpen();
        }
    }

    /** A snapshot with the settings revision it was built at (question settings change without a new revision). */
    private record Cached(int settingsRevision, SurveyForm form) {
    }

    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    /** A public address as asked for: the survey's address or number, and the wave. */
    private record Address(String idOrSlug, Wave wave) {
    }

    /** Addresses found, bounded and each kept for the recheck; an address with no survey is never kept. */
    private Cache<Address, Located> published;

    @Inject
    SurveysConfig surveysConfig;

    @PostConstruct
    void keepAddresses() {
        published = Caffeine.newBuilder().maximumSize(surveysConfig.published().addresses())
                .expireAfterWrite(surveysConfig.published().recheck()).build();
    }

    void keepFormCopies(@Observes StartupEvent start) {
        FormEngine.keep(surveysConfig.formCopies().forms(), surveysConfig.formCopies().perForm());
    }

    /**
     * After the commit only: a rolled-back change leaves nothing to drop, and a lookup made before the commit can't
     * keep the old state past it. Every address goes: there are a few, and a change is rare.
     */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SurveyChanged change) {
        published.invalidateAll();
    }

    /**
     * A survey by its address or its number, with the wave's state, as kept for a moment (see the class comment);
     * 404 when there is none.
     */
    public Located locate(String idOrSlug, Wave wave) {
        Address address = new Address(idOrSlug, wave);
        Located kept = published.getIfPresent(address);
        if (kept != null) {
            return kept;
        }
        Located found = locateStored(idOrSlug, wave);
        published.put(address, found);
        return found;
    }

    /**
     * {@link #locate} as stored now, for answers the insert refused because what was kept had changed; the address
     * is kept again as found.
     */
    public Located locateAgain(String idOrSlug, Wave wave) {
        Address address = new Address(idOrSlug, wave);
        published.invalidate(address);
        Located found = locateStored(idOrSlug, wave);
        published.put(address, found);
        return found;
    }

    /**
     * The address wins over the number: a survey stored with an all-digit address (refused since) keeps it even when
     * another survey has that number.
     */
    private Located locateStored(String idOrSlug, Wave wave) {
        List<?> rows = SurveyQueries.located(idOrSlug,
                idOrSlug.matches("\\d{1,18}") ? Long.parseLong(idOrSlug) : 0L, wave);
        if (rows.isEmpty()) {
            throw ProblemException.notFound(Reason.of("survey.no-survey-here"));
        }
        Object[] row = (Object[]) rows.get(0);
        long id = ((Number) row[0]).longValue();
        int revision = ((Number) row[1]).intValue();
        int settingsRevision = ((Number) row[3]).intValue();
        return new Located(snapshot(id, revision, settingsRevision), WaveStatus.stored((String) row[2]),
                settingsRevision);
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
