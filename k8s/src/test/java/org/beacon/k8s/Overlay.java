package org.beacon.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** The two overlays, each rendered and checked once per test run. */
enum Overlay {

    DEV("dev", false),
    PROD("prod", true);

    /** The three Beacon services, by their Deployment (and module) names. */
    static final Set<String> SERVICES = Set.of("gateway", "training-service", "campaign-service");

    private final String directory;
    private final boolean secretsMayBeExternal;
    private Manifests manifests;
    private Map<String, Set<String>> externalSecrets;

    Overlay(String directory, boolean secretsMayBeExternal) {
        this.directory = directory;
        this.secretsMayBeExternal = secretsMayBeExternal;
    }

    Path path() {
        return k8s().resolve("overlays").resolve(directory);
    }

    synchronized Manifests manifests() {
        if (manifests == null) {
            Manifests rendered = Manifests.render(path());
            writeForReview(rendered);
            externalSecrets = ManifestCheck.validate(rendered, secretsMayBeExternal);
            manifests = rendered;
        }
        return manifests;
    }

    /** target/rendered/<overlay>.yaml: what the build checked, to read or to diff with kubectl kustomize. */
    private void writeForReview(Manifests rendered) {
        try {
            Path file = k8s().resolve("target/rendered/" + directory + ".yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, rendered.yaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Secrets the overlay reads but does not create, with the keys read from each. */
    Map<String, Set<String>> externalSecrets() {
        manifests();
        return externalSecrets;
    }

    static Path repository() {
        String configured = System.getProperty("beacon.repository");
        Path root = configured != null && Files.isDirectory(Path.of(configured, "k8s")) ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    static Path k8s() {
        return repository().resolve("k8s");
    }
}
