package org.beacon.campaign.collect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.campaign.survey.SubmissionRate;

/**
 * Limits OpenRosa submissions per collection link, with the same token bucket as the public form's per-survey limit.
 * A link is one team's phones, so a link that sends far more than a team can interview is a leaked or misused
 * token: its flood stops at the link, other teams of the survey keep sending. Keyed by link, never by address.
 */
@ApplicationScoped
public class CollectionRate {

    private final Map<Long, SubmissionRate.Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    CollectSettings settings;

    /** Takes one submission from the link's allowance; false when it is spent for now. */
    public boolean allow(long linkId) {
        long now = System.nanoTime();
        double burst = settings.rateLimit().burst();
        return buckets.computeIfAbsent(linkId, id -> new SubmissionRate.Bucket(burst, now))
                .take(settings.rateLimit().perSecond(), burst, now);
    }

    /** Seconds until the link has one submission again. */
    public int retryAfterSeconds() {
        return (int) Math.max(1, Math.ceil(1 / settings.rateLimit().perSecond()));
    }
}
