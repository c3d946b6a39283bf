package org.beacon.k8s;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where a rendered object keeps its pod spec, if it runs pods. */
final class Workloads {

    private Workloads() {
    }

    static List<ObjectNode> podSpecs(JsonNode object) {
        JsonNode spec = switch (object.path("kind").asText()) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" ->
                object.path("spec").path("template").path("spec");
            case "CronJob" -> object.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
            case "Pod" -> object.path("spec");
            default -> null;
        };
        return spec != null && spec.isObject() ? List.of((ObjectNode) spec) : List.of();
    }
}
