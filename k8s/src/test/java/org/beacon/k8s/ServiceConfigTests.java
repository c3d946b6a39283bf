package org.beacon.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * The configuration a Deployment hands to its service is configuration the service reads: a misspelt or retired key
 * would be ignored silently and the service would fall back to its laptop default.
 */
class ServiceConfigTests {

    /** What the importer (org.beacon.contentimport.ContentImport) reads, as content-import/README.md documents it. */
    static final Set<String> IMPORTER_VARIABLES = Set.of("BEACON_TRAINING_URL", "BEACON_CAMPAIGN_URL",
            "BEACON_KEYCLOAK_URL", "BEACON_IMPORT_CLIENT_ID", "BEACON_IMPORT_CLIENT_SECRET", "BEACON_CONTENT_DIR");

    static Stream<org.junit.jupiter.params.provider.Arguments> services() {
        return ServiceWorkloadTests.services();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void everyVariableSetIsOneTheServiceReads(Overlay overlay, String service) {
        ServiceConfig config = ServiceConfig.of(Overlay.repository().resolve(service));
        Set<String> unread = new TreeSet<>();
        for (String variable : variables(overlay, ServiceWorkloadTests.container(overlay, service))) {
            if (!config.reads(variable)) {
                unread.add(variable);
            }
        }
        assertTrue(unread.isEmpty(), service + " reads none of " + unread + " (application.properties, "
                + "@ConfigProperty, or ServiceConfig.STANDARD_KEYS)");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void everyRequiredValueAndEveryLoopbackDefaultIsSet(Overlay overlay, String service) {
        ServiceConfig config = ServiceConfig.of(Overlay.repository().resolve(service));
        Set<String> set = variables(overlay, ServiceWorkloadTests.container(overlay, service));
        Set<String> missing = new TreeSet<>(config.required());
        missing.addAll(config.localOnly());
        missing.removeAll(set);
        assertTrue(missing.isEmpty(), service + " would start without " + missing);
    }

    @Test
    void theCheckTellsOneServiceFromAnother() {
        ServiceConfig gateway = ServiceConfig.of(Overlay.repository().resolve("gateway"));
        ServiceConfig training = ServiceConfig.of(Overlay.repository().resolve("training-service"));
        assertTrue(gateway.reads("BEACON_UPSTREAM_TRAINING"));
        assertFalse(gateway.reads("QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(training.reads("QUARKUS_DATASOURCE_JDBC_URL"));
        assertFalse(training.reads("BEACON_UPSTREAM_TRAINING"));
        assertFalse(training.reads("BEACON_STORAGE_ENDPIONT"));
        assertTrue(gateway.required().containsAll(Set.of("BEACON_GATEWAY_CLIENT_SECRET", "BEACON_SESSION_SECRET")));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theImportJobSetsExactlyWhatTheImporterReads(Overlay overlay) throws IOException {
        Container importer = overlay.manifests().workload("content-import").template().getSpec().getContainers()
                .get(0);
        assertEquals(IMPORTER_VARIABLES, variables(overlay, importer));
        // Each variable must appear in the importer's package.
        Path sources = Overlay.repository().resolve("content-import/src/main/java/org/beacon/contentimport");
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                code.append(Files.readString(file));
            }
        }
        IMPORTER_VARIABLES.forEach(variable -> assertTrue(code.indexOf('"' + variable + '"') >= 0,
                "the importer does not read " + variable));
    }

    /** Keycloak gets its own options (KC_*) and the realm file's import placeholders, each one it needs. */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void keycloakGetsEveryPlaceholderOfTheRealmItImportsAndNoOther(Overlay overlay) {
        Manifests manifests = overlay.manifests();
        String realm = manifests.data("ConfigMap", "keycloak-realm").get("beacon-realm.json");
        Set<String> placeholders = new TreeSet<>();
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(realm);
        while (placeholder.find()) {
            placeholders.add(placeholder.group(1));
        }
        Container keycloak = manifests.get(StatefulSet.class, "keycloak").getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        Set<String> beaconVariables = new TreeSet<>();
        for (String variable : variables(overlay, keycloak)) {
            if (variable.startsWith("BEACON_")) {
                beaconVariables.add(variable);
            } else {
                assertTrue(variable.startsWith("KC_") || Set.of("JAVA_OPTS_APPEND", "POD_IP").contains(variable),
                        variable + " is no Keycloak option");
            }
        }
        assertEquals(placeholders, beaconVariables);
    }

    /** Explicit variables and the keys of the ConfigMaps and Secrets loaded whole. */
    static Set<String> variables(Overlay overlay, Container container) {
        Set<String> variables = new TreeSet<>();
        for (EnvVar variable : container.getEnv() == null ? java.util.List.<EnvVar>of() : container.getEnv()) {
            variables.add(variable.getName());
        }
        for (EnvFromSource source : container.getEnvFrom() == null ? java.util.List.<EnvFromSource>of()
                : container.getEnvFrom()) {
            var data = source.getConfigMapRef() != null
                    ? overlay.manifests().data("ConfigMap", source.getConfigMapRef().getName())
                    : overlay.manifests().data("Secret", source.getSecretRef().getName());
            variables.addAll(data.keySet());
        }
        return variables;
    }
}
