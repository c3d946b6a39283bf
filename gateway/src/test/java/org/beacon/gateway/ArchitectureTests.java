package org.beacon.gateway;

import org.beacon.testing.ServiceArchitectureTests;

/** This service keeps the architecture rules every Beacon service keeps (ServiceArchitecture). */
class ArchitectureTests extends ServiceArchitectureTests {

    ArchitectureTests() {
        super("org.beacon.gateway");
    }
}
