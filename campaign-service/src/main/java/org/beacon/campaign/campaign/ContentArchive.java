package org.beacon.campaign.campaign;

import java.io.ByteArrayOutputStream;
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
import org.beacon.commons.web.ProblemException;

/**
 * A zip of files from content/ as sent to an import endpoint, read into memory with limits, so that a hostile or
 * mistaken archive (a zip bomb, a whole disk) is refused with a 4xx instead of exhausting the service.
 */
public final class ContentArchive {

    static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;
    static final int MAX_ENTRIES = 5000;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Map<String, byte[]> files;

    private ContentArchive(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    public static ContentArchive read(InputStream body) {
        if (body == null) {
            throw ProblemException.badRequest("Send the content as a zip archive in the request body.");
        }
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(body, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.size() >= MAX_ENTRIES) {
                    throw ProblemException.tooLarge("The archive has more than " + MAX_ENTRIES + " files.");
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    total += read;
                    if (total > MAX_TOTAL_BYTES) {
                        throw ProblemException.tooLarge("The archive unpacks to more than " + MAX_TOTAL_BYTES
                                + " bytes.");
                    }
                    content.write(buffer, 0, read);
                }
                files.put(normalize(entry.getName()), content.toByteArray());
            }
        } catch (ZipException e) {
            throw ProblemException.badRequest("The request body is not a valid zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("The archive could not be read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw ProblemException.badRequest("The archive is empty or not a zip archive.");
        }
        return new ContentArchive(files);
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
