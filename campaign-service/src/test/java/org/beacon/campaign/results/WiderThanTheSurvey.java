package org.beacon.campaign.results;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with an interval width of 200 (k is 10): wider than any range a survey of 60 and 80 people can give a
 * hidden count, so the results list ranges left narrow ({@link NarrowRangesNoteTests}).
 */
public class WiderThanTheSurvey implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("beacon.results.interval-width", "200");
    }
}
