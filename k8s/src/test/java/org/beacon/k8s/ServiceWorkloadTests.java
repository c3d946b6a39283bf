package org.beacon.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** gateway, training-service and campaign-service, in each overlay: how they run, scale and are reached. */
class ServiceWorkloadTests {

    private static final long MEMORY_TARGET_BYTES = 256L * 1024 * 1024;

    static Stream<Arguments> services() {
        return Stream.of(Overlay.values())
                .flatMap(overlay -> Overlay.SERVICES.stream().sorted().map(service -> Arguments.of(overlay, service)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void isProbedOnItsQuarkusHealthEndpoints(Overlay overlay, String service) {
        Container container = container(overlay, service);
        assertHttpProbe(container, container.getReadinessProbe(), "/q/health/ready");
        assertHttpProbe(container, container.getLivenessProbe(), "/q/health/live");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void requestsAndLimitsWithinTheMemoryTarget(Overlay overlay, String service) {
        Container container = container(overlay, service);
        var resources = container.getResources();
        for (String resource : new String[] { "cpu", "memory" }) {
            assertNotNull(resources.getRequests().get(resource), resource + " request");
            assertNotNull(resources.getLimits().get(resource), resource + " limit");
        }
        long limit = Quantity.getAmountInBytes(resources.getLimits().get("memory")).longValueExact();
        assertTrue(limit <= MEMORY_TARGET_BYTES, "memory limit " + limit + " above PRODUCT.md §9's 256 MB");
        // The JVM must size its heap from the limit, or the kernel kills it before it collects garbage.
        String jvmOptions = container.getEnv().stream().filter(e -> e.getName().equals("JAVA_OPTS_APPEND"))
                .map(EnvVar::getValue).findFirst().orElse("");
        assertTrue(jvmOptions.contains("-XX:MaxRAMPercentage="), jvmOptions);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void runsAsNonRootOnAReadOnlyRootWithATmpVolume(Overlay overlay, String service) {
        PodSpec pod = pod(overlay, service);
        Container container = container(overlay, service);
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
        assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation());
        assertTrue(container.getSecurityContext().getCapabilities().getDrop().contains("ALL"));
        String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow(() -> new AssertionError("no /tmp mount")).getName();
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow();
        assertNotNull(volume.getEmptyDir(), "/tmp is an emptyDir");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void runsItsOwnImageAtAFixedVersion(Overlay overlay, String service) {
        String image = container(overlay, service).getImage();
        assertEquals("beacon/" + service, ImageReference.repository(image));
        assertNotNull(ImageReference.tag(image), image + " has no tag and would pull latest");
        assertNotEquals("latest", ImageReference.tag(image));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void hasAnAutoscalerADisruptionBudgetAndAService(Overlay overlay, String service) {
        Manifests manifests = overlay.manifests();
        Manifests.Workload workload = manifests.workload(service);

        HorizontalPodAutoscaler autoscaler = manifests.get(HorizontalPodAutoscaler.class, service);
        assertEquals("Deployment", autoscaler.getSpec().getScaleTargetRef().getKind());
        assertEquals(service, autoscaler.getSpec().getScaleTargetRef().getName());

        PodDisruptionBudget budget = manifests.get(PodDisruptionBudget.class, service);
        assertTrue(Labels.matches(budget.getSpec().getSelector(), workload.labels()));
        assertTrue(manifests.workloads().stream().filter(w -> !w.name().equals(service))
                .noneMatch(other -> Labels.matches(budget.getSpec().getSelector(), other.labels())),
                "the budget counts only this service's pods");

        Service endpoint = manifests.get(Service.class, service);
        assertTrue(Labels.matches(endpoint.getSpec().getSelector(), workload.labels()));
        ContainerPort http = container(overlay, service).getPorts().stream()
                .filter(p -> p.getName().equals(endpoint.getSpec().getPorts().get(0).getTargetPort().getStrVal()))
                .findFirst().orElseThrow();
        assertEquals(8080, http.getContainerPort());
    }

    private static void assertHttpProbe(Container container, Probe probe, String path) {
        assertNotNull(probe, path + " probe");
        assertEquals(path, probe.getHttpGet().getPath());
        String port = probe.getHttpGet().getPort().getStrVal();
        assertEquals("management", port, path + " is probed on the management port");
        int containerPort = container.getPorts().stream().filter(p -> p.getName().equals(port)).findFirst()
                .orElseThrow().getContainerPort();
        // The port probed must be the one Quarkus serves its management interface on, and all interfaces.
        assertEquals(String.valueOf(containerPort), env(container, "QUARKUS_MANAGEMENT_PORT"));
        assertEquals("0.0.0.0", env(container, "QUARKUS_MANAGEMENT_HOST"));
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElse(null);
    }

    static PodSpec pod(Overlay overlay, String service) {
        return overlay.manifests().get(Deployment.class, service).getSpec().getTemplate().getSpec();
    }

    static Container container(Overlay overlay, String service) {
        PodSpec pod = pod(overlay, service);
        assertEquals(1, pod.getContainers().size(), service + " runs one container");
        return pod.getContainers().get(0);
    }
}
