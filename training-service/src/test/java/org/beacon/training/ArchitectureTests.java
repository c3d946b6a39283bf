package org.beacon.training;

import java.util.Set;

import org.beacon.testing.ServiceArchitectureTests;

/** This service keeps the architecture rules every Beacon service keeps (ServiceArchitecture). */
class ArchitectureTests extends ServiceArchitectureTests {

    ArchitectureTests() {
        super("org.beacon.training");
    }

    /** GIFT import refusals list each problem by its line in the file (Gift, its GiftException). */
    @Override
    protected Set<String> refusalsWrittenElsewhere() {
        return Set.of("Gift");
    }
}
