package org.beacon.k8s;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * fabric8's model keeps a field it does not know in each object's additionalProperties instead of failing; a
 * misspelt field ({@code readinesProbe}) would so pass silently, and the API server would drop it. This walks the
 * parsed object and refuses any such field.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    static void refuse(Object object, String id) {
        walk(object, id);
    }

    private static void walk(Object value, String path) {
        if (value == null || value instanceof Quantity || value instanceof IntOrString) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]");
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> walk(item, path + "." + key));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(getter + " of " + path, e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    throw new InvalidManifest(path + ": unknown field(s) " + unknown.keySet());
                }
            } else {
                String name = getter.getName().replaceFirst("^(get|is)", "");
                walk(property, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1));
            }
        }
    }
}
