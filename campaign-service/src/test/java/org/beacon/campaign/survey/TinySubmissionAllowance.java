package org.beacon.campaign.survey;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Two submissions per survey, then one every 1000 seconds: the third submission in a test is over the limit. */
public class TinySubmissionAllowance implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("beacon.surveys.rate-limit.burst", "2", "beacon.surveys.rate-limit.per-second", "0.001");
    }
}
