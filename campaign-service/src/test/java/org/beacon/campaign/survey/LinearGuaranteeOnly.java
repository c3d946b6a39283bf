package org.beacon.campaign.survey;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Results without the interval rule (width 0): hidden counts are still never computable from the shown ones, but
 * their ranges are not widened. For tests of how answers are counted on surveys of a few dozen people, where the
 * rule at its default width (k) hides most counts, the total of respondents included; the rule itself is tested on
 * its own (IntervalAttackTests, SuppressionAttackTests, PairAttackTests, DisclosureLossTests).
 */
public class LinearGuaranteeOnly implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("beacon.results.interval-width", "0");
    }
}
