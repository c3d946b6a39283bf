package org.beacon.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Class archives on a real JVM: written at a clean stop, mapped by the next start, never kept from a killed one. */
class ClassArchiveTests {

    @TempDir
    Path directory;

    private final Map<Process, Path> logs = new HashMap<>();

    @Test
    void aTestStackInAThrowAwayHomeNeitherWritesNorWaitsForAnArchive() throws Exception {
        Path build = build();
        ClassArchive forTests = StackSettings.forTests(directory, directory.resolve("home"))
                .classArchive("sleeper", List.of(), List.of(build));
        assertEquals(List.of(), forTests.jvmOptions(), "no archive options for a test stack");
        assertEquals(java.time.Duration.ofSeconds(20), forTests.stopGrace(java.time.Duration.ofSeconds(20)));
        Process plain = launch(forTests.jvmOptions());
        stop(plain);
        forTests.settle(plain);
        assertFalse(Files.exists(directory.resolve("home/class-archives")), "nothing written for a test stack");

        ClassArchive local = StackSettings.fromEnvironment(directory, Map.of("BEACON_HOME", directory.resolve("local").toString()))
                .classArchive("sleeper", List.of(), List.of(build));
        assertTrue(local.jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="), "the local stack writes one");
    }

    @Test
    void aCleanStopLeavesAnArchiveThatTheNextStartMaps() throws Exception {
        Path build = build();
        ClassArchive first = ClassArchive.of(directory.resolve("archives"), "sleeper", List.of(), List.of(build));
        Process writer = launch(first.jvmOptions());
        stop(writer);
        first.settle(writer);
        assertTrue(Files.isRegularFile(first.archive()), "kept after SIGTERM");

        ClassArchive next = ClassArchive.of(directory.resolve("archives"), "sleeper", List.of(), List.of(build));
        assertEquals("-XX:SharedArchiveFile=" + next.archive(), next.jvmOptions().get(0));
        Process reader = launch(next.jvmOptions());
        try {
            assertTrue(Files.readString(Path.of("/proc/" + reader.pid() + "/maps")).contains(next.archive().toString()),
                    "the second start maps the archive");
        } finally {
            stop(reader);
        }
        next.settle(reader);
        assertEquals(List.of(next.archive()), files(), "nothing else left beside the archive");
    }

    @Test
    void aKilledJvmLeavesNoArchive() throws Exception {
        ClassArchive archive = ClassArchive.of(directory.resolve("archives"), "sleeper", List.of(),
                List.of(build()));
        Process killed = launch(archive.jvmOptions());
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        archive.settle(killed);

        assertFalse(Files.exists(archive.archive()));
        assertEquals(List.of(), files(), "no half-written file either");
        assertTrue(archive.jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="), "the next start writes one");
    }

    @Test
    void aRebuildOrOtherOptionsNameAnotherArchiveAndTheOldOneGoes() throws Exception {
        Path build = build();
        ClassArchive before = ClassArchive.of(directory.resolve("archives"), "sleeper", List.of(), List.of(build));
        Process writer = launch(before.jvmOptions());
        stop(writer);
        before.settle(writer);
        assertTrue(Files.isRegularFile(before.archive()));

        ClassArchive otherOptions = ClassArchive.of(directory.resolve("archives"), "sleeper", List.of("-Xmx64m"),
                List.of(build));
        assertNotEquals(before.archive(), otherOptions.archive());
        Files.setLastModifiedTime(build.resolve("app.jar"), FileTime.fromMillis(0));
        ClassArchive rebuilt = ClassArchive.of(directory.resolve("archives"), "sleeper", List.of(), List.of(build));
        assertNotEquals(before.archive(), rebuilt.archive());

        Process next = launch(rebuilt.jvmOptions());
        stop(next);
        rebuilt.settle(next);
        assertEquals(List.of(rebuilt.archive()), files(), "the archive of the old build is deleted");
    }

    /** An application's build: a jar holding the sleeper (class archives take classes from jars only). */
    private Path build() throws Exception {
        Path build = Files.createDirectories(directory.resolve("build"));
        String name = ArchivedSleeper.class.getName().replace('.', '/') + ".class";
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(build.resolve("app.jar")));
                var in = ArchivedSleeper.class.getClassLoader().getResourceAsStream(name)) {
            jar.putNextEntry(new java.util.jar.JarEntry(name));
            in.transferTo(jar);
        }
        return build;
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(directory.resolve("archives"))) {
            return files.sorted().toList();
        }
    }

    private Process launch(List<String> archiveOptions) throws Exception {
        Path classes = directory.resolve("build/app.jar");
        List<String> command = new ArrayList<>(List.of(Stack.javaExecutable()));
        command.addAll(archiveOptions);
        command.addAll(List.of("-cp", classes.toString(), ArchivedSleeper.class.getName()));
        Path log = directory.resolve("sleeper-" + System.nanoTime() + ".log");
        Process process = ChildProcess.launch(command, Map.of(), directory, log, false);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains(ArchivedSleeper.READY)) {
            assertTrue(process.isAlive(), () -> "the JVM ended: " + read(log));
            assertTrue(System.nanoTime() < until, "not ready in 60 s");
            Thread.sleep(50);
        }
        logs.put(process, log);
        return process;
    }

    private void stop(Process process) throws Exception {
        ChildProcess.terminate(process);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped on SIGTERM");
        assertEquals(143, process.exitValue(), () -> read(logs.get(process)));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
