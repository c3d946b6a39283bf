package org.beacon.training.certificate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.CourseFixtures;
import org.beacon.training.LearnerSteps;
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
    void aCertificateOfAVersionSupersededByALegalChangeSaysARefresherIsDue() {
        String slug = CourseFixtures.uniqueSlug("superseded");
        CourseFixtures.publishedCourse(slug);
        LearnerSteps.Learner learner = LearnerSteps.throughModules("awa", slug, "en", Map.of());
        String code = LearnerSteps.passPosttest(learner).getString("certificateCode");
        given().queryParam("code", code).when().get("/training/public/verify")
                .then().statusCode(200).body(not(containsString("id=\"superseded\"")))
                .body(not(containsString("/training/courses/" + slug)));

        String api = "/training/api/authoring";
        long legal = given().auth().oauth2(CourseFixtures.author("bob")).when().post(api + "/courses/" + slug + "/drafts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(CourseFixtures.author("bob")).contentType("application/json").body(Map.of("legalChange", true))
                .when().put(api + "/versions/" + legal + "/legal-change").then().statusCode(200);
        given().auth().oauth2(CourseFixtures.author("bob")).when().post(api + "/versions/" + legal + "/submit").then().statusCode(200);
        given().auth().oauth2(CourseFixtures.author("rita")).when().post(api + "/versions/" + legal + "/approve").then().statusCode(200);

        given().queryParam("code", code).when().get("/training/public/verify")
                .then().statusCode(200)
                .body(containsString("<p class=\"notice\" id=\"superseded\">Version 2 of this course replaced version 1"
                        + " after a change in the law"));
        given().queryParam("code", code).header("Accept-Language", "fr").when().get("/training/public/verify")
                .then().statusCode(200)
                .body(containsString("La version 2 de ce cours a remplacé la version 1"))
                // Where the refresher is taken: the course's page.
                .body(containsString("<a href=\"/training/courses/" + slug + "\">Suivre la version 2 du cours</a>"));
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
