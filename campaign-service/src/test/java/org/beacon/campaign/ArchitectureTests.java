package org.beacon.campaign;

import org.beacon.testing.ServiceArchitectureTests;

/** This service keeps the architecture rules every Beacon service keeps (ServiceArchitecture), with nothing frozen. */
class ArchitectureTests extends ServiceArchitectureTests {

    ArchitectureTests() {
        super("org.beacon.campaign");
    }
}
