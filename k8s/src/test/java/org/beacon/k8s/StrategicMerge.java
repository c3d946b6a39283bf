package org.beacon.k8s;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Kubernetes' strategic merge patch for the fields k8s/ patches: maps merge key by key, a null removes a key, lists
 * of named things (containers, env, volumes, mounts, ports) merge item by item on their merge key, and any other list
 * is replaced as a whole, as the API's patch strategy for that field says.
 */
final class StrategicMerge {

    private StrategicMerge() {
    }

    static void apply(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode current = target.get(name);
            if (name.startsWith("$")) {
                throw new InvalidManifest("patch directive " + name + " is outside the supported subset");
            } else if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && current != null && current.isObject()) {
                apply((ObjectNode) current, (ObjectNode) value);
            } else if (value.isArray() && current != null && current.isArray() && mergeKey(name, value) != null) {
                mergeList((ArrayNode) current, (ArrayNode) value, mergeKey(name, value));
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    /** The patchMergeKey of the Kubernetes API for the list fields that have one, as far as k8s/ uses them. */
    private static String mergeKey(String field, JsonNode items) {
        return switch (field) {
            case "containers", "initContainers", "env", "volumes", "imagePullSecrets" -> "name";
            case "volumeMounts" -> "mountPath";
            // Container ports merge on containerPort, Service ports on port.
            case "ports" -> items.size() > 0 && items.get(0).has("containerPort") ? "containerPort" : "port";
            default -> null;
        };
    }

    private static void mergeList(ArrayNode current, ArrayNode patch, String key) {
        for (JsonNode item : patch) {
            JsonNode id = item.get(key);
            if (id == null) {
                throw new InvalidManifest("patch list item without its merge key " + key + ": " + item);
            }
            ObjectNode existing = null;
            for (JsonNode candidate : current) {
                if (id.equals(candidate.get(key))) {
                    existing = (ObjectNode) candidate;
                }
            }
            if (existing == null) {
                current.add(item.deepCopy());
            } else {
                apply(existing, (ObjectNode) item);
            }
        }
    }
}
