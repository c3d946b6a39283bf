package org.beacon.k8s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * What the Kubernetes model alone does not catch: required fields, and every name that points at another object
 * (a ConfigMap, a Secret and its key, a Service and its port, a volume, a scale target) pointing at one that the
 * overlay renders. The only references allowed to stay open are Secrets, and only where the caller says so: those
 * are the production prerequisites that an operator creates before the first apply.
 */
final class ManifestCheck {

    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private final Manifests manifests;
    private final boolean secretsMayBeExternal;
    private final List<String> problems = new ArrayList<>();
    /** Secret name to the keys the manifests read from it, for Secrets that the overlay does not render. */
    private final Map<String, Set<String>> externalSecrets = new TreeMap<>();

    private ManifestCheck(Manifests manifests, boolean secretsMayBeExternal) {
        this.manifests = manifests;
        this.secretsMayBeExternal = secretsMayBeExternal;
    }

    /** Fails with every problem found; returns the Secrets (and their keys) left for the operator to create. */
    static Map<String, Set<String>> validate(Manifests manifests, boolean secretsMayBeExternal) {
        ManifestCheck check = new ManifestCheck(manifests, secretsMayBeExternal);
        check.run();
        if (!check.problems.isEmpty()) {
            throw new InvalidManifest(String.join("\n", check.problems));
        }
        return check.externalSecrets;
    }

    private void run() {
        Set<String> ids = new HashSet<>();
        for (HasMetadata object : manifests.objects()) {
            String name = object.getMetadata().getName();
            if (name == null || !DNS_NAME.matcher(name).matches()) {
                problem(object, "metadata.name '" + name + "' is not a valid name");
            }
            if (!ids.add(object.getKind() + "/" + name)) {
                problem(object, "defined twice");
            }
            if (!(object instanceof Namespace)) {
                String namespace = object.getMetadata().getNamespace();
                if (namespace == null || manifests.find(Namespace.class, namespace).isEmpty()) {
                    problem(object, "in namespace " + namespace + ", which the overlay does not create");
                }
            }
        }
        manifests.workloads().forEach(this::checkWorkload);
        manifests.all(Deployment.class).forEach(d -> checkSelector(d, d.getSpec().getSelector(),
                d.getSpec().getTemplate().getMetadata().getLabels()));
        manifests.all(StatefulSet.class).forEach(this::checkStatefulSet);
        manifests.all(Service.class).forEach(this::checkService);
        manifests.all(Ingress.class).forEach(this::checkIngress);
        manifests.all(HorizontalPodAutoscaler.class).forEach(this::checkAutoscaler);
        manifests.all(PodDisruptionBudget.class).forEach(this::checkDisruptionBudget);
        manifests.all(NetworkPolicy.class).forEach(this::checkNetworkPolicy);
        manifests.all(Job.class).forEach(job -> {
            String restart = job.getSpec().getTemplate().getSpec().getRestartPolicy();
            if (!Set.of("Never", "OnFailure").contains(String.valueOf(restart))) {
                problem(job, "restartPolicy must be Never or OnFailure, is " + restart);
            }
        });
    }

    // Pods --------------------------------------------------------------------------------------------------------

    private void checkWorkload(Manifests.Workload workload) {
        HasMetadata owner = workload.owner();
        PodSpec pod = workload.template().getSpec();
        if (pod == null || pod.getContainers() == null || pod.getContainers().isEmpty()) {
            problem(owner, "has no containers");
            return;
        }
        Set<String> volumes = new HashSet<>();
        for (Volume volume : nullSafe(pod.getVolumes())) {
            if (!volumes.add(volume.getName())) {
                problem(owner, "volume " + volume.getName() + " twice");
            }
            if (volume.getConfigMap() != null) {
                reference(owner, "ConfigMap", volume.getConfigMap().getName(), null);
            }
            if (volume.getSecret() != null) {
                reference(owner, "Secret", volume.getSecret().getSecretName(), null);
            }
        }
        if (owner instanceof StatefulSet statefulSet) {
            nullSafe(statefulSet.getSpec().getVolumeClaimTemplates()).forEach(claim -> {
                volumes.add(claim.getMetadata().getName());
                if (claim.getSpec().getResources() == null || claim.getSpec().getResources().getRequests() == null
                        || !claim.getSpec().getResources().getRequests().containsKey("storage")) {
                    problem(owner, "volume claim " + claim.getMetadata().getName() + " requests no storage");
                }
            });
        }
        Set<String> containerNames = new HashSet<>();
        for (Container container : Stream.concat(nullSafe(pod.getInitContainers()).stream(),
                pod.getContainers().stream()).toList()) {
            String where = "container " + container.getName();
            if (container.getName() == null || !containerNames.add(container.getName())) {
                problem(owner, "a container without a name, or two with the same one");
            }
            if (container.getImage() == null || container.getImage().isBlank()) {
                problem(owner, where + " has no image");
            }
            Set<String> variables = new HashSet<>();
            for (EnvVar variable : nullSafe(container.getEnv())) {
                if (!variables.add(variable.getName())) {
                    problem(owner, where + " sets " + variable.getName() + " twice");
                }
                if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                    reference(owner, "ConfigMap", variable.getValueFrom().getConfigMapKeyRef().getName(),
                            variable.getValueFrom().getConfigMapKeyRef().getKey());
                }
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    reference(owner, "Secret", variable.getValueFrom().getSecretKeyRef().getName(),
                            variable.getValueFrom().getSecretKeyRef().getKey());
                }
            }
            for (EnvFromSource source : nullSafe(container.getEnvFrom())) {
                if (source.getConfigMapRef() != null) {
                    reference(owner, "ConfigMap", source.getConfigMapRef().getName(), null);
                }
                if (source.getSecretRef() != null) {
                    // Its keys become variables: they must be known, so such a Secret may not be external.
                    reference(owner, "Secret", source.getSecretRef().getName(), "");
                }
            }
            for (VolumeMount mount : nullSafe(container.getVolumeMounts())) {
                if (!volumes.contains(mount.getName())) {
                    problem(owner, where + " mounts volume " + mount.getName() + ", which the pod does not have");
                }
            }
            Set<String> portNames = new HashSet<>();
            nullSafe(container.getPorts()).forEach(port -> portNames.add(port.getName()));
            for (Probe probe : Stream.of(container.getStartupProbe(), container.getLivenessProbe(),
                    container.getReadinessProbe()).filter(Objects::nonNull).toList()) {
                IntOrString port = probe.getHttpGet() != null ? probe.getHttpGet().getPort() : null;
                if (port != null && port.getStrVal() != null && !portNames.contains(port.getStrVal())) {
                    problem(owner, where + " probes port " + port.getStrVal() + ", which it does not declare");
                }
                if (probe.getHttpGet() == null && probe.getExec() == null && probe.getTcpSocket() == null
                        && probe.getGrpc() == null) {
                    problem(owner, where + " has a probe without a handler");
                }
            }
        }
    }

    private void checkStatefulSet(StatefulSet statefulSet) {
        checkSelector(statefulSet, statefulSet.getSpec().getSelector(),
                statefulSet.getSpec().getTemplate().getMetadata().getLabels());
        String service = statefulSet.getSpec().getServiceName();
        if (service == null || manifests.find(Service.class, service).isEmpty()) {
            problem(statefulSet, "serviceName " + service + " is no Service of the overlay");
        }
    }

    private void checkSelector(HasMetadata owner, LabelSelector selector, Map<String, String> templateLabels) {
        if (selector == null || !Labels.matches(selector, templateLabels)) {
            problem(owner, "selector does not match its own pod template");
        }
    }

    // Services and routes -----------------------------------------------------------------------------------------

    private void checkService(Service service) {
        List<ServicePort> ports = nullSafe(service.getSpec().getPorts());
        if (ports.isEmpty()) {
            problem(service, "has no ports");
        }
        Map<String, String> selector = service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            problem(service, "selects no pods");
            return;
        }
        List<Manifests.Workload> selected = manifests.workloads().stream()
                .filter(workload -> Labels.matches(selector, workload.labels())).toList();
        if (selected.isEmpty()) {
            problem(service, "selector " + selector + " matches no pod template");
        }
        for (ServicePort port : ports) {
            if (port.getPort() == null) {
                problem(service, "a port without a number");
            }
            IntOrString target = port.getTargetPort();
            if (target != null && target.getStrVal() != null && selected.stream().noneMatch(workload -> workload
                    .template().getSpec().getContainers().stream().flatMap(c -> nullSafe(c.getPorts()).stream())
                    .map(ContainerPort::getName).anyMatch(target.getStrVal()::equals))) {
                problem(service, "targetPort " + target.getStrVal() + " is no port of the selected pods");
            }
        }
    }

    private void checkIngress(Ingress ingress) {
        for (IngressTLS tls : nullSafe(ingress.getSpec().getTls())) {
            reference(ingress, "Secret", tls.getSecretName(), "tls.crt");
        }
        for (IngressRule rule : nullSafe(ingress.getSpec().getRules())) {
            if (rule.getHttp() == null || nullSafe(rule.getHttp().getPaths()).isEmpty()) {
                problem(ingress, "a rule without paths");
                continue;
            }
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                if (path.getPathType() == null) {
                    problem(ingress, "path " + path.getPath() + " has no pathType");
                }
                if (path.getBackend() == null || path.getBackend().getService() == null) {
                    problem(ingress, "path " + path.getPath() + " has no service backend");
                    continue;
                }
                String name = path.getBackend().getService().getName();
                var port = path.getBackend().getService().getPort();
                var service = manifests.find(Service.class, name);
                if (service.isEmpty()) {
                    problem(ingress, "routes to Service " + name + ", which does not exist");
                } else if (port == null || service.get().getSpec().getPorts().stream().noneMatch(p -> Objects
                        .equals(p.getName(), port.getName()) && port.getName() != null
                        || Objects.equals(p.getPort(), port.getNumber()) && port.getNumber() != null)) {
                    problem(ingress, "routes to a port that Service " + name + " does not have");
                }
            }
        }
    }

    // Scaling and disruption ------------------------------------------------------------------------------------

    private void checkAutoscaler(HorizontalPodAutoscaler autoscaler) {
        var spec = autoscaler.getSpec();
        var target = spec.getScaleTargetRef();
        var workload = manifests.workloads().stream()
                .filter(w -> w.kind().equals(target.getKind()) && w.name().equals(target.getName())).findFirst();
        if (workload.isEmpty()) {
            problem(autoscaler, "scales " + target.getKind() + " " + target.getName() + ", which does not exist");
        }
        if (spec.getMinReplicas() == null || spec.getMinReplicas() < 1 || spec.getMaxReplicas() == null
                || spec.getMaxReplicas() < spec.getMinReplicas()) {
            problem(autoscaler, "needs 1 <= minReplicas <= maxReplicas");
        }
        if (nullSafe(spec.getMetrics()).isEmpty()) {
            problem(autoscaler, "has no metric");
        }
        // Utilization is a share of the request: without a CPU request the autoscaler cannot compute it.
        workload.ifPresent(w -> w.template().getSpec().getContainers().forEach(container -> {
            if (container.getResources() == null || container.getResources().getRequests() == null
                    || !container.getResources().getRequests().containsKey("cpu")) {
                problem(autoscaler, "scales on CPU but container " + container.getName() + " requests none");
            }
        }));
    }

    private void checkDisruptionBudget(PodDisruptionBudget budget) {
        var spec = budget.getSpec();
        if ((spec.getMinAvailable() == null) == (spec.getMaxUnavailable() == null)) {
            problem(budget, "needs exactly one of minAvailable and maxUnavailable");
        }
        if (spec.getSelector() == null || manifests.workloads().stream()
                .noneMatch(workload -> Labels.matches(spec.getSelector(), workload.labels()))) {
            problem(budget, "selects no pods");
        }
    }

    private void checkNetworkPolicy(NetworkPolicy policy) {
        var spec = policy.getSpec();
        if (spec.getPodSelector() == null) {
            problem(policy, "has no podSelector");
            return;
        }
        if (nullSafe(spec.getPolicyTypes()).isEmpty()) {
            problem(policy, "has no policyTypes");
        }
        if (!Labels.isEmpty(spec.getPodSelector()) && manifests.workloads().stream()
                .noneMatch(workload -> Labels.matches(spec.getPodSelector(), workload.labels()))) {
            problem(policy, "applies to no pod of the overlay");
        }
        for (NetworkPolicyIngressRule rule : nullSafe(spec.getIngress())) {
            for (NetworkPolicyPeer peer : nullSafe(rule.getFrom())) {
                if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null
                        && !Labels.isEmpty(peer.getPodSelector()) && manifests.workloads().stream()
                                .noneMatch(workload -> Labels.matches(peer.getPodSelector(), workload.labels()))) {
                    problem(policy, "allows pods " + Labels.describe(peer.getPodSelector())
                            + ", of which the overlay has none");
                }
            }
        }
    }

    // References --------------------------------------------------------------------------------------------------

    /** A reference to a ConfigMap or Secret and, when key is not null, to one of its keys ("" for all of them). */
    private void reference(HasMetadata owner, String kind, String name, String key) {
        Map<String, String> data = manifests.data(kind, name);
        if (data == null) {
            if (kind.equals("Secret") && secretsMayBeExternal && !"".equals(key)) {
                Set<String> keys = externalSecrets.computeIfAbsent(name, n -> new TreeSet<>());
                if (key != null) {
                    keys.add(key);
                }
            } else {
                problem(owner, "refers to " + kind + " " + name + ", which the overlay does not create");
            }
        } else if (key != null && !key.isEmpty() && !data.containsKey(key)) {
            problem(owner, "reads key " + key + " of " + kind + " " + name + ", which has only " + data.keySet());
        }
    }

    private void problem(HasMetadata object, String message) {
        problems.add(object.getKind() + " " + object.getMetadata().getName() + ": " + message);
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
