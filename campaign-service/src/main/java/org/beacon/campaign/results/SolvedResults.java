package org.beacon.campaign.results;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One survey's results as computed for one state of its figures: the suppressed figures ({@link SurveyResults},
 * whose disclosure problem is solved) for a number of responses, when they were read, and what the outputs derived
 * from them (views of a breakdown, charts). Everything here was disclosure-checked as one problem, so any part of
 * it may be shown while newer figures are being solved; it is never changed, only replaced by a newer state.
 */
final class SolvedResults {

    /** Views derived per state: a page's breakdown, wave and filter, a few kB to a few hundred kB each. */
    private static final int DERIVED = 24;

    private final SurveyResults results;
    private final long responses;
    private final Instant asOf;
    private final Map<Object, Object> derived = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > DERIVED;
        }
    };

    SolvedResults(SurveyResults results, long responses, Instant asOf) {
        this.results = results;
        this.responses = responses;
        this.asOf = asOf;
    }

    SurveyResults results() {
        return results;
    }

    /** How many responses the figures count. */
    long responses() {
        return responses;
    }

    /** When the figures were read from the database. */
    Instant asOf() {
        return asOf;
    }

    /**
     * Something computed from these figures alone (a view, a page's charts), computed once per key. Two requests
     * that miss together both compute it and get equal answers; computing happens outside the lock.
     */
    @SuppressWarnings("unchecked")
    <T> T derived(Object key, Supplier<T> compute) {
        synchronized (derived) {
            Object known = derived.get(key);
            if (known != null) {
                return (T) known;
            }
        }
        T value = compute.get();
        synchronized (derived) {
            derived.putIfAbsent(key, value);
        }
        return value;
    }
}
