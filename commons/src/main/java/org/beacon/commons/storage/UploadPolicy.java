package org.beacon.commons.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * What a media upload may be. The declared content type must be one we accept and the first bytes of the file
 * must match it, so a script renamed to {@code .pdf} is refused rather than served back to other users.
 */
public record UploadPolicy(Set<String> allowedTypes, long maxBytes) {

    /** Magic numbers of the media types Beacon handles (PDF handouts, images, audio and video spots). */
    private static final Map<String, Predicate<byte[]>> SIGNATURES = Map.ofEntries(
            Map.entry("application/pdf", head -> startsWith(head, 0, "%PDF-")),
            Map.entry("image/png", head -> startsWith(head, 0, new byte[] { (byte) 0x89, 'P', 'N', 'G' })),
            Map.entry("image/jpeg", head -> startsWith(head, 0, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })),
            Map.entry("image/gif", head -> startsWith(head, 0, "GIF8")),
            Map.entry("image/webp", head -> startsWith(head, 0, "RIFF") && startsWith(head, 8, "WEBP")),
            Map.entry("audio/mpeg", head -> startsWith(head, 0, "ID3")
                    || (head.length > 1 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)),
            Map.entry("audio/ogg", head -> startsWith(head, 0, "OggS")),
            Map.entry("video/mp4", head -> startsWith(head, 4, "ftyp")),
            Map.entry("video/webm", head -> startsWith(head, 0, new byte[] { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3 })));

    public UploadPolicy {
        for (String type : allowedTypes) {
            if (!SIGNATURES.containsKey(type)) {
                throw new IllegalArgumentException("No signature known for " + type);
            }
        }
        allowedTypes = Set.copyOf(allowedTypes);
    }

    public static UploadPolicy media(long maxBytes) {
        return new UploadPolicy(SIGNATURES.keySet(), maxBytes);
    }

    /**
     * Checks an uploaded file; returns the normalised content type.
     *
     * @throws ProblemException 413 when too large, 400 when the type is not accepted or the bytes do not match it
     */
    public String check(String declaredType, Path file) {
        long size = sizeOf(file);
        if (size > maxBytes) {
            throw ProblemException.tooLarge(Reason.of("detail.file-too-large", size, maxBytes));
        }
        if (size == 0) {
            throw ProblemException.badRequest(Reason.of("detail.file-empty"));
        }
        String type = declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!allowedTypes.contains(type)) {
            throw ProblemException.badRequest(Reason.of("detail.file-type-refused", type,
                    allowedTypes.stream().sorted().toList()));
        }
        if (!SIGNATURES.get(type).test(head(file))) {
            throw ProblemException.badRequest(Reason.of("detail.file-content-mismatch", type));
        }
        return type;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] head, int offset, String ascii) {
        return startsWith(head, offset, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] head, int offset, byte[] prefix) {
        return head.length >= offset + prefix.length
                && Arrays.equals(head, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
