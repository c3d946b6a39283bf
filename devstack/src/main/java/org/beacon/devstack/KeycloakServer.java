package org.beacon.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.beacon.testing.FreePort;

/**
 * The real Keycloak server from the distribution on Maven Central, unpacked into the stack's home and built once
 * for its file database so that later starts take seconds. Its data stays in the home directory, so the realm is
 * imported on the first start only.
 */
final class KeycloakServer {

    static final String VERSION = "26.4.7";
    private static final String HEAP = "-Xms64m -Xmx512m";

    /**
     * How long Keycloak may take to stop on SIGTERM before it is killed. Its users, sessions and realm live in an H2
     * file (dev-file) that it writes until it has stopped: killed in the middle (the stack's 20 s for the other
     * parts, reached on a machine under load), the file could not be read at the next start. Keycloak stops in a
     * few seconds on a quiet machine; the grace only matters when it is slow, and then waiting is what keeps the
     * data.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(Long.getLong("beacon.keycloak.stop-seconds", 180));

    private KeycloakServer() {
    }

    static Path distribution() {
        String configured = System.getProperty("beacon.keycloak.zip", System.getenv("BEACON_KEYCLOAK_ZIP"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
                "keycloak-quarkus-dist", VERSION, "keycloak-quarkus-dist-" + VERSION + ".zip");
    }

    /** Keycloak's process and the class archive it starts from (see {@link ClassArchive}). */
    record Started(ChildProcess process, ClassArchive classes) {
    }

    static Started start(StackSettings settings, Map<String, String> realmVariables, Consumer<String> console) {
        Path server = install(settings.home());
        RealmFile.write(settings.repository(), true, server.resolve("data/import/beacon-realm.json"));
        Map<String, String> environment = new java.util.HashMap<>(realmVariables);
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", realmVariables.get("KEYCLOAK_ADMIN_SECRET"));
        environment.put("JAVA_OPTS_KC_HEAP", HEAP);
        // Keycloak is the longest part of a start; its classes come from the same distribution every time.
        ClassArchive classes = settings.classArchive("keycloak", List.of(HEAP),
                List.of(server.resolve("lib"), server.resolve(".beacon-built")));
        environment.put("JAVA_OPTS_APPEND", String.join(" ", classes.jvmOptions()));
        return new Started(ChildProcess.supervise("keycloak", List.of(server.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--hostname-strict=false", "--http-host=127.0.0.1",
                "--http-port=" + settings.keycloakPort(),
                // Health lives on the management port; a free one lets several stacks run side by side.
                "--http-management-port=" + FreePort.find(),
                // One node: a local cache keeps Keycloak from opening its cluster transport (JGroups listens on
                // every interface, on fixed ports), which a single node has no use for.
                "--cache=local", "--import-realm"),
                environment, server, settings.logs().resolve("keycloak.log"), console, classes.stopGrace(STOP_GRACE)), classes);
    }

    private static Path install(Path home) {
        Path server = home.resolve("keycloak-" + VERSION);
        Path built = server.resolve(".beacon-built");
        if (Files.exists(built)) {
            return server;
        }
        unzip(distribution(), home);
        server.resolve("bin/kc.sh").toFile().setExecutable(true);
        Path buildLog = home.resolve("logs/keycloak-build.log");
        try {
            Process build = ChildProcess.launch(List.of(server.resolve("bin/kc.sh").toString(), "build",
                    "--db=dev-file", "--health-enabled=true"), Map.of(), server, buildLog, false);
            if (build.waitFor() != 0) {
                throw new IllegalStateException("Keycloak build failed; see " + buildLog);
            }
            Files.createFile(built);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return server;
    }

    private static void unzip(Path zip, Path target) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip + "; run the build once");
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IllegalStateException("Unexpected entry " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy((InputStream) in, file, StandardCopyOption.REPLACE_EXISTING);
                    if (file.toString().endsWith(".sh")) {
                        file.toFile().setExecutable(true);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
