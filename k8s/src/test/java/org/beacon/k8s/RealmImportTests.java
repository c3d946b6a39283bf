package org.beacon.k8s;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * Keycloak imports the realm that the repository versions in keycloak/: production the base realm alone, the
 * development overlay the base realm with the demo addition, merged as the devstack merges them. Kustomize reads no
 * file outside an overlay's directory, so the overlays hold copies; these tests keep the copies true.
 *
 * <p>After editing keycloak/*.json, refresh the copies with
 * {@code ./mvnw -pl k8s test -Dbeacon.k8s.refresh-realms=true}.
 */
class RealmImportTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void refreshCopiesWhenAsked() throws IOException {
        if (Boolean.getBoolean("beacon.k8s.refresh-realms")) {
            Files.copy(baseRealm(), Overlay.PROD.path().resolve("realm/beacon-realm.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(Overlay.DEV.path().resolve("realm/beacon-realm.json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(developmentRealm()) + "\n");
        }
    }

    @Test
    void productionImportsTheBaseRealmByteForByte() throws IOException {
        Map<String, String> data = Overlay.PROD.manifests().data("ConfigMap", "keycloak-realm");
        assertEquals(List.of("beacon-realm.json"), new ArrayList<>(data.keySet()));
        assertArrayEquals(Files.readAllBytes(baseRealm()), data.get("beacon-realm.json").getBytes(StandardCharsets.UTF_8),
                "k8s/overlays/prod/realm/beacon-realm.json differs from keycloak/beacon-realm.json; "
                        + "run ./mvnw -pl k8s test -Dbeacon.k8s.refresh-realms=true");
    }

    @Test
    void productionCarriesNothingOfTheDemoAddition() throws IOException {
        String production = Overlay.PROD.manifests().yaml();
        JsonNode demo = JSON.readTree(Overlay.repository().resolve("keycloak/beacon-realm-demo.json").toFile());
        List<String> leaked = new ArrayList<>();
        demo.path("clients").forEach(client -> leaked.add(client.path("clientId").asText()));
        demo.path("users").forEach(user -> {
            leaked.add(user.path("email").asText());
            user.path("credentials").forEach(credential -> leaked.add(credential.path("value").asText()));
        });
        leaked.add("BEACON_TEST_CLIENT_SECRET");
        leaked.add("beacon-realm-demo");
        for (String trace : leaked) {
            assertFalse(trace.isEmpty() || production.contains(trace), "the prod overlay contains " + trace);
        }
        JsonNode realm = JSON.readTree(Overlay.PROD.manifests().data("ConfigMap", "keycloak-realm")
                .get("beacon-realm.json"));
        // Service accounts only: no person, no password.
        realm.path("users").forEach(user -> {
            assertTrue(user.hasNonNull("serviceAccountClientId"), user.path("username").asText() + " is a person");
            assertTrue(user.path("credentials").isEmpty(), user.path("username").asText() + " has a password");
        });
        realm.path("clients").forEach(client -> assertFalse(client.path("directAccessGrantsEnabled").asBoolean(),
                client.path("clientId").asText() + " allows the password grant"));
    }

    @Test
    void developmentImportsTheBaseRealmWithTheDemoAddition() throws IOException {
        String imported = Overlay.DEV.manifests().data("ConfigMap", "keycloak-realm").get("beacon-realm.json");
        assertEquals(developmentRealm(), JSON.readTree(imported),
                "k8s/overlays/dev/realm/beacon-realm.json is not keycloak/beacon-realm.json merged with "
                        + "beacon-realm-demo.json; run ./mvnw -pl k8s test -Dbeacon.k8s.refresh-realms=true");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void keycloakImportsTheRealmFromTheConfigMapAtStart(Overlay overlay) {
        PodSpec pod = overlay.manifests().get(StatefulSet.class, "keycloak").getSpec().getTemplate().getSpec();
        Container keycloak = pod.getContainers().get(0);
        assertTrue(keycloak.getArgs().contains("--import-realm"));
        String volume = keycloak.getVolumeMounts().stream()
                .filter(mount -> mount.getMountPath().equals("/opt/keycloak/data/import")).findFirst()
                .orElseThrow().getName();
        String configMap = pod.getVolumes().stream().filter(v -> v.getName().equals(volume)).findFirst()
                .orElseThrow().getConfigMap().getName();
        assertTrue(Manifests.sameName(configMap, "keycloak-realm"), configMap);
    }

    /** The devstack's merge (RealmFile): the demo file's users and clients appended to the base realm's. */
    static JsonNode developmentRealm() throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(baseRealm().toFile());
        JsonNode demo = JSON.readTree(Overlay.repository().resolve("keycloak/beacon-realm-demo.json").toFile());
        for (String list : new String[] { "users", "clients" }) {
            demo.path(list).forEach(realm.withArray(list)::add);
        }
        return realm;
    }

    private static Path baseRealm() {
        return Overlay.repository().resolve("keycloak/beacon-realm.json");
    }
}
