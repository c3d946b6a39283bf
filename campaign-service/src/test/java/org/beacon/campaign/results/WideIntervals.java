package org.beacon.campaign.results;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with an interval width of 25 (k is 10): wider than a survey of a few dozen people can give every
 * hidden count without hiding its respondents, so the results list ranges left narrow. At the default width (k) the
 * rule now widens every range of those surveys by hiding other figures.
 */
public class WideIntervals implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("beacon.results.interval-width", "25");
    }
}
