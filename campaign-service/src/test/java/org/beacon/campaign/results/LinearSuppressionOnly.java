package org.beacon.campaign.results;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with the interval rule off (width 0), for tests whose subject is the arithmetic or the structure of
 * results on surveys of a few dozen people (exact counts, means, intervals, credit, filters) and whose expected
 * figures were worked out with the linear steps alone. At k = 10 the rule hides most of a 60-person survey's
 * breakdowns, which would leave those tests nothing to check. The rule is tested where it is the subject:
 * {@code DisclosureTests}, {@code IntervalAttackTests}, {@code PairAttackTests}, {@code ShippedSurveyResultsTests}
 * and {@code DisclosureLossTests} (the shipped surveys through the API, the rule on by default).
 */
public class LinearSuppressionOnly implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("beacon.results.interval-width", "0");
    }
}
