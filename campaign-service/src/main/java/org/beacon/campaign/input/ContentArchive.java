package org.beacon.campaign.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.beacon.campaign.input.InputLimits;
import org.beacon.commons.archive.BoundedZip;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * A zip of files from content/ as sent to an import endpoint, read into memory by commons' {@link BoundedZip} within
 * the limits {@code beacon.limits.archive.*}: the zip as sent, the number of files, what each file and all of them
 * inflate to. A hostile or mistaken archive (a zip bomb, a whole disk) is refused with 413 naming the limit, and one
 * that is not a zip, or names a file in something other than UTF-8, with 400: before anything is imported.
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
            throw ProblemException.badRequest(Reason.of("import.send-zip"));
        }
        // Every file is text or a small image read by the import, so all are kept in memory, within the total.
        BoundedZip.Limits bounds = new BoundedZip.Limits("archive.what", limits.compressedBytes(),
                limits.entries(), limits.entryBytes(), limits.totalBytes(), limits.totalBytes());
        try (BoundedZip zip = BoundedZip.read(body, bounds, name -> true)) {
            Map<String, byte[]> files = new TreeMap<>();
            zip.entries().forEach((name, entry) -> files.put(normalize(name), entry.bytes()));
            return new ContentArchive(files);
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
