package org.beacon.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Class data sharing for one JVM of the stack: the classes a run loaded, archived when it stops, are mapped ready-made
 * by the next start instead of being read, parsed and verified again — most of what the services spend their start
 * on (bench/memory/README.md: a third less). JDK 17 has no automatic archive, so the first run of a build writes one
 * at exit ({@code -XX:ArchiveClassesAtExit}) and later runs of the same build use it ({@code -XX:SharedArchiveFile}).
 * <p>
 * The archive is named after everything it depends on (the JVM, its options, the application's files and their
 * times), so a rebuild or another JDK starts a new one, and the older archives of the same part are deleted. A JVM
 * killed while writing leaves a truncated file that would crash the next start (SIGBUS in the JVM's mapping), so
 * the archive is written under a name of its own and kept only when that JVM ended on its own or on the stop signal.
 */
final class ClassArchive {

    /** Exit statuses of a JVM that ran its exit sequence (which writes the archive): normal, SIGINT, SIGTERM. */
    private static final Set<Integer> CLEAN_EXITS = Set.of(0, 130, 143);
    private static final String SUFFIX = ".jsa";
    private static final Duration WRITING_GRACE = Duration.ofSeconds(120);
    /**
     * Writing an archive warns once for each class it leaves out (thousands: generated accessors, classes never
     * linked); only errors belong in the part's log.
     */
    private static final String QUIET = "-Xlog:cds*=error";

    private final Path directory;
    private final String part;
    private final Path archive;
    private final Path writing;

    /** No archive: the JVM starts and stops as it would without class data sharing. */
    private static final ClassArchive NONE = new ClassArchive();

    private ClassArchive() {
        this.directory = null;
        this.part = null;
        this.archive = null;
        this.writing = null;
    }

    static ClassArchive none() {
        return NONE;
    }

    private ClassArchive(Path directory, String part, String key) {
        this.directory = directory;
        this.part = part;
        this.archive = directory.resolve(part + "-" + key + SUFFIX);
        this.writing = directory.resolve(part + "-" + key + "-" + UUID.randomUUID() + ".writing");
    }

    /**
     * The archive of {@code part} run with {@code options} from {@code files} (jars, or directories whose files
     * are listed), kept in {@code directory}.
     */
    static ClassArchive of(Path directory, String part, List<String> options, List<Path> files) {
        try {
            Files.createDirectories(directory);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, System.getProperty("java.home"));
            update(digest, System.getProperty("java.vm.version"));
            options.forEach(option -> update(digest, option));
            for (Path file : files) {
                try (Stream<Path> tree = Files.walk(file)) {
                    for (Path each : (Iterable<Path>) tree.filter(Files::isRegularFile).sorted()::iterator) {
                        update(digest, each + ":" + Files.size(each) + ":" + Files.getLastModifiedTime(each).toMillis());
                    }
                }
            }
            String key = HexFormat.of().formatHex(digest.digest(), 0, 8);
            return new ClassArchive(directory, part, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JVM options for the next launch: use the archive when this build has one, else write one at exit. */
    List<String> jvmOptions() {
        if (archive == null) {
            return List.of();
        }
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, QUIET);
        }
        return List.of("-XX:ArchiveClassesAtExit=" + writing, QUIET);
    }

    /**
     * How long the JVM may take to stop: writing an archive of twenty thousand classes takes seconds on a quiet
     * machine and over a minute on a loaded one, and a JVM killed in the middle has written nothing of use.
     */
    Duration stopGrace(Duration usual) {
        return archive == null ? usual : Files.isRegularFile(archive) ? usual : max(usual, WRITING_GRACE);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * After the JVM launched with {@link #jvmOptions()} has ended: keep what it wrote if it ended cleanly, and drop
     * the part's archives of other builds and any file a killed JVM left.
     */
    void settle(Process ended) {
        if (archive == null) {
            return;
        }
        try {
            if (Files.isRegularFile(writing)) {
                if (ended != null && !ended.isAlive() && CLEAN_EXITS.contains(ended.exitValue()) && Files.size(writing) > 0) {
                    Files.move(writing, archive, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.delete(writing);
                }
            }
            try (DirectoryStream<Path> others = Files.newDirectoryStream(directory, part + "-*")) {
                for (Path other : others) {
                    if (!other.equals(archive) && !other.getFileName().toString().endsWith(".writing")) {
                        Files.deleteIfExists(other);
                    }
                }
            }
        } catch (IOException e) {
            // An archive is only a start-up shortcut: without it the next start reads the classes as usual.
            System.err.println("Class archive of " + part + " not kept: " + e);
        }
    }

    Path archive() {
        return archive;
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
