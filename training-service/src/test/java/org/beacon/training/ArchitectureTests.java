package org.beacon.training;

import static com.tngtech.archunit.library.freeze.FreezingArchRule.freeze;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.beacon.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The service keeps the shared architecture rules (ServiceArchitecture); a new cycle or stray query fails here.
 * Violations older than the rules are frozen in src/test/archunit-store (listed in the README) and leave the store as
 * they are fixed; nothing new may join them.
 */
class ArchitectureTests {

    private static final String ROOT = "org.beacon.training";
    private static final JavaClasses CLASSES = ServiceArchitecture.productionClasses(ROOT);

    @Test
    void packagesHaveNoCycles() {
        freeze(ServiceArchitecture.noPackageCycles(ROOT)).check(CLASSES);
    }

    @Test
    void usesNoOtherService() {
        ServiceArchitecture.usesNoOtherService(ROOT).check(CLASSES);
    }

    @Test
    void nativeSqlOnlyInQueriesAndStores() {
        freeze(ServiceArchitecture.nativeSqlOnlyInQueryClasses(ROOT)).check(CLASSES);
    }
}
