package org.beacon.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The renderer does what kustomize does for the subset: an overlay on the {@link Fixture} as its base. */
class KustomizeTests {

    private static final String OVERLAY = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: shop
            resources:
              - ../base
            replicas:
              - name: app
                count: 3
            images:
              - name: shop/app
                newTag: 2.0.0
            patches:
              - path: more-logging.yaml
              - path: limits.yaml
                target:
                  kind: Deployment
                  labelSelector: tier=web
            configMapGenerator:
              - name: app-config
                behavior: merge
                literals:
                  - FAREWELL=%s
            """;

    private static final String MORE_LOGGING = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      args: ["serve", "--verbose"]
                      env:
                        - name: LOG_LEVEL
                          value: debug
            """;

    private static final String LIMITS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: any-web-deployment
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      resources:
                        limits:
                          memory: 128Mi
            """;

    @TempDir
    Path directory;

    @Test
    void anOverlayPatchesScalesRetagsAndMergesIntoItsBase() {
        Deployment app = render("bye").get(Deployment.class, "app");
        Container container = app.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(3, app.getSpec().getReplicas());
        assertEquals("shop/app:2.0.0", container.getImage());
        assertEquals(List.of("serve", "--verbose"), container.getArgs(), "a list without merge key is replaced");
        assertEquals(List.of("TOKEN", "LOG_LEVEL"), container.getEnv().stream().map(EnvVar::getName).toList(),
                "env merges by name");
        assertEquals("128Mi", container.getResources().getLimits().get("memory").toString(),
                "a patch with a target applies whatever the patch's own name");
        assertEquals("shop", app.getMetadata().getNamespace());
    }

    @Test
    void aGeneratedConfigMapIsNamedAfterItsContentAndReferencesFollow() {
        Manifests first = render("bye");
        ConfigMap config = first.get(ConfigMap.class, "app-config");
        assertEquals(Map.of("GREETING", "hello", "FAREWELL", "bye"), config.getData());
        assertTrue(config.getMetadata().getName().matches("app-config-[0-9a-f]{10}"));
        assertEquals(config.getMetadata().getName(), first.get(Deployment.class, "app").getSpec().getTemplate()
                .getSpec().getContainers().get(0).getEnvFrom().get(0).getConfigMapRef().getName());

        String changed = render("goodbye").get(ConfigMap.class, "app-config").getMetadata().getName();
        assertNotEquals(config.getMetadata().getName(), changed, "a changed value rolls the pods");
    }

    private Manifests render(String farewell) {
        Path attempt = directory.resolve(farewell);
        new Fixture().replace("app.yaml", "metadata:\n  name: app\nspec:\n  selector:",
                "metadata:\n  name: app\n  labels:\n    tier: web\nspec:\n  selector:").writeTo(attempt.resolve("base"));
        Fixture.blank().with("kustomization.yaml", OVERLAY.formatted(farewell))
                .with("more-logging.yaml", MORE_LOGGING).with("limits.yaml", LIMITS)
                .writeTo(attempt.resolve("overlay"));
        Manifests manifests = Manifests.render(attempt.resolve("overlay"));
        ManifestCheck.validate(manifests, false);
        return manifests;
    }
}
