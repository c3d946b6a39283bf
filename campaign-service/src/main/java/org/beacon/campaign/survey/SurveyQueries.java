package org.beacon.campaign.survey;

import java.util.List;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;

/**
 * The survey package's native SQL over its definitions (survey, survey_wave): the lookups answering runs on every
 * request and the lock that orders settings changes. Responses are ResponseStore's. Static, like the Panache entity
 * methods that call it.
 */
final class SurveyQueries {

    private SurveyQueries() {
    }

    /** Locks the survey's row to the end of the transaction, so that two changes of it run one after the other. */
    static void lock(long surveyId) {
        em().createNativeQuery("select id from survey where id = ?1 for update")
                .setParameter(1, surveyId).getResultList();
    }

    static boolean hasResponses(long surveyId) {
        return em()
                .createNativeQuery("select exists (select 1 from survey_response where survey_id = ?1)")
                .setParameter(1, surveyId)
                .getSingleResult() == Boolean.TRUE;
    }

    /**
     * (id, revision, wave status, settings revision) of the survey at {@code idOrSlug} (an address, or a number
     * when {@code number} is above 0), the address first; empty when there is none.
     */
    static List<?> located(String idOrSlug, long number, Wave wave) {
        return em().createNativeQuery("""
                select s.id, s.revision, w.status, s.settings_revision from survey s
                left join survey_wave w on w.survey_id = s.id and w.wave = ?1
                where s.slug = ?2 or (?3 > 0 and s.id = ?3)
                order by s.slug = ?2 desc limit 1""")
                .setParameter(1, wave.id())
                .setParameter(2, idOrSlug)
                .setParameter(3, number)
                .getResultList();
    }

    /** (slug, wave) of a campaign's open survey waves, in survey and wave order. */
    @SuppressWarnings("unchecked")
    static List<Object[]> openWaves(long campaignId) {
        // Indexed on survey.campaign_id and survey_wave (survey_id, wave): cheap enough for every page view.
        return em().createNativeQuery("""
                select s.slug, w.wave from survey s join survey_wave w on w.survey_id = s.id
                where s.campaign_id = ?1 and w.status = ?2 order by s.id, w.id""")
                .setParameter(1, campaignId)
                .setParameter(2, WaveStatus.open.name())
                .getResultList();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
