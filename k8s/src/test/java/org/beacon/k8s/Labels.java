package org.beacon.k8s;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

/** Kubernetes label selectors, as the API server evaluates them. */
final class Labels {

    private Labels() {
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> safeLabels = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null && !matches(selector.getMatchLabels(), safeLabels)) {
            return false;
        }
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions() == null ? List.of()
                : selector.getMatchExpressions();
        for (LabelSelectorRequirement requirement : expressions) {
            String value = safeLabels.get(requirement.getKey());
            boolean satisfied = switch (requirement.getOperator()) {
                case "In" -> value != null && requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new InvalidManifest("unknown selector operator " + requirement.getOperator());
            };
            if (!satisfied) {
                return false;
            }
        }
        return true;
    }

    static boolean isEmpty(LabelSelector selector) {
        return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    static String describe(LabelSelector selector) {
        return (selector.getMatchLabels() == null ? "" : selector.getMatchLabels().toString())
                + (selector.getMatchExpressions() == null ? "" : selector.getMatchExpressions().stream()
                        .map(r -> r.getKey() + " " + r.getOperator() + " " + r.getValues()).toList());
    }
}
