package org.beacon.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.beacon.k8s.NetworkReachability.Source;

/** Who can connect to whom, evaluated over the rendered NetworkPolicies. */
class NetworkPolicyTests {

    private static final Source INGRESS_CONTROLLER = new Source("ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"));
    private static final Source ELSEWHERE_IN_THE_CLUSTER = Source.pod("default", "gateway");

    private static Source beacon(String name) {
        return Source.pod("beacon", name);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theGatewayIsReachableOnlyThroughTheIngressController(Overlay overlay) {
        NetworkReachability network = new NetworkReachability(overlay.manifests());
        assertTrue(network.allows(INGRESS_CONTROLLER, "gateway", 8080));
        assertFalse(network.allows(ELSEWHERE_IN_THE_CLUSTER, "gateway", 8080));
        assertFalse(network.allows(beacon("keycloak"), "gateway", 8080));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theServicesAcceptOnlyTheGatewayAndTheImportJob(Overlay overlay) {
        NetworkReachability network = new NetworkReachability(overlay.manifests());
        for (String service : new String[] { "training-service", "campaign-service" }) {
            assertTrue(network.allows(beacon("gateway"), service, 8080), service);
            assertTrue(network.allows(beacon("content-importer"), service, 8080), service);
            assertFalse(network.allows(INGRESS_CONTROLLER, service, 8080), service);
            assertFalse(network.allows(beacon("keycloak"), service, 8080), service);
            assertFalse(network.allows(ELSEWHERE_IN_THE_CLUSTER, service, 8080), service);
            assertFalse(network.allows(Source.pod("default", "content-importer"), service, 8080), service);
        }
        assertFalse(network.allows(beacon("training-service"), "campaign-service", 8080));
        assertFalse(network.allows(beacon("campaign-service"), "training-service", 8080));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void keycloakAnswersBrowsersTheGatewayTheServicesAndItsOwnReplicas(Overlay overlay) {
        NetworkReachability network = new NetworkReachability(overlay.manifests());
        for (String client : new String[] { "gateway", "training-service", "campaign-service", "content-importer" }) {
            assertTrue(network.allows(beacon(client), "keycloak", 8080), client);
        }
        assertTrue(network.allows(INGRESS_CONTROLLER, "keycloak", 8080));
        assertTrue(network.allows(beacon("keycloak"), "keycloak", 7800));
        assertFalse(network.allows(ELSEWHERE_IN_THE_CLUSTER, "keycloak", 8080));
        assertFalse(network.allows(INGRESS_CONTROLLER, "keycloak", 7800));
    }

    @Test
    void developmentDatabaseAndStorageAnswerOnlyTheServicesThatOwnData() {
        NetworkReachability network = new NetworkReachability(Overlay.DEV.manifests());
        Map<String, Integer> stores = Map.of("postgres", 5432, "minio", 9000);
        stores.forEach((store, port) -> {
            assertTrue(network.allows(beacon("training-service"), store, port), store);
            assertTrue(network.allows(beacon("campaign-service"), store, port), store);
            for (String other : new String[] { "gateway", "keycloak", "content-importer" }) {
                assertFalse(network.allows(beacon(other), store, port), other + " -> " + store);
            }
            assertFalse(network.allows(INGRESS_CONTROLLER, store, port), store);
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noPodIsOpenByDefault(Overlay overlay) {
        NetworkReachability network = new NetworkReachability(overlay.manifests());
        for (Manifests.Workload workload : overlay.manifests().workloads()) {
            workload.template().getSpec().getContainers().stream()
                    .flatMap(container -> container.getPorts() == null ? java.util.stream.Stream.empty()
                            : container.getPorts().stream())
                    .forEach(port -> assertFalse(network.allows(ELSEWHERE_IN_THE_CLUSTER, workload.name(),
                            port.getContainerPort()), workload.name() + ":" + port.getContainerPort()));
        }
    }
}
