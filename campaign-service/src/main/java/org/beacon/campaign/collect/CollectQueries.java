package org.beacon.campaign.collect;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The native SQL of collecting: what it reads of tables that other packages write. */
@ApplicationScoped
class CollectQueries {

    @Inject
    EntityManager entityManager;

    /** Whether a response with this idempotency key is stored for the survey (by any source). */
    boolean isStored(long surveyId, UUID key) {
        return entityManager.createNativeQuery(
                        "select exists (select 1 from survey_response where survey_id = ?1 and idempotency_key = ?2)")
                .setParameter(1, surveyId)
                .setParameter(2, key)
                .getSingleResult() == Boolean.TRUE;
    }

    /** How many responses each link of a survey brought in, by link id. */
    java.util.Map<Long, Long> responsesByLink(long surveyId) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = entityManager.createNativeQuery("""
                select l.id, (select count(*) from survey_response r where r.collector = l.id)
                from collection_link l where l.survey_id = ?1""")
                .setParameter(1, surveyId)
                .getResultList();
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        for (Object[] row : rows) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
