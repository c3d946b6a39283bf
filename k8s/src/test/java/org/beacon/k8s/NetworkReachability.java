package org.beacon.k8s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Whether a connection would be let through by the rendered NetworkPolicies, evaluated as the network plugin does:
 * a pod that no policy selects for Ingress accepts everything; a selected pod accepts a connection only when one of
 * the selecting policies has a rule whose peers and ports both match it.
 */
final class NetworkReachability {

    /** Where a connection comes from: a namespace and the labels of the pod that opens it. */
    record Source(String namespace, Map<String, String> labels) {

        static Source pod(String namespace, String name) {
            return new Source(namespace, Map.of("app.kubernetes.io/name", name));
        }
    }

    private final Manifests manifests;

    NetworkReachability(Manifests manifests) {
        this.manifests = manifests;
    }

    boolean allows(Source source, String workloadName, int port) {
        Manifests.Workload target = manifests.workload(workloadName);
        String namespace = target.owner().getMetadata().getNamespace();
        List<NetworkPolicy> selecting = manifests.all(NetworkPolicy.class).stream()
                .filter(policy -> namespace.equals(policy.getMetadata().getNamespace()))
                .filter(policy -> policy.getSpec().getPolicyTypes().contains("Ingress"))
                .filter(policy -> Labels.matches(policy.getSpec().getPodSelector(), target.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy policy : selecting) {
            List<NetworkPolicyIngressRule> rules = policy.getSpec().getIngress() == null ? List.of()
                    : policy.getSpec().getIngress();
            for (NetworkPolicyIngressRule rule : rules) {
                boolean peerMatches = rule.getFrom() == null || rule.getFrom().isEmpty()
                        || rule.getFrom().stream().anyMatch(peer -> matches(peer, namespace, source));
                boolean portMatches = rule.getPorts() == null || rule.getPorts().isEmpty()
                        || rule.getPorts().stream().anyMatch(p -> matches(p, target, port));
                if (peerMatches && portMatches) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean matches(NetworkPolicyPeer peer, String policyNamespace, Source source) {
        if (peer.getIpBlock() != null) {
            return false;
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null ? source.namespace().equals(policyNamespace)
                : Labels.matches(peer.getNamespaceSelector(), namespaceLabels(source.namespace()));
        boolean podMatches = peer.getPodSelector() == null || Labels.matches(peer.getPodSelector(), source.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean matches(NetworkPolicyPort policyPort, Manifests.Workload target, int port) {
        IntOrString value = policyPort.getPort();
        if (value == null) {
            return true;
        }
        if (value.getIntVal() != null) {
            return value.getIntVal() == port;
        }
        return target.template().getSpec().getContainers().stream()
                .flatMap(container -> container.getPorts() == null ? java.util.stream.Stream.<ContainerPort>empty()
                        : container.getPorts().stream())
                .anyMatch(p -> value.getStrVal().equals(p.getName()) && p.getContainerPort() == port);
    }

    /** Kubernetes labels every namespace with its name; the rendered Namespace may carry more. */
    private Map<String, String> namespaceLabels(String namespace) {
        Map<String, String> labels = new HashMap<>();
        manifests.find(Namespace.class, namespace).ifPresent(n -> {
            if (n.getMetadata().getLabels() != null) {
                labels.putAll(n.getMetadata().getLabels());
            }
        });
        labels.put("kubernetes.io/metadata.name", namespace);
        return labels;
    }
}
