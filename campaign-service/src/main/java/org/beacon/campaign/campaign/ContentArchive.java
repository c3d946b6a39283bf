package org.beacon.campaign.campaign;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.beacon.campaign.input.InputLimits;
import org.beacon.commons.web.ProblemException;

/**
 * A zip of files from content/ as sent to an import endpoint, read into memory within limits
 * ({@code beacon.limits.archive.*}): the zip as sent, the number of files, what each file and all of them inflate
 * to. A hostile or mistaken archive (a zip bomb, a whole disk) is refused with 413 naming the limit, and one that
 * is not a zip, or names a file in something other than UTF-8, with 400: before anything is imported.
 */
public final class ContentArchive {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Map<String, byte[]> files;

    private ContentArchive(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    public static ContentArchive read(InputStream body, InputLimits.Archive limits) {
        if (body == null) {
            throw ProblemException.badRequest("Send the content as a zip archive in the request body.");
        }
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new BoundedInputStream(body, limits.compressedBytes()),
                StandardCharsets.UTF_8)) {
            while (true) {
                ZipEntry entry;
                try {
                    entry = zip.getNextEntry();
                } catch (IllegalArgumentException e) {
                    // The JDK reports a name that is not UTF-8 this way; which entry is unknown, so count them.
                    throw ProblemException.badRequest("The name of file " + (files.size() + 1) + " of the archive is "
                            + "not valid UTF-8: pack the archive with UTF-8 file names (zip -UN=UTF8, or any "
                            + "current zip tool).");
                }
                if (entry == null) {
                    break;
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.size() >= limits.entries()) {
                    throw ProblemException.tooLarge("The archive has more than " + limits.entries() + " files, the "
                            + "limit (beacon.limits.archive.entries).");
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                long size = 0;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    size += read;
                    total += read;
                    if (size > limits.entryBytes()) {
                        throw ProblemException.tooLarge(entry.getName() + " unpacks to more than "
                                + limits.entryBytes() + " bytes, the limit for one file of an archive "
                                + "(beacon.limits.archive.entry-bytes).");
                    }
                    if (total > limits.totalBytes()) {
                        throw ProblemException.tooLarge("The archive unpacks to more than " + limits.totalBytes()
                                + " bytes, the limit (beacon.limits.archive.total-bytes).");
                    }
                    content.write(buffer, 0, read);
                }
                files.put(normalize(entry.getName()), content.toByteArray());
            }
        } catch (ZipException e) {
            throw ProblemException.badRequest("The request body is not a valid zip archive: " + e.getMessage());
        } catch (ArchiveTooLarge e) {
            throw ProblemException.tooLarge("The archive is larger than " + limits.compressedBytes() + " bytes, the "
                    + "limit (beacon.limits.archive.compressed-bytes); import it in parts.");
        } catch (IOException e) {
            throw ProblemException.badRequest("The archive could not be read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw ProblemException.badRequest("The archive is empty or not a zip archive.");
        }
        return new ContentArchive(files);
    }

    private static final class ArchiveTooLarge extends IOException {
    }

    /** Stops reading the request body past the limit, whatever the zip inside it says about itself. */
    private static final class BoundedInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        private void counted(int bytes) throws ArchiveTooLarge {
            count += bytes;
            if (count > limit) {
                throw new ArchiveTooLarge();
            }
        }
    }

    /** Paths of every file whose name is {@code fileName}, wherever it sits in the archive. */
    public List<String> find(String fileName) {
        return files.keySet().stream()
                .filter(path -> path.equals(fileName) || path.endsWith("/" + fileName))
                .toList();
    }

    /** Paths ending in {@code suffix}, e.g. {@code .yaml}. */
    public List<String> endingWith(String suffix) {
        return files.keySet().stream().filter(path -> path.endsWith(suffix)).toList();
    }

    public Optional<String> text(String path) {
        byte[] content = files.get(path);
        if (content == null) {
            return Optional.empty();
        }
        String text = new String(content, StandardCharsets.UTF_8);
        // Editors on some systems save a byte-order mark; it is not part of the text.
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** A YAML file of the archive as {@code type}; keys the type does not know are for other readers and skipped. */
    public <T> T yaml(String path, Class<T> type) throws IOException {
        return YAML.readValue(text(path).orElseThrow(), type);
    }

    private static String normalize(String name) {
        String path = name.replace('\\', '/');
        while (path.startsWith("./") || path.startsWith("/")) {
            path = path.startsWith("./") ? path.substring(2) : path.substring(1);
        }
        return path;
    }
}
