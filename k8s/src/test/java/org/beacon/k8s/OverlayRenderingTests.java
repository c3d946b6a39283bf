package org.beacon.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Both overlays render, parse into the Kubernetes model and hold together: nothing points at nothing. */
class OverlayRenderingTests {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void rendersIntoValidObjectsWhoseReferencesAllResolve(Overlay overlay) {
        // Rendering runs ManifestCheck, which throws InvalidManifest with every problem found.
        assertFalse(overlay.manifests().objects().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void putsEverythingInTheBeaconNamespace(Overlay overlay) {
        for (HasMetadata object : overlay.manifests().objects()) {
            if (!object.getKind().equals("Namespace")) {
                assertEquals("beacon", object.getMetadata().getNamespace(), object.getKind() + " "
                        + object.getMetadata().getName());
            }
        }
    }

    @Test
    void developmentNeedsNothingThatItDoesNotCreate() {
        assertEquals(Map.of(), Overlay.DEV.externalSecrets());
    }

    @Test
    void productionNeedsOnlyTheSecretsThatTheReadmeTellsTheOperatorToCreate() throws IOException {
        String readme = Files.readString(Overlay.k8s().resolve("README.md"));
        Map<String, Set<String>> undocumented = new TreeMap<>();
        Overlay.PROD.externalSecrets().forEach((secret, keys) -> {
            if (!readme.contains("`" + secret + "`")) {
                undocumented.put(secret, keys);
            }
            keys.stream().filter(key -> !readme.contains("`" + key + "`"))
                    .forEach(key -> undocumented.computeIfAbsent(secret, s -> new java.util.TreeSet<>()).add(key));
        });
        assertTrue(undocumented.isEmpty(), "k8s/README.md does not document " + undocumented);
        assertTrue(Overlay.PROD.externalSecrets().keySet().containsAll(Set.of("training-database",
                "campaign-database", "training-storage", "campaign-storage", "gateway-oidc-client",
                "gateway-session", "keycloak-admin", "keycloak-database", "content-import-client", "directory-client",
                "beacon-tls")),
                "production creates none of its credentials in the repository: " + Overlay.PROD.externalSecrets());
    }
}
