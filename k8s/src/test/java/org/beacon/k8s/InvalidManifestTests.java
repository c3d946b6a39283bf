package org.beacon.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An invalid manifest fails the build: each test breaks the valid {@link Fixture} in one way and expects the
 * rendering or the check to refuse it, with a message that names the problem.
 */
class InvalidManifestTests {

    @TempDir
    Path directory;

    @Test
    void theUnbrokenFixtureIsValid() {
        Manifests manifests = new Fixture().check(directory);
        assertEquals(6, manifests.objects().size());
    }

    @Test
    void unparseableYaml() {
        refused(new Fixture().replace("app.yaml", "  name: app\nspec:", "  name: app\n spec: ["), "not valid YAML");
    }

    @Test
    void aKeyTwiceInOneMapping() {
        refused(new Fixture().replace("app.yaml", "          image: shop/app:1.0.0",
                "          image: shop/app:1.0.0\n          image: shop/app:2.0.0"), "Duplicate field");
    }

    @Test
    void anUnknownKind() {
        refused(new Fixture().replace("app.yaml", "kind: Deployment", "kind: Deploymnet"), "unknown kind");
        refused(new Fixture().replace("app.yaml", "apiVersion: apps/v1", "apiVersion: apps/v1beta9"), "unknown kind");
    }

    @Test
    void aMisspeltField() {
        refused(new Fixture().replace("app.yaml", "readinessProbe:", "readinesProbe:"), "unknown field(s) [readinesProbe]");
    }

    @Test
    void aValueOfTheWrongType() {
        refused(new Fixture().replace("app.yaml", "          env:\n", "          env:\n            - name: PORT\n"
                + "              value: 8080\n"), ".containers[0].env[0].value: Cannot coerce Integer");
        refused(new Fixture().replace("app.yaml", "containerPort: 8080", "containerPort: \"8080\""), ".ports[0].containerPort");
    }

    @Test
    void aMissingRequiredField() {
        refused(new Fixture().replace("app.yaml", "          image: shop/app:1.0.0\n", ""), "has no image");
        refused(new Fixture().replace("app.yaml", "metadata:\n  name: app\nspec:\n  selector:",
                "metadata:\n  labels: {}\nspec:\n  selector:"), "without metadata.name");
        refused(new Fixture().replace("app.yaml", "            pathType: Prefix\n", ""), "no pathType");
    }

    @Test
    void aReferenceToAConfigMapOrSecretThatIsNotThere() {
        refused(new Fixture().replace("app.yaml", "name: app-config", "name: app-settings"),
                "ConfigMap app-settings, which the overlay does not create");
        refused(new Fixture().replace("app.yaml", "name: app-secret", "name: app-secrets"),
                "Secret app-secrets, which the overlay does not create");
        refused(new Fixture().replace("app.yaml", "key: token", "key: tokn"), "reads key tokn of Secret app-secret");
    }

    @Test
    void aReferenceToAServiceOrPortThatIsNotThere() {
        refused(new Fixture().replace("app.yaml", "                name: app\n                port:",
                "                name: shop\n                port:"), "Service shop, which does not exist");
        refused(new Fixture().replace("app.yaml", "                  name: http\n",
                "                  name: https\n"), "a port that Service app does not have");
        refused(new Fixture().replace("app.yaml", "    app: app\n  ports:", "    app: shop\n  ports:"),
                "matches no pod template");
        refused(new Fixture().replace("app.yaml", "  targetPort: http", "  targetPort: web"), "targetPort web");
        refused(new Fixture().replace("app.yaml", "port: http\n", "port: web\n"), "probes port web");
    }

    @Test
    void aSecretFromOutsideIsAllowedOnlyWhereTheOverlaySaysSo() {
        Fixture fixture = new Fixture().replace("kustomization.yaml",
                "secretGenerator:\n  - name: app-secret\n    literals:\n      - token=s3cret\n", "");
        refused(fixture, "Secret app-secret, which the overlay does not create");
        Manifests manifests = Manifests.render(fixture.writeTo(directory.resolve("external")));
        assertEquals(Map.of("app-secret", Set.of("token")), ManifestCheck.validate(manifests, true));
    }

    @Test
    void aFileOutsideTheKustomizationDirectory() {
        refused(new Fixture().replace("kustomization.yaml", "      - GREETING=hello", "      - GREETING=hello\n"
                + "    files:\n      - ../outside.txt"), "LoadRestrictionsNone");
    }

    @Test
    void aKustomizeFeatureOutsideTheCheckedSubset() {
        refused(new Fixture().replace("kustomization.yaml", "namespace: shop", "namespace: shop\ncommonLabels:\n"
                + "  team: shop"), "'commonLabels' is outside the kustomize subset");
    }

    @Test
    void aPatchThatMatchesNothing() {
        refused(new Fixture()
                .replace("kustomization.yaml", "namespace: shop", "namespace: shop\npatches:\n  - path: patch.yaml")
                .with("patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ap\nspec:\n"
                        + "  replicas: 2\n"), "the patch matches no resource");
    }

    private void refused(Fixture fixture, String expected) {
        Path attempt = directory.resolve("attempt-" + System.nanoTime());
        InvalidManifest refusal = assertThrows(InvalidManifest.class, () -> fixture.check(attempt));
        assertTrue(refusal.getMessage().contains(expected), () -> "expected '" + expected + "' in: "
                + refusal.getMessage());
    }
}
