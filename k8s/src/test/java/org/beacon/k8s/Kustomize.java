package org.beacon.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of kustomize that k8s/ uses (Kustomize
 * is not packaged for this machine). Anything outside the subset is refused rather than ignored, so a manifest can
 * never rely on a feature that the build does not check:
 * <ul>
 * <li>{@code resources}: YAML files (one or more documents) inside the kustomization's directory, and other
 * kustomization directories anywhere (bases);</li>
 * <li>{@code namespace};</li>
 * <li>{@code configMapGenerator} and {@code secretGenerator} with {@code literals} and {@code files} (inside the
 * directory), {@code behavior} create, merge or replace; generated names get a content hash suffix and every
 * reference to them follows;</li>
 * <li>{@code patches} with {@code path}, strategic merge only, matched by kind and name or by a {@code target} of
 * kind, name and label selector;</li>
 * <li>{@code images} with {@code newTag} and {@code newName};</li>
 * <li>{@code replicas}.</li>
 * </ul>
 */
final class Kustomize {

    private static final Set<String> KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "namespace", "resources",
            "patches", "images", "replicas", "configMapGenerator", "secretGenerator");
    private static final Set<String> GENERATOR_FIELDS = Set.of("name", "behavior", "literals", "files", "type");
    private static final Set<String> PATCH_FIELDS = Set.of("path", "target");
    private static final Set<String> TARGET_FIELDS = Set.of("kind", "name", "labelSelector");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    private Kustomize() {
    }

    /** The rendered objects of the kustomization in {@code directory}, in kustomize's order. */
    static List<ObjectNode> build(Path directory) {
        Accumulation result = render(directory.toAbsolutePath().normalize(), new LinkedHashSet<>());
        suffixGeneratedNames(result);
        return result.resources;
    }

    /** The objects so far, and which ConfigMaps and Secrets a generator made (they get a hash suffix at the end). */
    private record Accumulation(List<ObjectNode> resources, Set<String> generated) {
    }

    private static Accumulation render(Path directory, Set<Path> visiting) {
        if (!visiting.add(directory)) {
            throw new InvalidManifest(directory + ": kustomization includes itself");
        }
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new InvalidManifest(directory + ": no kustomization.yaml");
        }
        List<JsonNode> documents = Yaml.documents(file);
        if (documents.size() != 1 || !documents.get(0).isObject()) {
            throw new InvalidManifest(file + ": expected one mapping");
        }
        ObjectNode kustomization = (ObjectNode) documents.get(0);
        requireOnly(kustomization, KUSTOMIZATION_FIELDS, file + "");
        if (!"Kustomization".equals(kustomization.path("kind").asText())) {
            throw new InvalidManifest(file + ": kind must be Kustomization");
        }

        Accumulation accumulation = new Accumulation(new ArrayList<>(), new LinkedHashSet<>());
        for (JsonNode entry : list(kustomization, "resources", file)) {
            Path resource = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(resource)) {
                Accumulation base = render(resource, visiting);
                base.resources.forEach(object -> add(accumulation.resources, object, resource));
                accumulation.generated.addAll(base.generated);
            } else {
                requireInside(directory, resource, file);
                for (JsonNode document : Yaml.documents(resource)) {
                    add(accumulation.resources, requireObject(document, resource), resource);
                }
            }
        }
        generate(kustomization, "configMapGenerator", "ConfigMap", directory, file, accumulation);
        generate(kustomization, "secretGenerator", "Secret", directory, file, accumulation);
        if (kustomization.has("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            accumulation.resources.stream().filter(object -> !CLUSTER_SCOPED.contains(object.path("kind").asText()))
                    .forEach(object -> ((ObjectNode) object.get("metadata")).put("namespace", namespace));
        }
        for (JsonNode patch : list(kustomization, "patches", file)) {
            applyPatch(patch, directory, file, accumulation.resources);
        }
        for (JsonNode image : list(kustomization, "images", file)) {
            setImage(image, file, accumulation.resources);
        }
        for (JsonNode replicas : list(kustomization, "replicas", file)) {
            setReplicas(replicas, file, accumulation.resources);
        }
        visiting.remove(directory);
        return accumulation;
    }

    private static void add(List<ObjectNode> resources, ObjectNode object, Path source) {
        String id = id(object);
        if (resources.stream().anyMatch(existing -> id(existing).equals(id))) {
            throw new InvalidManifest(source + ": " + id + " is defined twice");
        }
        resources.add(object);
    }

    private static ObjectNode requireObject(JsonNode document, Path source) {
        if (!document.isObject()) {
            throw new InvalidManifest(source + ": a document is not a mapping");
        }
        for (String field : List.of("apiVersion", "kind")) {
            if (!document.path(field).isTextual() || document.get(field).asText().isBlank()) {
                throw new InvalidManifest(source + ": a document has no " + field);
            }
        }
        if (!document.path("metadata").path("name").isTextual()) {
            throw new InvalidManifest(source + ": " + document.get("kind").asText() + " without metadata.name");
        }
        return (ObjectNode) document;
    }

    // Generators ------------------------------------------------------------------------------------------------

    private static void generate(ObjectNode kustomization, String field, String kind, Path directory, Path file,
            Accumulation accumulation) {
        for (JsonNode generator : list(kustomization, field, file)) {
            requireOnly(generator, GENERATOR_FIELDS, file + " " + field);
            String name = generator.path("name").asText();
            if (name.isEmpty()) {
                throw new InvalidManifest(file + ": " + field + " entry without name");
            }
            Map<String, String> data = new TreeMap<>();
            for (JsonNode literal : list(generator, "literals", file)) {
                String text = literal.asText();
                int equals = text.indexOf('=');
                if (equals <= 0) {
                    throw new InvalidManifest(file + ": literal '" + text + "' of " + name + " is not key=value");
                }
                putOnce(data, text.substring(0, equals), text.substring(equals + 1), name, file);
            }
            for (JsonNode source : list(generator, "files", file)) {
                String text = source.asText();
                int equals = text.indexOf('=');
                Path path = directory.resolve(equals < 0 ? text : text.substring(equals + 1)).normalize();
                requireInside(directory, path, file);
                String key = equals < 0 ? path.getFileName().toString() : text.substring(0, equals);
                putOnce(data, key, read(path), name, file);
            }
            String behavior = generator.path("behavior").asText("create");
            ObjectNode existing = find(accumulation.resources, kind, name);
            switch (behavior) {
                case "create" -> {
                    if (existing != null) {
                        throw new InvalidManifest(file + ": " + kind + " " + name + " exists; use behavior merge");
                    }
                    accumulation.resources.add(generated(kind, name, generator.path("type").asText(null), data));
                    accumulation.generated.add(kind + "/" + name);
                }
                case "merge", "replace" -> {
                    if (existing == null || !accumulation.generated.contains(kind + "/" + name)) {
                        throw new InvalidManifest(file + ": " + behavior + " of " + kind + " " + name
                                + ", which no base generates");
                    }
                    ObjectNode target = behavior.equals("replace") ? existing.putObject("data")
                            : existing.withObjectProperty("data");
                    data.forEach((key, value) -> target.put(key, encode(kind, value)));
                }
                default -> throw new InvalidManifest(file + ": unknown generator behavior " + behavior);
            }
        }
    }

    private static void putOnce(Map<String, String> data, String key, String value, String name, Path file) {
        if (data.put(key, value) != null) {
            throw new InvalidManifest(file + ": key " + key + " twice in " + name);
        }
    }

    private static ObjectNode generated(String kind, String name, String type, Map<String, String> data) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("apiVersion", "v1");
        object.put("kind", kind);
        object.putObject("metadata").put("name", name);
        if (type != null) {
            object.put("type", type);
        }
        ObjectNode values = object.putObject("data");
        data.forEach((key, value) -> values.put(key, encode(kind, value)));
        return object;
    }

    private static String encode(String kind, String value) {
        return kind.equals("Secret") ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                : value;
    }

    /**
     * Like kustomize, a generated ConfigMap or Secret is named after its content, so that a changed value rolls the
     * pods that use it; every reference is renamed with it.
     */
    private static void suffixGeneratedNames(Accumulation accumulation) {
        Map<String, String> renamed = new HashMap<>();
        for (ObjectNode object : accumulation.resources) {
            String kind = object.path("kind").asText();
            String name = object.path("metadata").path("name").asText();
            if (accumulation.generated.contains(kind + "/" + name)) {
                String suffixed = name + "-" + contentHash(object);
                ((ObjectNode) object.get("metadata")).put("name", suffixed);
                renamed.put(kind + "/" + name, suffixed);
            }
        }
        for (ObjectNode object : accumulation.resources) {
            for (ObjectNode pod : Workloads.podSpecs(object)) {
                References.rename(pod, renamed);
            }
        }
    }

    private static String contentHash(ObjectNode object) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Yaml.canonical(object).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // Transformers ----------------------------------------------------------------------------------------------

    private static void applyPatch(JsonNode entry, Path directory, Path file, List<ObjectNode> resources) {
        requireOnly(entry, PATCH_FIELDS, file + " patches");
        if (!entry.has("path")) {
            throw new InvalidManifest(file + ": only patches from a file (path) are supported");
        }
        Path path = directory.resolve(entry.get("path").asText()).normalize();
        requireInside(directory, path, file);
        List<JsonNode> documents = Yaml.documents(path);
        if (documents.size() != 1 || !documents.get(0).isObject()) {
            throw new InvalidManifest(path + ": a patch is one strategic merge patch (JSON 6902 is not supported)");
        }
        ObjectNode patch = requireObject(documents.get(0), path);
        List<ObjectNode> targets = new ArrayList<>();
        if (entry.has("target")) {
            JsonNode target = entry.get("target");
            requireOnly(target, TARGET_FIELDS, file + " patch target");
            for (ObjectNode object : resources) {
                if (matches(object, target)) {
                    targets.add(object);
                }
            }
        } else {
            ObjectNode object = find(resources, patch.get("kind").asText(), patch.get("metadata").get("name").asText());
            if (object != null) {
                targets.add(object);
            }
        }
        if (targets.isEmpty()) {
            throw new InvalidManifest(path + ": the patch matches no resource");
        }
        for (ObjectNode target : targets) {
            if (!target.get("kind").equals(patch.get("kind"))) {
                throw new InvalidManifest(path + ": a " + patch.get("kind").asText() + " patch selects "
                        + id(target));
            }
            ObjectNode body = patch.deepCopy();
            ObjectNode metadata = (ObjectNode) body.get("metadata");
            metadata.put("name", target.get("metadata").get("name").asText());
            metadata.remove("namespace");
            StrategicMerge.apply(target, body);
        }
    }

    private static boolean matches(ObjectNode object, JsonNode target) {
        if (target.has("kind") && !target.get("kind").asText().equals(object.path("kind").asText())) {
            return false;
        }
        if (target.has("name")
                && !target.get("name").asText().equals(object.path("metadata").path("name").asText())) {
            return false;
        }
        if (target.has("labelSelector")) {
            JsonNode labels = object.path("metadata").path("labels");
            for (String requirement : target.get("labelSelector").asText().split(",")) {
                String[] pair = requirement.trim().split("=", 2);
                if (pair.length != 2) {
                    throw new InvalidManifest("label selector '" + requirement + "': only key=value is supported");
                }
                if (!pair[1].equals(labels.path(pair[0]).asText(null))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void setImage(JsonNode entry, Path file, List<ObjectNode> resources) {
        requireOnly(entry, Set.of("name", "newName", "newTag"), file + " images");
        String name = entry.path("name").asText();
        boolean[] used = { false };
        for (ObjectNode object : resources) {
            for (ObjectNode pod : Workloads.podSpecs(object)) {
                eachContainer(pod, container -> {
                    String image = container.path("image").asText();
                    if (ImageReference.repository(image).equals(name)) {
                        String repository = entry.path("newName").asText(name);
                        String tag = entry.path("newTag").asText(ImageReference.tag(image));
                        container.put("image", tag == null ? repository : repository + ":" + tag);
                        used[0] = true;
                    }
                });
            }
        }
        if (!used[0]) {
            throw new InvalidManifest(file + ": image " + name + " is used by no container");
        }
    }

    private static void setReplicas(JsonNode entry, Path file, List<ObjectNode> resources) {
        requireOnly(entry, Set.of("name", "count"), file + " replicas");
        String name = entry.path("name").asText();
        if (!entry.path("count").isInt()) {
            throw new InvalidManifest(file + ": replicas of " + name + " without an integer count");
        }
        ObjectNode workload = resources.stream()
                .filter(object -> Set.of("Deployment", "StatefulSet").contains(object.path("kind").asText()))
                .filter(object -> name.equals(object.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new InvalidManifest(file + ": replicas for " + name + ", which does not exist"));
        workload.withObjectProperty("spec").put("replicas", entry.get("count").asInt());
    }

    static void eachContainer(ObjectNode podSpec, Consumer<ObjectNode> action) {
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode container : podSpec.path(list)) {
                action.accept((ObjectNode) container);
            }
        }
    }

    // Helpers ---------------------------------------------------------------------------------------------------

    static String id(JsonNode object) {
        return object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
    }

    private static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
        return resources.stream()
                .filter(object -> kind.equals(object.path("kind").asText()))
                .filter(object -> name.equals(object.path("metadata").path("name").asText()))
                .findFirst().orElse(null);
    }

    private static Iterable<JsonNode> list(JsonNode node, String field, Path file) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidManifest(file + ": " + field + " must be a list");
        }
        return (ArrayNode) value;
    }

    private static void requireOnly(JsonNode node, Set<String> allowed, String where) {
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw new InvalidManifest(where + ": '" + field
                        + "' is outside the kustomize subset that the build checks (k8s/README.md)");
            }
        });
    }

    /** Kustomize's load restrictor: a file must lie inside the kustomization's own directory. */
    private static void requireInside(Path directory, Path file, Path kustomization) {
        if (!file.startsWith(directory)) {
            throw new InvalidManifest(kustomization + ": " + file + " is outside " + directory
                    + " (kustomize refuses it without --load-restrictor LoadRestrictionsNone)");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidManifest(kustomization + ": " + file + " does not exist");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
