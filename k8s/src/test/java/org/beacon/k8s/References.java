package org.beacon.k8s;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The fields of a pod spec that name a ConfigMap or a Secret, renamed when a generator's name gets its hash. */
final class References {

    private References() {
    }

    static void rename(ObjectNode podSpec, Map<String, String> renamed) {
        for (JsonNode volume : podSpec.path("volumes")) {
            rename(volume.path("configMap"), "name", "ConfigMap", renamed);
            rename(volume.path("secret"), "secretName", "Secret", renamed);
            for (JsonNode source : volume.path("projected").path("sources")) {
                rename(source.path("configMap"), "name", "ConfigMap", renamed);
                rename(source.path("secret"), "name", "Secret", renamed);
            }
        }
        Kustomize.eachContainer(podSpec, container -> {
            for (JsonNode source : container.path("envFrom")) {
                rename(source.path("configMapRef"), "name", "ConfigMap", renamed);
                rename(source.path("secretRef"), "name", "Secret", renamed);
            }
            for (JsonNode variable : container.path("env")) {
                rename(variable.path("valueFrom").path("configMapKeyRef"), "name", "ConfigMap", renamed);
                rename(variable.path("valueFrom").path("secretKeyRef"), "name", "Secret", renamed);
            }
        });
    }

    private static void rename(JsonNode holder, String field, String kind, Map<String, String> renamed) {
        if (holder.isObject() && holder.path(field).isTextual()) {
            String suffixed = renamed.get(kind + "/" + holder.get(field).asText());
            if (suffixed != null) {
                ((ObjectNode) holder).put(field, suffixed);
            }
        }
    }
}
