package org.beacon.campaign;

import org.beacon.testing.ServiceArchitectureTests;

/**
 * This service keeps the architecture rules every Beacon service keeps (ServiceArchitecture). Its package cycles and
 * its native SQL outside …Queries/…Store classes are still frozen in src/test/archunit-store.
 */
class ArchitectureTests extends ServiceArchitectureTests {

    ArchitectureTests() {
        super("org.beacon.campaign", Frozen.PACKAGE_CYCLES, Frozen.NATIVE_SQL);
    }
}
