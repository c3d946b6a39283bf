package org.beacon.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * An overlay rendered by {@link Kustomize} and read into fabric8's Kubernetes model: an object of an unknown kind, a
 * field the API does not have, or a value of the wrong type (a number where the API wants a string, as in an env
 * value) makes it invalid, as it would make kubectl refuse it.
 */
final class Manifests {

    private static final ObjectMapper STRICT = strictMapper();
    private static final Pattern GENERATED_SUFFIX = Pattern.compile("-[0-9a-f]{10}");

    private final List<ObjectNode> rendered;
    private final List<HasMetadata> objects;

    private Manifests(List<ObjectNode> rendered, List<HasMetadata> objects) {
        this.rendered = rendered;
        this.objects = objects;
    }

    static Manifests render(Path kustomization) {
        List<ObjectNode> rendered = Kustomize.build(kustomization);
        List<HasMetadata> objects = new ArrayList<>();
        for (ObjectNode node : rendered) {
            objects.add(typed(node));
        }
        return new Manifests(rendered, objects);
    }

    /** The render as kustomize would print it, one YAML document per object. */
    String yaml() {
        StringBuilder yaml = new StringBuilder();
        rendered.forEach(object -> yaml.append(Yaml.write(object)));
        return yaml.toString();
    }

    static HasMetadata typed(ObjectNode node) {
        String id = node.path("apiVersion").asText() + " " + Kustomize.id(node);
        KubernetesResource resource;
        try {
            resource = STRICT.treeToValue(node, KubernetesResource.class);
        } catch (JsonMappingException e) {
            StringBuilder path = new StringBuilder();
            e.getPath().forEach(step -> path.append(step.getFieldName() != null ? "." + step.getFieldName()
                    : "[" + step.getIndex() + "]"));
            throw new InvalidManifest(id + " at " + path + ": " + e.getOriginalMessage(), e);
        } catch (Exception e) {
            throw new InvalidManifest(id + ": " + e.getMessage(), e);
        }
        if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata)) {
            throw new InvalidManifest(id + ": unknown kind (or a kind of another apiVersion)");
        }
        UnknownFields.refuse(resource, id);
        return (HasMetadata) resource;
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    List<HasMetadata> objects() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The object of that kind and name; a generated ConfigMap or Secret is found by its name before the hash. */
    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream().filter(object -> sameName(object.getMetadata().getName(), name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(kind.getSimpleName() + " " + name + " missing"));
    }

    static boolean sameName(String rendered, String name) {
        return rendered.equals(name) || rendered.length() == name.length() + 11 && rendered.startsWith(name)
                && GENERATED_SUFFIX.matcher(rendered.substring(name.length())).matches();
    }

    /** Whatever runs pods here, with its pod template. */
    record Workload(HasMetadata owner, PodTemplateSpec template) {

        String name() {
            return owner.getMetadata().getName();
        }

        String kind() {
            return owner.getKind();
        }

        Map<String, String> labels() {
            return template.getMetadata() == null || template.getMetadata().getLabels() == null ? Map.of()
                    : template.getMetadata().getLabels();
        }
    }

    List<Workload> workloads() {
        return Stream.of(
                all(Deployment.class).stream().map(d -> new Workload(d, d.getSpec().getTemplate())),
                all(StatefulSet.class).stream().map(s -> new Workload(s, s.getSpec().getTemplate())),
                all(Job.class).stream().map(j -> new Workload(j, j.getSpec().getTemplate())))
                .flatMap(s -> s).toList();
    }

    Workload workload(String name) {
        return workloads().stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no workload " + name));
    }

    /** The decoded data of a rendered ConfigMap or Secret. */
    Map<String, String> data(String kind, String name) {
        if (kind.equals("ConfigMap")) {
            return find(ConfigMap.class, name).map(ConfigMap::getData).orElse(null);
        }
        return find(Secret.class, name).map(secret -> {
            Map<String, String> decoded = new java.util.TreeMap<>();
            secret.getData().forEach((key, value) -> decoded.put(key,
                    new String(java.util.Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8)));
            return decoded;
        }).orElse(null);
    }
}
