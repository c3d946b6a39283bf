package org.beacon.campaign;

import org.beacon.testing.ServiceArchitectureTests;

/**
 * This service keeps the architecture rules every Beacon service keeps (ServiceArchitecture). Native SQL outside a
 * …Queries/…Store class is still frozen: the results package's (ResultsQuery, TallyFold, Rollup, FreeText), listed in
 * src/test/archunit-store; its package cycles are gone and that rule is strict.
 */
class ArchitectureTests extends ServiceArchitectureTests {

    ArchitectureTests() {
        super("org.beacon.campaign", Frozen.NATIVE_SQL);
    }
}
