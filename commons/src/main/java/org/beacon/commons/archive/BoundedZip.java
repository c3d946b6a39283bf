package org.beacon.commons.archive;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * An uploaded zip read as a stream with bounded memory. A zip says nothing trustworthy about its own size (64 KB
 * can inflate to gigabytes, and the sizes in its headers are the sender's word), so every byte is counted as it
 * arrives and as it inflates, and reading stops at the first limit with a 413 naming it. The files the caller keeps
 * in memory (text to parse) have a limit of their own; every other file goes to a temporary file, removed by
 * {@link #close()}. Entry names must be valid UTF-8 and relative, without {@code ..}; folders and macOS metadata
 * are skipped.
 */
public final class BoundedZip implements AutoCloseable {

    /**
     * @param what the upload as messages name it: a key of the service's refusal texts ("import.what": "a course
     *            package"), or the words as written
     * @param maxArchiveBytes the zip as uploaded
     * @param maxEntries entries, folders included
     * @param maxEntryBytes one file, inflated
     * @param maxTotalBytes all files, inflated
     * @param maxMemoryBytes the files kept in memory, inflated
     */
    public record Limits(String what, long maxArchiveBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
            long maxMemoryBytes) {
    }

    /** One file: its bytes when kept in memory, else the temporary file holding them; inflated size and SHA-256. */
    public record Entry(String name, byte[] bytes, Path file, long size, String sha256) {

        public InputStream open() throws IOException {
            return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
        }
    }

    private final Map<String, Entry> entries = new TreeMap<>();
    private final Path directory;

    private BoundedZip(Path directory) {
        this.directory = directory;
    }

    /** The files by their name in the zip, sorted. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /**
     * Reads the zip; {@code inMemory} says which files (by name) are kept in memory, within
     * {@link Limits#maxMemoryBytes()}. The caller closes the result.
     */
    public static BoundedZip read(InputStream zip, Limits limits, Predicate<String> inMemory) {
        BoundedZip archive;
        try {
            archive = new BoundedZip(Files.createTempDirectory("beacon-zip"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            archive.unpack(zip, limits, inMemory);
            return archive;
        } catch (RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    /** As {@link #read(InputStream, Limits, Predicate)}, for a zip the HTTP layer stored as a file (a form upload). */
    public static BoundedZip read(Path zip, Limits limits, Predicate<String> inMemory) {
        try {
            if (Files.size(zip) > limits.maxArchiveBytes()) {
                throw archiveTooLarge(limits);
            }
            try (InputStream in = Files.newInputStream(zip)) {
                return read(in, limits, inMemory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unpack(InputStream upload, Limits limits, Predicate<String> inMemory) {
        long total = 0;
        long memory = 0;
        int count = 0;
        String previous = null;
        Counted compressed = new Counted(upload, limits.maxArchiveBytes(), () -> archiveTooLarge(limits));
        try (ZipInputStream in = new ZipInputStream(compressed, StandardCharsets.UTF_8)) {
            while (true) {
                ZipEntry entry;
                try {
                    entry = in.getNextEntry();
                } catch (IllegalArgumentException e) {
                    // The JDK's zip reader reports a name that is not valid UTF-8 this way.
                    throw ProblemException.badRequest(previous == null
                            ? Reason.of("detail.zip-name-not-utf8", count + 1)
                            : Reason.of("detail.zip-name-not-utf8-after", count + 1, previous));
                }
                if (entry == null) {
                    break;
                }
                if (++count > limits.maxEntries()) {
                    throw ProblemException.tooLarge(Reason.of("detail.zip-too-many-entries", limits.maxEntries(),
                            what(limits)));
                }
                String name = entry.getName().replace('\\', '/');
                previous = name;
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || name.endsWith("/.DS_Store")
                        || name.equals(".DS_Store")) {
                    continue;
                }
                if (name.startsWith("/") || name.contains("../") || name.contains(":")
                        || UntrustedText.containsNul(name)) {
                    throw ProblemException.badRequest(Reason.of("detail.zip-unsafe-path", name.replace('\0', '?')));
                }
                if (entries.containsKey(name)) {
                    throw ProblemException.badRequest(Reason.of("detail.zip-twice", name));
                }
                boolean kept = inMemory.test(name);
                // The nearest of the limits this file may reach, and the message that names it.
                long limit = limits.maxEntryBytes();
                ProblemException reason = ProblemException.tooLarge(Reason.of("detail.zip-file-too-large", name,
                        sizeReason(limits.maxEntryBytes()), what(limits)));
                if (limits.maxTotalBytes() - total < limit) {
                    limit = limits.maxTotalBytes() - total;
                    reason = ProblemException.tooLarge(Reason.of("detail.zip-unpacks-too-large",
                            sizeReason(limits.maxTotalBytes()), what(limits)));
                }
                if (kept && limits.maxMemoryBytes() - memory < limit) {
                    limit = limits.maxMemoryBytes() - memory;
                    reason = ProblemException.tooLarge(Reason.of("detail.zip-texts-too-large",
                            sizeReason(limits.maxMemoryBytes()), what(limits)));
                }
                ProblemException problem = reason;
                Counted inflated = new Counted(in, limit, () -> problem);
                Entry read = kept ? readBytes(name, inflated) : readFile(name, inflated);
                total += read.size();
                memory += kept ? read.size() : 0;
                entries.put(name, read);
            }
        } catch (ZipException e) {
            throw ProblemException.badRequest(Reason.of("detail.zip-invalid", String.valueOf(e.getMessage())));
        } catch (IOException e) {
            throw ProblemException.badRequest(Reason.of("detail.zip-unreadable", String.valueOf(e.getMessage())));
        }
        if (entries.isEmpty()) {
            // The JDK's reader finds no entry in what is not a zip at all.
            throw ProblemException.badRequest(Reason.of("detail.zip-empty"));
        }
    }

    private static ProblemException archiveTooLarge(Limits limits) {
        return ProblemException.tooLarge(Reason.of("detail.zip-too-large", sizeReason(limits.maxArchiveBytes()),
                what(limits)));
    }

    /**
     * The upload as a refusal names it: the words of the service's refusal texts when {@code what} is one of their
     * keys (in the reader's language), else as written.
     */
    private static Object what(Limits limits) {
        return Reason.known(limits.what()) ? Reason.of(limits.what()) : limits.what();
    }

    private static Entry readBytes(String name, InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        return new Entry(name, bytes, null, bytes.length, HexFormat.of().formatHex(sha256().digest(bytes)));
    }

    private Entry readFile(String name, InputStream in) throws IOException {
        Path file = Files.createTempFile(directory, "entry", ".bin");
        MessageDigest sha = sha256();
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            size = in.transferTo(out);
        }
        return new Entry(name, null, file, size, HexFormat.of().formatHex(sha.digest()));
    }

    @Override
    public void close() {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Temporary files only; the operating system's cleanup takes what is left.
        }
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #size} as a refusal argument: the number in the reader's digits, the unit in the reader's words. */
    public static Reason sizeReason(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return Reason.of("detail.size-mb", bytes / (1024 * 1024));
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return Reason.of("detail.size-kb", bytes / 1024);
        }
        return Reason.of("detail.size-bytes", bytes);
    }

    /** Sizes as people read them in an English message: 60 MB, 64 KB. */
    public static String size(long bytes) {
        return sizeReason(bytes).english();
    }

    /**
     * Passes at most {@code limit} bytes through and fails with the given problem on the first byte beyond it: the
     * count is of bytes really read, so neither the upload nor an inflating entry can outgrow it.
     */
    static final class Counted extends FilterInputStream {

        private final long limit;
        private final Supplier<ProblemException> problem;
        private long count;

        Counted(InputStream in, long limit, Supplier<ProblemException> problem) {
            super(in);
            this.limit = limit;
            this.problem = problem;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, limit - count + 1));
            count(Math.max(0, skipped));
            return skipped;
        }

        @Override
        public void close() {
            // The zip stream and the request body are closed by their owners, not by one entry's reader.
        }

        private void count(long n) {
            count += n;
            if (count > limit) {
                throw problem.get();
            }
        }
    }
}
