package org.beacon.testing;

import static com.tngtech.archunit.library.freeze.FreezingArchRule.freeze;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The shared architecture rules (ServiceArchitecture) run against one service: each service's
 * {@code ArchitectureTests} extends this with its root package. A rule is strict: any violation fails the build. A
 * service whose code still breaks a rule in places older than the rule names that rule as {@link Frozen}: its old
 * violations are then kept in the module's src/test/archunit-store (see its archunit.properties) and leave the store
 * as they are fixed, and nothing new may join them. Once the store of a rule is empty, the service stops naming it.
 */
public abstract class ServiceArchitectureTests {

    /** The rules a service may still hold old violations of. */
    public enum Frozen {
        PACKAGE_CYCLES, NATIVE_SQL
    }

    private final String root;
    private final JavaClasses classes;
    private final Set<Frozen> frozen;

    /** Every rule strict. */
    protected ServiceArchitectureTests(String rootPackage) {
        this(rootPackage, new Frozen[0]);
    }

    protected ServiceArchitectureTests(String rootPackage, Frozen... stillFrozen) {
        this.root = rootPackage;
        this.classes = ServiceArchitecture.productionClasses(rootPackage);
        this.frozen = stillFrozen.length == 0 ? EnumSet.noneOf(Frozen.class) : EnumSet.copyOf(List.of(stillFrozen));
    }

    @Test
    void packagesHaveNoCycles() {
        check(ServiceArchitecture.noPackageCycles(root), Frozen.PACKAGE_CYCLES);
    }

    @Test
    void usesNoOtherService() {
        ServiceArchitecture.usesNoOtherService(root).check(classes);
    }

    @Test
    void nativeSqlOnlyInQueriesAndStores() {
        check(ServiceArchitecture.nativeSqlOnlyInQueryClasses(root), Frozen.NATIVE_SQL);
    }

    @Test
    void refusalsCarryAReason() {
        ServiceArchitecture.refusalsCarryAReason(root, refusalsWrittenElsewhere()).check(classes);
    }

    /** Every refusal key has its text in en, fr, es, pt and ar, with the same placeholders (RefusalTexts). */
    @Test
    void refusalTextsInEveryLanguage() {
        List<String> problems = RefusalTexts.problems(Path.of(""));
        if (!problems.isEmpty()) {
            throw new AssertionError("Refusal texts incomplete:\n" + String.join("\n", problems));
        }
    }

    /** Classes (simple names) whose refusals are written otherwise than as a Reason, with the service saying why. */
    protected Set<String> refusalsWrittenElsewhere() {
        return Set.of();
    }

    private void check(ArchRule rule, Frozen which) {
        (frozen.contains(which) ? freeze(rule) : rule).check(classes);
    }
}
