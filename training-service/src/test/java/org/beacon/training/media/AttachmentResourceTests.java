package org.beacon.training.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
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

        byte[] body = given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee"))
                .when().get(href)
                .then().statusCode(200)
                .contentType("application/pdf")
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertArrayEquals(PDF, body);
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
