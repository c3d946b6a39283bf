package org.beacon.campaign.results;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with an interval width of 25 (k is 10): more than a survey of a few dozen people can give its hidden
 * counts by hiding other figures alone without hiding its respondents, so the rule rounds knowledge items' right
 * answers as its last resort ({@link WideIntervalsTests}).
 */
public class WideIntervals implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("beacon.results.interval-width", "25");
    }
}
