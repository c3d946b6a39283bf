package org.beacon.training.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.beacon.commons.archive.BoundedZip;
import org.beacon.commons.archive.BoundedZip.Entry;

/**
 * The files of an uploaded course zip, read within {@link ImportLimits} by {@link BoundedZip}: the text files
 * (course.yaml, lessons, question banks) in memory, media files in temporary files removed by {@link #close()}.
 * One common top folder is dropped (zipping {@code content/courses/<slug>/} as a folder is fine).
 */
public final class CourseArchive implements AutoCloseable {

    /** Files parsed as text; everything else (media) stays on disk. */
    private static final Set<String> TEXT = Set.of("yaml", "yml", "md", "gift");

    private final BoundedZip zip;
    private final Map<String, Entry> files = new TreeMap<>();

    private CourseArchive(BoundedZip zip) {
        this.zip = zip;
        String top = commonTopFolder(zip.entries());
        zip.entries().forEach((name, entry) -> files.put(name.substring(top.length()), entry));
    }

    public static CourseArchive read(InputStream upload, ImportLimits limits) {
        return new CourseArchive(BoundedZip.read(upload, limits(limits), CourseArchive::isText));
    }

    public static CourseArchive read(Path upload, ImportLimits limits) {
        return new CourseArchive(BoundedZip.read(upload, limits(limits), CourseArchive::isText));
    }

    private static BoundedZip.Limits limits(ImportLimits limits) {
        // The key of the words that name the upload in a refusal, in the reader's language on a page.
        return new BoundedZip.Limits("import.what", limits.maxArchiveBytes(), limits.maxEntries(),
                limits.maxEntryBytes(), limits.maxTotalBytes(), limits.maxTextBytes());
    }

    /** The files by path inside the course folder, sorted by name; a text file's bytes are in memory. */
    public Map<String, Entry> files() {
        return files;
    }

    private static boolean isText(String name) {
        int dot = name.lastIndexOf('.');
        return TEXT.contains(dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String commonTopFolder(Map<String, Entry> raw) {
        if (raw.containsKey("course.yaml")) {
            return "";
        }
        String first = raw.keySet().iterator().next();
        int slash = first.indexOf('/');
        String top = slash < 0 ? "" : first.substring(0, slash + 1);
        return !top.isEmpty() && raw.keySet().stream().allMatch(n -> n.startsWith(top)) ? top : "";
    }

    /**
     * A digest of names and contents, independent of zip timestamps and compression: an import of the same files
     * changes nothing. Stored with each imported version, so its definition must not change.
     */
    public String digest() {
        MessageDigest sha = BoundedZip.sha256();
        byte[] buffer = new byte[8192];
        for (Map.Entry<String, Entry> named : files.entrySet()) {
            Entry file = named.getValue();
            sha.update(named.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Long.toString(file.size()).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            try (InputStream in = file.open()) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    sha.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Override
    public void close() {
        zip.close();
    }
}
