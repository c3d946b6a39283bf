package org.beacon.training.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.CourseFixtures;
import org.beacon.training.StoredObjects;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class AttachmentResourceTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    String author() {
        return TestTokens.token("ana", "police-academy", "author");
    }

    long attachments() {
        return QuarkusTransaction.requiringNew().call(() -> Attachment.count());
    }

    @Test
    void anAuthorUploadsAHandoutAndGetsTheSameBytesBack() {
        String href = given().auth().oauth2(author())
                .multiPart("file", "handout.pdf", PDF, "application/pdf")
                .when().post("/training/api/attachments")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("contentType", equalTo("application/pdf"))
                .body("size", equalTo(PDF.length))
                .extract().path("href");

        byte[] body = given().auth().oauth2(TestTokens.token("rita", "police-academy", "author"))
                .when().get(href)
                .then().statusCode(200)
                .contentType("application/pdf")
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertArrayEquals(PDF, body);
        // Not yet part of any published course: no trainee may fetch it by its id.
        given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee")).when().get(href)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aFileNameTooLongToKeepIsShortenedKeepingItsExtension() {
        long before = StoredObjects.attachments();
        String name = "handout on indicators of forced labour for inspectors ".repeat(6) + ".pdf";
        given().auth().oauth2(author())
                .multiPart("file", name, PDF, "application/pdf")
                .when().post("/training/api/attachments")
                .then().statusCode(201)
                .body("fileName", hasLength(255), "fileName", endsWith("….pdf"));
        assertEquals(before + 1, StoredObjects.attachments());
    }

    @Test
    void traineesReadOnlyTheMediaOfPublishedCoursesAndOtherRolesNone() {
        String slug = CourseFixtures.uniqueSlug("media-access");
        Map<String, byte[]> files = CourseFixtures.courseFiles(slug);
        // Bytes of its own, so that no other course already holds this file.
        files.put("media/" + slug + ".pdf", (new String(PDF, StandardCharsets.US_ASCII) + "% " + slug + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        files.put("lessons/m1/l1.en.md", ("# Lesson one\n\nSee [the form](../../media/" + slug + ".pdf).\n")
                .getBytes(StandardCharsets.UTF_8));
        long version = CourseFixtures.importCourse(CourseFixtures.zip(slug, files), 201).getLong("versionId");
        long id = QuarkusTransaction.requiringNew().call(() -> Attachment.<Attachment>find("fileName", slug + ".pdf")
                .firstResult().id);
        String href = "/training/api/attachments/" + id;
        String trainee = TestTokens.token("tina", "police-academy", "trainee");
        String evaluator = TestTokens.token("eve", "national-coordination", "evaluator");
        String manager = TestTokens.token("manon", "national-coordination", "campaign-manager");

        given().auth().oauth2(author()).when().get(href).then().statusCode(200);
        given().auth().oauth2(trainee).when().get(href).then().statusCode(403)
                .body("detail", containsString("not part of a published course"));
        given().auth().oauth2(TestTokens.token("theo", "police-academy", "trainer")).when().get(href).then().statusCode(403);

        CourseFixtures.publish(version);
        given().auth().oauth2(trainee).when().get(href).then().statusCode(200).contentType("application/pdf");
        given().auth().oauth2(TestTokens.token("theo", "police-academy", "trainer")).when().get(href).then().statusCode(200);
        given().auth().oauth2(evaluator).when().get(href).then().statusCode(403);
        given().auth().oauth2(manager).when().get(href).then().statusCode(403);
        given().when().get(href).then().statusCode(401);
    }

    @Test
    void aWrongTypeIs400AndStoresNothing() {
        long before = attachments();
        given().auth().oauth2(author())
                .multiPart("file", "page.html", "<html><script>x</script></html>".getBytes(), "text/html")
                .when().post("/training/api/attachments")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("Files of type 'text/html' are not accepted"));
        assertEquals(before, attachments());
    }

    @Test
    void aFileWhoseBytesDoNotMatchItsDeclaredTypeIs400() {
        long before = attachments();
        given().auth().oauth2(author())
                .multiPart("file", "fake.pdf", "<script>alert(1)</script>".getBytes(), "application/pdf")
                .when().post("/training/api/attachments")
                .then().statusCode(400)
                .body("detail", equalTo("The file's content is not application/pdf."));
        assertEquals(before, attachments());
    }

    @Test
    void aFileOverTheLimitIs413AndStoresNothing() {
        long before = attachments();
        byte[] big = Arrays.copyOf(PDF, 70_000); // the test profile allows 64 KiB
        given().auth().oauth2(author())
                .multiPart("file", "big.pdf", big, "application/pdf")
                .when().post("/training/api/attachments")
                .then().statusCode(413)
                .contentType("application/problem+json");
        assertEquals(before, attachments());
    }

    @Test
    void aTraineeCannotUpload() {
        given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee"))
                .multiPart("file", "handout.pdf", PDF, "application/pdf")
                .when().post("/training/api/attachments")
                .then().statusCode(403);
    }

    @Test
    void anUnknownAttachmentIs404() {
        given().auth().oauth2(author())
                .when().get("/training/api/attachments/987654")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
