package org.beacon.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small, valid kustomization (a namespace, a Deployment reading a generated ConfigMap and Secret, its Service and
 * an Ingress), written to a temporary directory with one change, to show what the build refuses.
 */
final class Fixture {

    static final String KUSTOMIZATION = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: shop
            resources:
              - namespace.yaml
              - app.yaml
            configMapGenerator:
              - name: app-config
                literals:
                  - GREETING=hello
            secretGenerator:
              - name: app-secret
                literals:
                  - token=s3cret
            """;

    static final String NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            """;

    static final String APP = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
            spec:
              selector:
                matchLabels:
                  app: app
              template:
                metadata:
                  labels:
                    app: app
                spec:
                  containers:
                    - name: app
                      image: shop/app:1.0.0
                      args: ["serve"]
                      envFrom:
                        - configMapRef:
                            name: app-config
                      env:
                        - name: TOKEN
                          valueFrom:
                            secretKeyRef:
                              name: app-secret
                              key: token
                      ports:
                        - name: http
                          containerPort: 8080
                      readinessProbe:
                        httpGet:
                          path: /ready
                          port: http
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: app
            spec:
              selector:
                app: app
              ports:
                - name: http
                  port: 80
                  targetPort: http
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: app
            spec:
              rules:
                - http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: app
                            port:
                              name: http
            """;

    private final Map<String, String> files = new LinkedHashMap<>();

    Fixture() {
        files.put("kustomization.yaml", KUSTOMIZATION);
        files.put("namespace.yaml", NAMESPACE);
        files.put("app.yaml", APP);
    }

    /** No files yet: an overlay written file by file. */
    static Fixture blank() {
        Fixture fixture = new Fixture();
        fixture.files.clear();
        return fixture;
    }

    /** The fixture with text replaced in one file; the text must be there, so a fixture never tests nothing. */
    Fixture replace(String file, String text, String replacement) {
        String content = files.get(file);
        if (content == null || !content.contains(text)) {
            throw new IllegalArgumentException(file + " does not contain " + text);
        }
        files.put(file, content.replace(text, replacement));
        return this;
    }

    Fixture with(String file, String content) {
        files.put(file, content);
        return this;
    }

    Path writeTo(Path directory) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = directory.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** Rendered and checked as an overlay is, with no Secret allowed to come from outside. */
    Manifests check(Path directory) {
        Manifests manifests = Manifests.render(writeTo(directory));
        ManifestCheck.validate(manifests, false);
        return manifests;
    }
}
