package org.beacon.training.certificate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;

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
class VerificationPageTests {

    @Test
    void aKnownCodeShowsOnlyNameCourseDateAndVersionWithoutLogin() {
        QuarkusTransaction.requiringNew().run(() -> {
            Certificate.delete("code", "BCN-TEST-0001");
            Certificate certificate = new Certificate();
            certificate.code = "BCN-TEST-0001";
            certificate.holderSubject = "0b7c1a2e-subject-not-shown";
            certificate.holderName = "Amina Diallo";
            certificate.courseTitle = "First contact: identify, protect, refer";
            certificate.courseVersion = 2;
            certificate.issuedOn = LocalDate.of(2026, 11, 2);
            certificate.persist();
        });

        given().queryParam("code", "bcn-test-0001")
                .when().get("/training/public/verify")
                .then().statusCode(200)
                .body(containsString("Amina Diallo"))
                .body(containsString("First contact: identify, protect, refer"))
                .body(containsString("Nov 2, 2026"))
                .body(not(containsString("0b7c1a2e-subject-not-shown")));
    }

    @Test
    void anUnknownCodeIsAClearNotFound() {
        given().queryParam("code", "NOPE-0000")
                .when().get("/training/public/verify")
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("No certificate has the code NOPE-0000"));
    }

    @Test
    void markupInTheCodeIsEscaped() {
        given().queryParam("code", "<script>alert(1)</script>")
                .when().get("/training/public/verify")
                .then().statusCode(404)
                .body(not(containsString("<SCRIPT>")))
                .body(not(containsString("<script>alert")));
    }
}
