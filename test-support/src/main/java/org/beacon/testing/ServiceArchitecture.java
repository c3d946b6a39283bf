package org.beacon.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules every Beacon service keeps (issue "Architecture", point 7), stated once and checked by each service's
 * {@code ArchitectureTests} against its own production classes: packages by feature without cycles, no service
 * reaching into another, and native SQL only where a reader looks for it (a {@code …Queries} or {@code …Store}
 * class of the package that owns the tables).
 */
public final class ServiceArchitecture {

    /** Packages every service may use besides its own: the shared library. */
    public static final String COMMONS = "org.beacon.commons..";

    private static final Set<String> NATIVE_QUERY_METHODS =
            Set.of("createNativeQuery", "createNativeMutationQuery", "createNativeSelectionQuery");
    private static final Set<String> JDBC_STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

    private ServiceArchitecture() {
    }

    /** The service's production classes (no tests, no libraries), e.g. {@code org.beacon.campaign}. */
    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** Every package of the service is its own slice: a cycle between any two of them fails the build. */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .because("a package by feature can be read, moved and tested without the others");
    }

    /** A service uses its own packages, commons and libraries, never another service's or the devstack's code. */
    public static ArchRule usesNoOtherService(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat(DescribedPredicate.describe("belong to another Beacon module",
                        (JavaClass target) -> target.getPackageName().startsWith("org.beacon.")
                                && !target.getPackageName().startsWith(rootPackage)
                                && !target.getPackageName().startsWith("org.beacon.commons")))
                .because("services share only commons and talk to each other over HTTP");
    }

    /** Native SQL (JPA native queries, {@code @NamedNativeQuery}, JDBC statements) lives in …Queries/…Store classes. */
    public static ArchRule nativeSqlOnlyInQueryClasses(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .and(DescribedPredicate.not(DescribedPredicate.describe("are …Queries or …Store classes",
                        ServiceArchitecture::isQueryClass)))
                .should(runNativeSql())
                .because("SQL has an address: one …Queries or …Store class per package reads and writes its tables");
    }

    /**
     * A service refuses with a {@code Reason} (a message key and its arguments), never with an English sentence: a
     * refusal a user reads on a page is then in the reader's language (issue 14). Refused: the
     * {@code ProblemException} constructor and factories taking a written sentence, and a written message in
     * Quarkus' {@code ForbiddenException} or a JAX-RS {@code WebApplicationException}. {@code writtenElsewhere}
     * names the classes (simple names, nested classes included) whose refusals are written otherwise.
     */
    public static ArchRule refusalsCarryAReason(String rootPackage, Set<String> writtenElsewhere) {
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .and(DescribedPredicate.not(DescribedPredicate.describe("write their refusals otherwise",
                        (JavaClass type) -> writtenElsewhere.contains(outermost(type).getSimpleName()))))
                .should(refuseWithASentence())
                .because("a refusal a user reads is shown in the reader's language: ProblemException.notFound("
                        + "Reason.of(\"key\", ...)) with the texts in i18n/refusals*.properties");
    }

    private static ArchCondition<JavaClass> refuseWithASentence() {
        return new ArchCondition<>("refuse with a written sentence") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                List<JavaCall<?>> calls = new ArrayList<>(type.getMethodCallsFromSelf());
                calls.addAll(type.getConstructorCallsFromSelf());
                for (JavaCall<?> call : calls) {
                    if (isWrittenRefusal(call)) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getOriginOwner().getName()
                                + " refuses with a sentence instead of a Reason: " + call.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean isWrittenRefusal(JavaCall<?> call) {
        JavaClass owner = call.getTargetOwner();
        List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
        boolean sentenceFirst = !parameters.isEmpty() && parameters.get(0).isEquivalentTo(String.class);
        if (owner.isAssignableTo("org.beacon.commons.web.ProblemException")) {
            boolean sentenceThird = parameters.size() >= 3 && parameters.get(2).isEquivalentTo(String.class);
            return call instanceof JavaConstructorCall ? sentenceThird : sentenceFirst;
        }
        if (!(call instanceof JavaConstructorCall)) {
            return false;
        }
        return sentenceFirst && (owner.isAssignableTo("io.quarkus.security.ForbiddenException")
                || owner.isAssignableTo("jakarta.ws.rs.WebApplicationException"));
    }

    private static boolean isQueryClass(JavaClass type) {
        String name = type.getEnclosingClass().map(ServiceArchitecture::outermost).orElse(type).getSimpleName();
        return name.endsWith("Queries") || name.endsWith("Store");
    }

    private static JavaClass outermost(JavaClass type) {
        return type.getEnclosingClass().map(ServiceArchitecture::outermost).orElse(type);
    }

    private static ArchCondition<JavaClass> runNativeSql() {
        return new ArchCondition<>("run native SQL") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (type.isAnnotatedWith("jakarta.persistence.NamedNativeQuery")
                        || type.isAnnotatedWith("jakarta.persistence.NamedNativeQueries")) {
                    events.add(SimpleConditionEvent.satisfied(type, type.getName() + " declares a @NamedNativeQuery"));
                }
                for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
                    if (isNativeSql(call)) {
                        events.add(SimpleConditionEvent.satisfied(call, describe(call)));
                    }
                }
            }
        };
    }

    private static boolean isNativeSql(JavaMethodCall call) {
        JavaClass owner = call.getTargetOwner();
        String method = call.getName();
        return (NATIVE_QUERY_METHODS.contains(method)
                        && (owner.isAssignableTo("jakarta.persistence.EntityManager")
                                || owner.isAssignableTo("org.hibernate.SharedSessionContract")))
                || (JDBC_STATEMENT_METHODS.contains(method) && owner.isAssignableTo("java.sql.Connection"));
    }

    private static String describe(JavaAccess<?> access) {
        return access.getOriginOwner().getName() + " runs native SQL: " + access.getDescription();
    }
}
