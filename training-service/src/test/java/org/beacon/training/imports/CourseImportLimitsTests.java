package org.beacon.training.imports;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.admin;
import static org.beacon.training.CourseFixtures.courseFiles;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.beacon.training.CourseFixtures.zip;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.StoredObjects;
import org.beacon.training.media.Attachment;
import org.junit.jupiter.api.Test;

/**
 * A course package is read with bounded memory (ImportLimits; the test profile's limits: 2 MB compressed, 1 MB
 * per file, 4 MB in all, 2 MB of text, 200 entries): each limit is refused with a 413 naming it, however small the
 * zip, and a refused import stores nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class CourseImportLimitsTests {

    static final String API = "/training/api/import/courses";

    private static ValidatableResponse post(byte[] zip) {
        return given().auth().oauth2(admin()).contentType("application/zip").body(zip).when().post(API).then();
    }

    private static long attachments() {
        return QuarkusTransaction.requiringNew().call(() -> Attachment.count());
    }

    /** {@code size} zero bytes, deflated: about a thousandth of the size on the wire. */
    private static byte[] zeros(int size) {
        return new byte[size];
    }

    @Test
    void aZipBombIsRefusedAtThePerFileLimitAndStoresNothing() {
        String slug = uniqueSlug("bomb");
        Map<String, byte[]> files = courseFiles(slug);
        files.remove("media/handout.pdf");
        // 300 MB of zeros in a zip of about 300 KB: more than twice the heap the service has in production.
        byte[] zip = zipWithBomb(slug, files, "media/handout.pdf", 300L * 1024 * 1024);
        assertTrue(zip.length < 400 * 1024, "the bomb is small: " + zip.length);
        long stored = StoredObjects.attachments();
        long rows = attachments();
        post(zip).statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo(slug + "/media/handout.pdf unpacks to more than 1 MB, the limit for one file"
                        + " of a course package."));
        assertEquals(stored, StoredObjects.attachments());
        assertEquals(rows, attachments());
        assertEquals(0, CourseImportResourceTests.versions(slug));
    }

    @Test
    void manyFilesUnderThePerFileLimitStopAtTheTotal() {
        String slug = uniqueSlug("bomb-total");
        Map<String, byte[]> files = courseFiles(slug);
        for (int i = 0; i < 6; i++) {
            files.put("media/part" + i + ".png", zeros(900 * 1024));
        }
        post(zip(slug, files)).statusCode(413)
                .body("detail", equalTo("The zip unpacks to more than 4 MB, the limit for a course package."));
        assertEquals(0, CourseImportResourceTests.versions(slug));
    }

    @Test
    void textFilesAreHeldToTheirOwnLimit() {
        String slug = uniqueSlug("bomb-text");
        Map<String, byte[]> files = courseFiles(slug);
        byte[] lesson = ("# Lesson\n\n" + "a".repeat(900 * 1024)).getBytes(StandardCharsets.UTF_8);
        files.put("lessons/m1/l1.en.md", lesson);
        files.put("lessons/m1/l2.en.md", lesson);
        files.put("lessons/m2/l3.en.md", lesson);
        post(zip(slug, files)).statusCode(413).body("detail", equalTo("The text files of the zip"
                + " unpack to more than 2 MB, the limit for a course package."));
    }

    @Test
    void theCompressedSizeIsCountedAsItArrives() {
        String slug = uniqueSlug("big-zip");
        Map<String, byte[]> files = courseFiles(slug);
        Random random = new Random(3);
        for (int i = 0; i < 3; i++) {
            byte[] noise = new byte[800 * 1024];
            random.nextBytes(noise);
            files.put("media/noise" + i + ".png", noise);
        }
        byte[] zip = zip(slug, files);
        post(zip).statusCode(413)
                .body("detail", equalTo("The zip is larger than 2 MB, the limit for a course package."));
        given().auth().oauth2(admin()).multiPart("file", slug + ".zip", zip, "application/zip")
                .when().post(API).then().statusCode(413)
                .body("detail", equalTo("The zip is larger than 2 MB, the limit for a course package."));
    }

    @Test
    void theNumberOfEntriesIsLimited() {
        String slug = uniqueSlug("entries");
        Map<String, byte[]> files = courseFiles(slug);
        for (int i = 0; i < 200; i++) {
            files.put("notes/" + i + ".txt", new byte[0]);
        }
        post(zip(slug, files)).statusCode(413)
                .body("detail", equalTo("The zip holds more than 200 entries, the limit for a course package."));
    }

    @Test
    void aCourseWithMoreLessonsThanTheLimitIsRefused() {
        String slug = uniqueSlug("lessons");
        Map<String, byte[]> files = courseFiles(slug);
        StringBuilder lessons = new StringBuilder();
        for (int i = 0; i < 301; i++) {
            lessons.append("      - slug: x").append(i).append("\n        title: {en: \"X\"}\n");
        }
        String yaml = new String(files.get("course.yaml"), StandardCharsets.UTF_8).replace("""
                  - slug: m2
                    title: {en: "Module two", fr: "Module deux"}
                    lessons:
                """, """
                  - slug: m2
                    title: {en: "Module two", fr: "Module deux"}
                    lessons:
                """ + lessons);
        files.put("course.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        post(zip(slug, files)).statusCode(400).body("errors", hasItem(
                "course.yaml: modules: the course has 304 lessons; the limit for one course is 300."));
    }

    @Test
    void anEntryNameThatIsNotUtf8IsA400() {
        String slug = uniqueSlug("latin1");
        Map<String, byte[]> files = new LinkedHashMap<>(courseFiles(slug));
        files.put("media/caf\u00e9.pdf", org.beacon.training.CourseFixtures.PDF);
        // Written in ISO-8859-1 without the zip's UTF-8 flag, as old tools do: "é" is the lone byte 0xE9.
        byte[] zip = zip(slug, files, StandardCharsets.ISO_8859_1);
        post(zip).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("is not valid UTF-8"))
                .body("detail", containsString("(after '" + slug + "/media/"));
    }

    @Test
    void nulInAnyTextFileOfThePackageNamesFileAndLine() {
        String slug = uniqueSlug("nul");
        Map<String, byte[]> files = courseFiles(slug);
        files.put("lessons/m1/l1.en.md", "# Lesson one\n\nThe act\0 means.\n".getBytes(StandardCharsets.UTF_8));
        files.put("questions/bank.fr.gift", ("::t-q01:: Pour\0 une victime ? {=a ~b}\n")
                .getBytes(StandardCharsets.UTF_8));
        post(zip(slug, files)).statusCode(400)
                .body("errors", hasItem("lessons/m1/l1.en.md line 3: contains the character U+0000 (NUL), which"
                        + " cannot be stored; remove it."))
                .body("errors", hasItem("questions/bank.fr.gift line 1: contains the character U+0000 (NUL), which"
                        + " cannot be stored; remove it."));
        Map<String, byte[]> yaml = courseFiles(slug);
        yaml.put("course.yaml", new String(yaml.get("course.yaml"), StandardCharsets.UTF_8)
                .replace("Test course", "Test\\0 course").getBytes(StandardCharsets.UTF_8));
        post(zip(slug, yaml)).statusCode(400).body("errors[0]", containsString("U+0000"));
        assertEquals(0, CourseImportResourceTests.versions(slug));
    }

    /** The files, then one entry of {@code size} zeros written a chunk at a time. */
    static byte[] zipWithBomb(String folder, Map<String, byte[]> files, String bombName, long size) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(folder + "/" + file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(folder + "/" + bombName));
            byte[] chunk = new byte[1024 * 1024];
            for (long written = 0; written < size; written += chunk.length) {
                zip.write(chunk);
            }
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
