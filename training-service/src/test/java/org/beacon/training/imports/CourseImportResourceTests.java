package org.beacon.training.imports;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.admin;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.courseFiles;
import static org.beacon.training.CourseFixtures.importCourse;
import static org.beacon.training.CourseFixtures.publish;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.beacon.training.CourseFixtures.zip;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.CourseFixtures;
import org.beacon.training.StoredObjects;
import org.beacon.training.course.Course;
import org.beacon.training.course.CourseVersion;
import org.beacon.training.media.Attachment;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class CourseImportResourceTests {

    static final String API = "/training/api/import/courses";

    static long versions(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Course.bySlug(slug)
                .map(c -> CourseVersion.count("courseId", c.id)).orElse(0L));
    }

    static long courses() {
        return QuarkusTransaction.requiringNew().call(() -> Course.count());
    }

    @Test
    void importingTheSameContentTwiceChangesNothing() {
        String slug = uniqueSlug("idem");
        byte[] zip = zip(slug, courseFiles(slug));
        assertEquals("created", importCourse(zip, 201).getString("outcome"));
        long attachments = QuarkusTransaction.requiringNew().call(() -> Attachment.count());
        given().auth().oauth2(admin()).contentType("application/zip").body(zip)
                .when().post(API).then().statusCode(200)
                .body("outcome", equalTo("unchanged")).body("version", equalTo(1)).body("status", equalTo("draft"));
        assertEquals(1, versions(slug));
        assertEquals(attachments, (long) QuarkusTransaction.requiringNew().call(() -> Attachment.count()));
    }

    @Test
    void changedContentBecomesANewDraftAndThePublishedVersionStays() {
        String slug = uniqueSlug("changed");
        long first = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        publish(first);
        Map<String, byte[]> files = courseFiles(slug);
        files.put("lessons/m1/l1.en.md", "# Lesson one\n\nA corrected text. (002 L17)\n".getBytes(StandardCharsets.UTF_8));
        byte[] changed = zip(slug, files);
        given().auth().oauth2(admin()).contentType("application/zip").body(changed)
                .when().post(API).then().statusCode(201)
                .body("outcome", equalTo("new-draft")).body("version", equalTo(2)).body("status", equalTo("draft"));
        // The same changed content again, and another change before review: still one draft.
        given().auth().oauth2(admin()).contentType("application/zip").body(changed)
                .when().post(API).then().statusCode(200).body("outcome", equalTo("unchanged"));
        files.put("lessons/m1/l1.en.md", "# Lesson one\n\nCorrected again. (002 L17)\n".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(admin()).contentType("application/zip").body(zip(slug, files))
                .when().post(API).then().statusCode(200)
                .body("outcome", equalTo("draft-replaced")).body("version", equalTo(2));
        assertEquals(2, versions(slug));
        given().auth().oauth2(author("rita")).when().get("/training/api/authoring/versions/" + first)
                .then().body("status", equalTo("published"));
    }

    @Test
    void aBrokenGiftFileNamesFileAndLineAndImportsNothing() {
        String slug = uniqueSlug("broken");
        Map<String, byte[]> files = courseFiles(slug);
        files.put("questions/bank.fr.gift", (CourseFixtures.BANK_FR + "\n::t-q09:: Sans réponse juste {~a ~b}\n")
                .getBytes(StandardCharsets.UTF_8));
        long before = courses();
        given().auth().oauth2(admin()).contentType("application/zip").body(zip(slug, files))
                .when().post(API).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("nothing was imported"))
                .body("errors", hasItem("questions/bank.fr.gift line 14: the question has no correct answer: mark one"
                        + " with '=' or give weights such as ~%50%."));
        assertEquals(before, courses());
    }

    @Test
    void everyContentProblemIsListedAtOnce() {
        String slug = uniqueSlug("problems");
        Map<String, byte[]> files = courseFiles(slug);
        files.remove("lessons/m2/l3.en.md");
        files.put("lessons/m1/l1.en.md", "# Lesson one\n\nSee [the poster](../../media/poster.png).\n".getBytes(StandardCharsets.UTF_8));
        files.put("course.yaml", new String(files.get("course.yaml"), StandardCharsets.UTF_8)
                .replace("posttest: [t-q01", "posttest: [t-q99, t-q01").getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(admin()).contentType("application/zip").body(zip(slug, files))
                .when().post(API).then().statusCode(400)
                .body("errors", hasItem("lessons/m2/l3.en.md: missing; every lesson needs its text in the default language."))
                .body("errors", hasItem("lessons/m1/l1.en.md line 3: links media/poster.png, which is not in media/."))
                .body("errors", hasItem("course.yaml: posttest: no question is named 't-q99' in the default language's question bank."));
        assertEquals(0, versions(slug));
    }

    @Test
    void aTranslationThatChangesTheAnswerKeyIsRefused() {
        String slug = uniqueSlug("key");
        Map<String, byte[]> files = courseFiles(slug);
        files.put("questions/bank.fr.gift", CourseFixtures.BANK_FR.replace("{F#Faux", "{T#Faux").getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(admin()).contentType("application/zip").body(zip(slug, files))
                .when().post(API).then().statusCode(400)
                .body("errors[0]", containsString("questions/bank.fr.gift line 7: 't-q02' is false in en but true here. Translations keep the key of en"));
        assertEquals(0, versions(slug));
    }

    @Test
    void mediaOfTheWrongTypeOrSizeIsRefusedAndNothingIsStored() {
        String slug = uniqueSlug("media");
        long attachments = QuarkusTransaction.requiringNew().call(() -> Attachment.count());
        Map<String, byte[]> html = courseFiles(slug);
        html.put("media/page.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(admin()).contentType("application/zip").body(zip(slug, html))
                .when().post(API).then().statusCode(400).body("detail", containsString("media/page.html"));
        Map<String, byte[]> fake = courseFiles(slug);
        fake.put("media/handout.pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(admin()).contentType("application/zip").body(zip(slug, fake))
                .when().post(API).then().statusCode(400).body("detail", equalTo("media/handout.pdf: The file's content is not application/pdf."));
        Map<String, byte[]> big = courseFiles(slug);
        big.put("media/handout.pdf", Arrays.copyOf(CourseFixtures.PDF, 70_000));
        given().auth().oauth2(admin()).contentType("application/zip").body(zip(slug, big))
                .when().post(API).then().statusCode(413);
        assertEquals(attachments, (long) QuarkusTransaction.requiringNew().call(() -> Attachment.count()));
        assertEquals(0, versions(slug));
    }

    @Test
    void aRefusedImportLeavesNoStoredFileBehind() {
        long stored = StoredObjects.attachments();
        String slug = uniqueSlug("no-leftovers");
        Map<String, byte[]> files = courseFiles(slug);
        // A file of its own, which no earlier import has stored.
        files.put("media/handout.pdf", (new String(CourseFixtures.PDF, StandardCharsets.US_ASCII) + "% " + slug + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        String yaml = new String(files.get("course.yaml"), StandardCharsets.UTF_8);
        // Refused by the course's own fields: checked before any file is stored.
        files.put("course.yaml", yaml.replace("sectors: [police, border]", "sectors: [astronauts]")
                .getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(admin()).contentType("application/zip").body(zip(slug, files))
                .when().post(API).then().statusCode(400).body("errors[0]", containsString("astronauts"));
        assertEquals(stored, StoredObjects.attachments());
        // Refused by the post-test, found once the files are stored: they are removed again.
        files.put("course.yaml", yaml.replace("posttest: [t-q01,", "posttest: [t-q99, t-q01,")
                .getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(admin()).contentType("application/zip").body(zip(slug, files))
                .when().post(API).then().statusCode(400).body("errors[0]", containsString("t-q99"));
        assertEquals(stored, StoredObjects.attachments());
        assertEquals(0, versions(slug));
    }

    @Test
    void notAZipIsA400() {
        given().auth().oauth2(admin()).contentType("application/zip").body("just text".getBytes(StandardCharsets.UTF_8))
                .when().post(API).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin()).contentType("application/zip").body(zip("x", Map.of("readme.txt", new byte[] { 1 })))
                .when().post(API).then().statusCode(400).body("detail", containsString("no course.yaml"));
    }

    @Test
    void aMultipartUploadWorksLikeTheRawBody() {
        String slug = uniqueSlug("multipart");
        given().auth().oauth2(admin()).multiPart("file", slug + ".zip", zip(slug, courseFiles(slug)), "application/zip")
                .when().post(API).then().statusCode(201).body("outcome", equalTo("created")).body("slug", equalTo(slug));
    }

    @Test
    void onlyAdminsImport() {
        String slug = uniqueSlug("roles");
        byte[] zip = zip(slug, courseFiles(slug));
        given().contentType("application/zip").body(zip).when().post(API).then().statusCode(401);
        given().auth().oauth2(author("bob")).contentType("application/zip").body(zip).when().post(API).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee")).contentType("application/zip").body(zip)
                .when().post(API).then().statusCode(403);
        assertEquals(0, versions(slug));
    }

    /** The courses in the repository's content/ folder import through the same API, and again unchanged. */
    @Test
    void theShippedCoursesImport() throws IOException {
        Path courses = Path.of("..", "content", "courses");
        assertTrue(Files.isDirectory(courses), "content/courses is beside this module");
        List<Path> folders;
        try (Stream<Path> list = Files.list(courses)) {
            folders = list.filter(p -> Files.exists(p.resolve("course.yaml"))).sorted().toList();
        }
        assertTrue(!folders.isEmpty(), "content/courses holds at least one course");
        for (Path folder : folders) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            byte[] zip = zip(folder.getFileName().toString(), files);
            String response = given().auth().oauth2(admin()).contentType("application/zip").body(zip)
                    .when().post(API).then().extract().asString();
            assertTrue(response.contains("\"outcome\":\"created\""), folder + ": " + response);
            given().auth().oauth2(admin()).contentType("application/zip").body(zip)
                    .when().post(API).then().statusCode(200).body("outcome", equalTo("unchanged"));
        }
    }

    /** Everything an import may write: courses, versions, attachment rows and the files in the bucket. */
    static List<Long> stored() {
        return QuarkusTransaction.requiringNew().call(() -> List.of(Course.count(), CourseVersion.count(),
                Attachment.count(), StoredObjects.attachments()));
    }

    @Test
    void aDryRunSaysWhatTheImportWouldDoAndStoresNothing() {
        String slug = uniqueSlug("dry");
        Map<String, byte[]> files = courseFiles(slug);
        // A file no other test stores: a real import would upload it.
        files.put("media/handout.pdf", (new String(CourseFixtures.PDF, StandardCharsets.US_ASCII) + "% " + slug + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        List<Long> before = stored();
        given().auth().oauth2(admin()).contentType("application/zip").body(zip(slug, files))
                .when().post(API + "?dryRun=true").then().statusCode(200)
                .body("outcome", equalTo("created")).body("dryRun", equalTo(true)).body("versionId", equalTo(0));
        assertEquals(before, stored());
        assertEquals(0, versions(slug));

        long first = importCourse(zip(slug, files), 201).getLong("versionId");
        publish(first);
        files.put("lessons/m1/l1.en.md", "# Lesson one\n\nA corrected text. (002 L17)\n".getBytes(StandardCharsets.UTF_8));
        List<Long> published = stored();
        given().auth().oauth2(admin()).contentType("application/zip").body(zip(slug, files))
                .when().post(API + "?dryRun=true").then().statusCode(200)
                .body("outcome", equalTo("new-draft")).body("version", equalTo(2));
        assertEquals(published, stored());
        assertEquals(1, versions(slug));
    }

    @Test
    void aDryRunRefusesWhatTheImportRefusesWithTheSameProblems() {
        String slug = uniqueSlug("dry-broken");
        Map<String, byte[]> files = courseFiles(slug);
        files.put("questions/bank.fr.gift", (CourseFixtures.BANK_FR + "\n::t-q09:: Sans réponse juste {~a ~b}\n")
                .getBytes(StandardCharsets.UTF_8));
        List<Long> before = stored();
        List<String> dryRun = given().auth().oauth2(admin()).contentType("application/zip").body(zip(slug, files))
                .when().post(API + "?dryRun=true").then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath().getList("errors", String.class);
        assertTrue(dryRun.contains("questions/bank.fr.gift line 14: the question has no correct answer: mark one"
                + " with '=' or give weights such as ~%50%."), dryRun.toString());
        List<String> real = given().auth().oauth2(admin()).contentType("application/zip").body(zip(slug, files))
                .when().post(API).then().statusCode(400).extract().jsonPath().getList("errors", String.class);
        assertEquals(real, dryRun);
        assertEquals(before, stored());
    }
}
