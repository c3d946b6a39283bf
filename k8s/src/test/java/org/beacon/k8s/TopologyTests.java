package org.beacon.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;

/** What each overlay runs, how many of it, and what is published. */
class TopologyTests {

    @Test
    void developmentRunsOneOfEverythingWithItsOwnDatabaseAndStorage() {
        Manifests dev = Overlay.DEV.manifests();
        dev.all(Deployment.class).forEach(d -> assertEquals(1, d.getSpec().getReplicas(), d.getMetadata().getName()));
        dev.all(StatefulSet.class).forEach(s -> assertEquals(1, s.getSpec().getReplicas(), s.getMetadata().getName()));
        dev.all(HorizontalPodAutoscaler.class).forEach(h -> assertEquals(1, h.getSpec().getMaxReplicas()));
        for (String store : new String[] { "postgres", "minio" }) {
            StatefulSet statefulSet = dev.get(StatefulSet.class, store);
            assertFalse(statefulSet.getSpec().getVolumeClaimTemplates().isEmpty(), store + " keeps its data");
        }
        assertTrue(dev.find(StatefulSet.class, "keycloak").isPresent());
    }

    @Test
    void productionRunsSeveralReplicasAndLeavesDatabaseAndStorageOutside() {
        Manifests prod = Overlay.PROD.manifests();
        for (String service : Overlay.SERVICES) {
            HorizontalPodAutoscaler autoscaler = prod.get(HorizontalPodAutoscaler.class, service);
            int replicas = prod.get(Deployment.class, service).getSpec().getReplicas();
            assertTrue(autoscaler.getSpec().getMinReplicas() >= 2, service + " may shrink to one pod");
            assertTrue(autoscaler.getSpec().getMaxReplicas() > autoscaler.getSpec().getMinReplicas());
            assertTrue(replicas >= autoscaler.getSpec().getMinReplicas()
                    && replicas <= autoscaler.getSpec().getMaxReplicas(), service + " starts outside its range");
        }
        assertTrue(prod.get(StatefulSet.class, "keycloak").getSpec().getReplicas() >= 2);
        Set<String> workloads = prod.workloads().stream().map(Manifests.Workload::name).collect(Collectors.toSet());
        assertFalse(workloads.contains("postgres") || workloads.contains("minio"), workloads.toString());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void onlyTheGatewayOfTheThreeServicesIsPublished(Overlay overlay) {
        Set<String> backends = new HashSet<>();
        for (Ingress ingress : overlay.manifests().all(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                rule.getHttp().getPaths().forEach(path -> backends.add(path.getBackend().getService().getName()));
                assertEquals("gateway", rule.getHttp().getPaths().stream().filter(p -> p.getPath().equals("/"))
                        .findFirst().orElseThrow().getBackend().getService().getName(), "/ goes to the gateway");
            }
        }
        backends.retainAll(Overlay.SERVICES);
        assertEquals(Set.of("gateway"), backends);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void keycloakIsPublishedOnlyForTheBeaconRealmsLoginPages(Overlay overlay) {
        // The master realm's token endpoint would let anyone guess the bootstrap admin's password, without the
        // brute-force detection the beacon realm has; the admin console is reached by port-forward only.
        for (Ingress ingress : overlay.manifests().all(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                Set<String> keycloakPaths = new HashSet<>();
                rule.getHttp().getPaths().stream()
                        .filter(path -> path.getBackend().getService().getName().equals("keycloak"))
                        .forEach(path -> keycloakPaths.add(path.getPath()));
                assertEquals(Set.of("/realms/beacon/", "/resources/"), keycloakPaths);
            }
        }
    }

    @Test
    void productionServesItsHostOverTls() {
        Ingress ingress = Overlay.PROD.manifests().get(Ingress.class, "beacon");
        Set<String> covered = ingress.getSpec().getTls().stream().flatMap(tls -> tls.getHosts().stream())
                .collect(Collectors.toSet());
        for (IngressRule rule : ingress.getSpec().getRules()) {
            assertTrue(rule.getHost() != null && covered.contains(rule.getHost()), "host " + rule.getHost());
        }
    }

    /**
     * The public address is written in several places (Keycloak's hostname, the gateway's redirect URIs in the
     * realm, the services' outgoing links, the Ingress host); an installation that changes one must change all.
     */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyPublicAddressIsTheSame(Overlay overlay) {
        Manifests manifests = overlay.manifests();
        Map<String, String> keycloak = manifests.data("ConfigMap", "keycloak-config");
        Set<String> addresses = java.util.stream.Stream.of(keycloak.get("KC_HOSTNAME"),
                keycloak.get("BEACON_GATEWAY_URL"),
                manifests.data("ConfigMap", "training-service-config").get("BEACON_PUBLIC_URL"),
                manifests.data("ConfigMap", "campaign-service-config").get("BEACON_SURVEYS_PUBLIC_URL"))
                .collect(Collectors.toSet());
        assertEquals(1, addresses.size(), addresses.toString());
        URI address = URI.create(addresses.iterator().next());
        for (IngressRule rule : manifests.get(Ingress.class, "beacon").getSpec().getRules()) {
            if (rule.getHost() != null) {
                assertEquals(address.getHost(), rule.getHost());
                assertEquals("https", address.getScheme(), "a published host is reached over TLS");
            }
        }
    }
}
