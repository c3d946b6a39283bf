package org.beacon.campaign.survey;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits submissions per survey with a token bucket per survey and instance. Keyed by survey, never by sender:
 * telling senders apart would mean keeping their addresses, which respondents are promised we never do.
 */
@ApplicationScoped
public class SubmissionRate {

    /** One allowance: refills at a steady rate up to its capacity; also limits collection links (collect). */
    public static final class Bucket {
        private double tokens;
        private long refilledAt;

        public Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        /** Takes one submission if the allowance has one at {@code now} (System.nanoTime). */
        public synchronized boolean take(double perSecond, double capacity, long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perSecond / 1_000_000_000.0);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }

    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    @ConfigProperty(name = "beacon.surveys.rate-limit.per-second", defaultValue = "200")
    double perSecond;

    @ConfigProperty(name = "beacon.surveys.rate-limit.burst", defaultValue = "1000")
    double burst;

    /** Takes one submission from the survey's allowance; false when the allowance is spent for now. */
    public boolean allow(long surveyId) {
        long now = System.nanoTime();
        return buckets.computeIfAbsent(surveyId, id -> new Bucket(burst, now)).take(perSecond, burst, now);
    }

    /** Seconds until a refused sender may try again. */
    public int retryAfterSeconds() {
        return (int) Math.max(1, Math.ceil(1 / perSecond));
    }
}
