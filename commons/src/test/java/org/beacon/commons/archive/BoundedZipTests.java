package org.beacon.commons.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.beacon.commons.web.ProblemException;
import org.junit.jupiter.api.Test;

class BoundedZipTests {

    static final BoundedZip.Limits LIMITS = new BoundedZip.Limits("a test upload", 64 * 1024, 10, 1024 * 1024,
            2 * 1024 * 1024, 4096);

    static byte[] zip(Map<String, byte[]> files, Charset names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, names)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static BoundedZip read(byte[] zip) {
        return BoundedZip.read(new ByteArrayInputStream(zip), LIMITS, name -> name.endsWith(".md"));
    }

    static ProblemException refused(byte[] zip) {
        return assertThrows(ProblemException.class, () -> read(zip).close());
    }

    @Test
    void textStaysInMemoryOtherFilesOnDiskUntilClosed() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a/lesson.md", "# Lesson".getBytes(StandardCharsets.UTF_8));
        files.put("a/media/image.png", new byte[5000]);
        files.put("a/", new byte[0]);
        Path onDisk;
        try (BoundedZip zip = read(zip(files, StandardCharsets.UTF_8))) {
            assertEquals(2, zip.entries().size(), zip.entries().keySet().toString());
            assertArrayEquals("# Lesson".getBytes(StandardCharsets.UTF_8), zip.entries().get("a/lesson.md").bytes());
            BoundedZip.Entry image = zip.entries().get("a/media/image.png");
            assertNull(image.bytes());
            assertEquals(5000, image.size());
            onDisk = image.file();
            try (InputStream in = image.open()) {
                assertEquals(5000, in.readAllBytes().length);
            }
        }
        assertFalse(Files.exists(onDisk));
    }

    @Test
    void aBombStopsAtThePerFileLimitWhateverItsHeadersSay() throws IOException {
        // 300 MB of zeros, a few hundred KB on the wire: only the first MB is ever inflated.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("bomb.png"));
            byte[] chunk = new byte[1024 * 1024];
            for (int i = 0; i < 300; i++) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        BoundedZip.Limits roomy = new BoundedZip.Limits("a test upload", 1024 * 1024, 10, 1024 * 1024,
                2 * 1024 * 1024, 4096);
        ProblemException e = assertThrows(ProblemException.class,
                () -> BoundedZip.read(new ByteArrayInputStream(bytes.toByteArray()), roomy, n -> false).close());
        assertEquals(413, e.status());
        assertEquals("bomb.png unpacks to more than 1 MB, the limit for one file of a test upload.", e.getMessage());
    }

    @Test
    void everyOtherLimitIsNamed() throws IOException {
        Map<String, byte[]> total = new LinkedHashMap<>();
        total.put("one.bin", new byte[900 * 1024]);
        total.put("two.bin", new byte[900 * 1024]);
        total.put("three.bin", new byte[900 * 1024]);
        assertEquals("The zip unpacks to more than 2 MB, the limit for a test upload.",
                refused(zip(total, StandardCharsets.UTF_8)).getMessage());
        assertEquals("The text files of the zip unpack to more than 4 KB, the limit for a test upload.",
                refused(zip(Map.of("big.md", new byte[5000]), StandardCharsets.UTF_8)).getMessage());
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            many.put(i + ".bin", new byte[0]);
        }
        assertEquals("The zip holds more than 10 entries, the limit for a test upload.",
                refused(zip(many, StandardCharsets.UTF_8)).getMessage());
        byte[] noise = new byte[70 * 1024];
        new java.util.Random(1).nextBytes(noise);
        assertEquals("The zip is larger than 64 KB, the limit for a test upload.",
                refused(zip(Map.of("noise.bin", noise), StandardCharsets.UTF_8)).getMessage());
    }

    @Test
    void aLimitReadsInTheReadersLanguageOnAPage() throws IOException {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            many.put(i + ".bin", new byte[0]);
        }
        ProblemException entries = refused(zip(many, StandardCharsets.UTF_8));
        // The upload's name is the service's words when it names a refusal text, else as written.
        assertEquals("Le zip contient plus de 10 entrées, la limite pour a test upload.", entries.text("fr"));
        assertEquals("يحتوي ملف zip على أكثر من ١٠ عنصر، وهو الحد الأقصى لـa test upload.", entries.text("ar"));
        ProblemException total = refused(zip(Map.of("big.md", new byte[5000]), StandardCharsets.UTF_8));
        assertEquals("Les fichiers texte du zip se décompressent en plus de 4 Ko, la limite pour a test upload.",
                total.text("fr"));
        assertEquals("The text files of the zip unpack to more than 4 KB, the limit for a test upload.",
                total.getMessage());
        assertEquals("L'envoi n'est pas un fichier zip, ou il ne contient aucun fichier.",
                refused("not a zip".getBytes(StandardCharsets.UTF_8)).text("fr"));
    }

    @Test
    void unsafeOrUndecodableNamesAreA400() throws IOException {
        Map<String, byte[]> latin1 = new LinkedHashMap<>();
        latin1.put("first.md", new byte[0]);
        latin1.put("caf\u00e9.md", new byte[0]);
        ProblemException name = refused(zip(latin1, StandardCharsets.ISO_8859_1));
        assertEquals(400, name.status());
        assertEquals("The name of entry 2 of the zip (after 'first.md') is not valid UTF-8. Zip the folder again with"
                + " a tool that writes UTF-8 file names.", name.getMessage());
        assertTrue(refused(zip(Map.of("../etc/passwd", new byte[0]), StandardCharsets.UTF_8)).getMessage()
                .startsWith("The zip holds an unsafe path"));
        assertEquals("The upload is not a zip file, or it holds no files.",
                refused("not a zip".getBytes(StandardCharsets.UTF_8)).getMessage());
    }
}
