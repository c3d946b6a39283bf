package org.beacon.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;

/**
 * Every pod of an overlay, Keycloak, PostgreSQL, MinIO and the import Job included: the namespace enforces the
 * restricted Pod Security profile, so a pod that breaks it would never start.
 */
class EveryWorkloadTests {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void namespaceEnforcesTheRestrictedPodSecurityProfile(Overlay overlay) {
        Namespace namespace = overlay.manifests().get(Namespace.class, "beacon");
        assertEquals("restricted", namespace.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyPodMeetsTheRestrictedProfile(Overlay overlay) {
        List<String> violations = new ArrayList<>();
        for (Manifests.Workload workload : overlay.manifests().workloads()) {
            PodSecurityContext pod = workload.template().getSpec().getSecurityContext();
            for (Container container : workload.template().getSpec().getContainers()) {
                SecurityContext own = container.getSecurityContext();
                String where = workload.name() + "/" + container.getName() + ": ";
                boolean nonRoot = own != null && Boolean.TRUE.equals(own.getRunAsNonRoot())
                        || pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot());
                Long user = own != null && own.getRunAsUser() != null ? own.getRunAsUser()
                        : pod != null ? pod.getRunAsUser() : null;
                String seccomp = own != null && own.getSeccompProfile() != null ? own.getSeccompProfile().getType()
                        : pod != null && pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
                if (!nonRoot || user != null && user == 0) {
                    violations.add(where + "may run as root");
                }
                if (own == null || !Boolean.FALSE.equals(own.getAllowPrivilegeEscalation())) {
                    violations.add(where + "allowPrivilegeEscalation is not false");
                }
                if (own == null || own.getCapabilities() == null || !own.getCapabilities().getDrop().contains("ALL")) {
                    violations.add(where + "keeps Linux capabilities");
                }
                if (!"RuntimeDefault".equals(seccomp)) {
                    violations.add(where + "has no RuntimeDefault seccomp profile");
                }
            }
            if (Boolean.TRUE.equals(workload.template().getSpec().getHostNetwork())) {
                violations.add(workload.name() + ": host network");
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyContainerHasRequestsLimitsAndAPinnedImage(Overlay overlay) {
        List<String> violations = new ArrayList<>();
        for (Manifests.Workload workload : overlay.manifests().workloads()) {
            for (Container container : workload.template().getSpec().getContainers()) {
                String where = workload.name() + "/" + container.getName() + ": ";
                var resources = container.getResources();
                for (String resource : new String[] { "cpu", "memory" }) {
                    if (resources == null || resources.getRequests() == null
                            || !resources.getRequests().containsKey(resource) || resources.getLimits() == null
                            || !resources.getLimits().containsKey(resource)) {
                        violations.add(where + "no " + resource + " request and limit");
                    }
                }
                String tag = ImageReference.tag(container.getImage());
                if (tag == null || tag.equals("latest")) {
                    violations.add(where + container.getImage() + " is not pinned to a version");
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyLongRunningPodIsProbedForReadinessAndLiveness(Overlay overlay) {
        var longRunning = overlay.manifests().workloads().stream().filter(w -> !w.kind().equals("Job")).toList();
        assertFalse(longRunning.isEmpty());
        for (Manifests.Workload workload : longRunning) {
            for (Container container : workload.template().getSpec().getContainers()) {
                assertNotNull(container.getReadinessProbe(), workload.name() + " readiness probe");
                assertNotNull(container.getLivenessProbe(), workload.name() + " liveness probe");
            }
        }
    }
}
