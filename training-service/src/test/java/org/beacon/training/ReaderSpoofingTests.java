package org.beacon.training;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.admin;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.courseFiles;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.course.VersionMedia;
import org.junit.jupiter.api.Test;

/**
 * Titles, names and file names shown to other people lose the characters that could make them read differently
 * from what they are (bidi overrides and isolates, zero-width characters); right-to-left marks stay.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class ReaderSpoofingTests {

    /** Right-to-left override: "guide\u202Efdp.exe" shows as "guideexe.pdf". */
    static final String RLO = "\u202E";

    @Test
    void importedTitlesAndMediaNamesLoseOverridesAndZeroWidthCharacters() throws IOException {
        String slug = uniqueSlug("spoof");
        Map<String, byte[]> files = courseFiles(slug);
        String yaml = new String(files.get("course.yaml"), StandardCharsets.UTF_8)
                .replace("en: \"Test course " + slug + "\"", "en: \"Test " + RLO + "course " + slug + "\"")
                .replace("fr: \"Cours d'essai " + slug + "\"", "fr: \"Cours\u200F d'essai " + slug + "\"")
                .replace("{en: \"Module one\", fr: \"Module un\"}", "{en: \"Module\u200B one\u2066\u2069\", fr: \"Module un\"}")
                .replace("{en: \"Lesson one\", fr: \"Leçon un\"}", "{en: \"Lesson\uFEFF one\u2060\", fr: \"Leçon un\"}");
        files.put("course.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        files.put("media/guide" + RLO + ".pdf", (new String(CourseFixtures.PDF, StandardCharsets.US_ASCII) + "% " + slug
                + "\n").getBytes(StandardCharsets.US_ASCII));
        files.put("lessons/m1/l1.en.md", ("# Lesson one\n\nRead [the guide](../../media/guide" + RLO + ".pdf).\n")
                .getBytes(StandardCharsets.UTF_8));
        long version = CourseFixtures.importCourse(CourseFixtures.zip(slug, files), 201).getLong("versionId");

        JsonPath detail = given().auth().oauth2(author("rita")).when().get("/training/api/authoring/versions/" + version)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("Module one", detail.getString("modules[0].title"));
        assertEquals("Lesson one", detail.getString("modules[0].lessons[0].title"));
        given().auth().oauth2(author("rita")).when().get("/training/api/authoring/courses").then().statusCode(200)
                .body("find { it.slug == '" + slug + "' }.title", equalTo("Test course " + slug));
        assertEquals("guide.pdf", QuarkusTransaction.requiringNew().call(() -> VersionMedia.of(version).stream()
                .map(m -> m.fileName).filter(n -> n.startsWith("guide")).findFirst().orElseThrow()));
        // The lesson's link, written with the override, still finds the file.
        CourseFixtures.publish(version);
        LearnerSteps.Learner learner = LearnerSteps.enrol("sara", slug, "en");
        // (The offline package needs no pretest first; it links media by their stored names.)
        byte[] offline = given().auth().oauth2(learner.token())
                .when().get(LearnerSteps.API + "/" + learner.enrolment() + "/offline.zip")
                .then().statusCode(200).extract().asByteArray();
        String html = "";
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(offline))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("lessons/01-l1.html")) {
                    html = new String(bytes, StandardCharsets.UTF_8);
                }
                assertFalse(entry.getName().contains(RLO), entry.getName());
            }
        }
        assertTrue(html.contains("href=\"../media/guide.pdf\""), html);
        // The right-to-left mark of the French title is legitimate and stays.
        given().auth().oauth2(learner.token()).when().get("/training/api/courses/" + slug + "?lang=fr").then()
                .statusCode(200).body("title", equalTo("Cours\u200F d'essai " + slug));
    }

    @Test
    void cohortNamesAndUploadedFileNamesLoseOverrides() {
        String slug = uniqueSlug("spoof-cohort");
        CourseFixtures.publishedCourse(slug);
        String trainer = TestTokens.token("tom", "police-academy", "trainer");
        given().auth().oauth2(trainer).contentType("application/json")
                .body(Map.of("name", "Dakar " + RLO + "workshop\u200B", "course", slug, "institution",
                        "Police\u2067 Academy\u2069", "startsOn", "2027-02-01", "endsOn", "2027-02-05"))
                .when().post("/training/api/cohorts").then().statusCode(201)
                .body("cohort.name", equalTo("Dakar workshop")).body("cohort.institution", equalTo("Police Academy"));
        // Written by hand: the test client would send the override as '?'. Browsers send file names in UTF-8.
        String body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoice" + RLO
                + "fdp.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                + new String(CourseFixtures.PDF, StandardCharsets.US_ASCII) + "\r\n--b0undary--\r\n";
        given().auth().oauth2(author("bob")).contentType("multipart/form-data; boundary=b0undary")
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/training/api/attachments")
                .then().statusCode(201).body("fileName", equalTo("invoicefdp.pdf"));
    }
}
