package org.beacon.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the stack's home last imported: a digest of every file of content/ (path and bytes) and of the services that
 * stored it (file names, sizes and times of their builds). A later start of the same home whose content and
 * services are unchanged has nothing to import, since every import is idempotent; skipping it spares the services
 * reading every course and XLSForm sheet again at each start (seconds of every start, and Apache POI's classes in
 * campaign-service). Written only after an import and its demo step succeeded, so a failed or interrupted one is
 * run again at the next start.
 */
final class ContentStamp {

    private final Path file;
    private final String digest;

    private ContentStamp(Path file, String digest) {
        this.file = file;
        this.digest = digest;
    }

    /** The stamp of {@code content} imported into {@code builds} (jars or directories), kept as {@code file}. */
    static ContentStamp of(Path file, Path content, List<Path> builds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path each : files(content)) {
                update(sha, content.relativize(each).toString());
                sha.update(Files.readAllBytes(each));
            }
            for (Path build : builds) {
                for (Path each : files(build)) {
                    update(sha, each + ":" + Files.size(each) + ":" + Files.getLastModifiedTime(each).toMillis());
                }
            }
            return new ContentStamp(file, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this content went into these services already (the home's stamp is this one). */
    boolean imported() {
        try {
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).trim().equals(digest);
        } catch (IOException e) {
            return false;
        }
    }

    /** After a successful import: the next start of this home skips it while nothing changes. */
    void record() {
        try {
            Path written = file.resolveSibling(file.getFileName() + ".writing");
            Files.writeString(written, digest + "\n", StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            return tree.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }
}
