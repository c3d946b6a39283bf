package org.beacon.commons;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * commons is the library every service shares: plumbing only. A domain entity here would put one service's table
 * in every service's persistence unit; a dependency on a service would make the library depend on its users.
 * (The services' own rules live in test-support's ServiceArchitecture, which commons cannot depend on.)
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.beacon.commons");

    @Test
    void holdsNoEntity() {
        // MediaRecord is a @MappedSuperclass: the shared column shape of each service's own media table, no table.
        noClasses().should().beAnnotatedWith("jakarta.persistence.Entity")
                .orShould().beAnnotatedWith("jakarta.persistence.Embeddable")
                .orShould().beAnnotatedWith("jakarta.persistence.Table")
                .because("each service owns its tables; commons holds no domain entity")
                .check(CLASSES);
    }

    @Test
    void dependsOnNoService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.beacon.campaign..", "org.beacon.training..", "org.beacon.gateway..", "org.beacon.testing..")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        // text is the bottom (no Beacon import), web answers requests and outages, storage uses web's refusals and
        // outage bookkeeping; web learns of a storage outage through DependencyFailure, never by naming storage.
        slices().matching("org.beacon.commons.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
