package org.beacon.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.beacon.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The service keeps the shared architecture rules (ServiceArchitecture); a new cycle or stray query fails here. */
class ArchitectureTests {

    private static final String ROOT = "org.beacon.gateway";
    private static final JavaClasses CLASSES = ServiceArchitecture.productionClasses(ROOT);

    @Test
    void packagesHaveNoCycles() {
        ServiceArchitecture.noPackageCycles(ROOT).check(CLASSES);
    }

    @Test
    void usesNoOtherService() {
        ServiceArchitecture.usesNoOtherService(ROOT).check(CLASSES);
    }

    @Test
    void nativeSqlOnlyInQueriesAndStores() {
        ServiceArchitecture.nativeSqlOnlyInQueryClasses(ROOT).check(CLASSES);
    }
}
