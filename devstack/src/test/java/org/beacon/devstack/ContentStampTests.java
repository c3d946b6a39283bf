package org.beacon.devstack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A later start imports the content again only when the content or the services that store it changed. */
class ContentStampTests {

    @TempDir
    Path directory;

    private Path content;
    private Path service;
    private Path stampFile;

    @BeforeEach
    void contentAndBuild() throws Exception {
        content = Files.createDirectories(directory.resolve("content/courses/first-contact"));
        Files.writeString(content.resolve("course.yaml"), "title: First contact\n");
        content = directory.resolve("content");
        service = Files.createDirectories(directory.resolve("campaign-service/quarkus-app"));
        Files.writeString(service.resolve("quarkus-run.jar"), "build 1");
        stampFile = directory.resolve("home/content-imported");
        Files.createDirectories(stampFile.getParent());
    }

    private ContentStamp stamp() {
        return ContentStamp.of(stampFile, content, List.of(service));
    }

    @Test
    void aHomeWithoutAnImportImportsAndTheNextStartOfTheSameContentDoesNot() {
        assertFalse(stamp().imported(), "a fresh home imports");
        stamp().record();
        assertTrue(stamp().imported(), "the same content into the same services is not imported again");
    }

    @Test
    void aChangedFileOfTheContentIsImported() throws Exception {
        stamp().record();
        Files.writeString(content.resolve("courses/first-contact/course.yaml"), "title: First contact, revised\n");
        assertFalse(stamp().imported());
    }

    @Test
    void aNewFileOfTheContentIsImported() throws Exception {
        stamp().record();
        Files.writeString(content.resolve("courses/first-contact/lesson-2.md"), "# Second lesson\n");
        assertFalse(stamp().imported());
    }

    @Test
    void aRebuiltServiceGetsTheContentAgain() throws Exception {
        stamp().record();
        Path jar = service.resolve("quarkus-run.jar");
        Files.writeString(jar, "build 2");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertFalse(stamp().imported(), "a new build may store content differently");
    }
}
