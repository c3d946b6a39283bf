package org.beacon.testing;

import static com.tngtech.archunit.library.freeze.FreezingArchRule.freeze;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The shared architecture rules (ServiceArchitecture) run against one service: each service's
 * {@code ArchitectureTests} extends this with its root package. Violations older than the rules are frozen in the
 * module's src/test/archunit-store (see its archunit.properties) and leave the store as they are fixed; nothing new
 * may join them.
 */
public abstract class ServiceArchitectureTests {

    private final String root;
    private final JavaClasses classes;

    protected ServiceArchitectureTests(String rootPackage) {
        this.root = rootPackage;
        this.classes = ServiceArchitecture.productionClasses(rootPackage);
    }

    @Test
    void packagesHaveNoCycles() {
        freeze(ServiceArchitecture.noPackageCycles(root)).check(classes);
    }

    @Test
    void usesNoOtherService() {
        ServiceArchitecture.usesNoOtherService(root).check(classes);
    }

    @Test
    void nativeSqlOnlyInQueriesAndStores() {
        freeze(ServiceArchitecture.nativeSqlOnlyInQueryClasses(root)).check(classes);
    }
}
