package org.beacon.training.home;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
class TrainingHomeTests {

    @Test
    void withoutATokenTheApiAnswers401AsProblemJson() {
        given().when().get("/training/api/dashboard")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void aForgedTokenIsRefused() {
        given().auth().oauth2(TestTokens.forgedToken("mallory", "police-academy", "trainee", "admin"))
                .when().get("/training/api/dashboard")
                .then().statusCode(401);
    }

    @Test
    void aTokenIssuedForAnotherAudienceIsRefused() {
        given().auth().oauth2(TestTokens.tokenForAudience("account", "tina", "police-academy", "trainee"))
                .when().get("/training/api/dashboard")
                .then().statusCode(401);
    }

    @Test
    void aRoleWithoutTrainingAccessGets403() {
        given().auth().oauth2(TestTokens.token("eve", "national-coordination", "evaluator"))
                .when().get("/training/api/dashboard")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Not allowed"));
    }

    @Test
    void aTraineeSeesThemselvesAndTheirOrganization() {
        given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee"))
                .when().get("/training/api/dashboard")
                .then().statusCode(200)
                .body("user.name", equalTo("Tina Tester"))
                .body("user.organization", equalTo("police-academy"))
                .body("user.roles", hasItem("trainee"));
    }

    @Test
    void theStartPageGreetsTheTraineeInTheChosenLanguage() {
        given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee"))
                .header("Accept-Language", "fr-FR,fr;q=0.9")
                .when().get("/training")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Connecté·e en tant que Tina Tester"))
                .body(containsString("lang=\"fr\""));
    }

    @Test
    void arabicPagesAreLaidOutRightToLeft() {
        given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee"))
                .cookie("beacon-lang", "ar")
                .when().get("/training")
                .then().statusCode(200)
                .body(containsString("dir=\"rtl\""));
    }

    @Test
    void aWrongRoleOnAPageGetsAReadable403Page() {
        given().auth().oauth2(TestTokens.token("manon", "national-coordination", "campaign-manager"))
                .when().get("/training")
                .then().statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("Not allowed"));
    }

    @Test
    void yourCoursesAreTitledInTheReadersLanguageWhereTheCourseHasIt() {
        String slug = org.beacon.training.CourseFixtures.uniqueSlug("home-titles");
        org.beacon.training.CourseFixtures.publishedCourse(slug);
        var learner = org.beacon.training.LearnerSteps.enrol("hana", slug, "en");
        String mine = given().auth().oauth2(learner.token()).header("Accept-Language", "fr").when().get("/training")
                .then().statusCode(200).extract().asString();
        String yours = mine.substring(mine.indexOf("Vos cours"), mine.indexOf("</ul>", mine.indexOf("Vos cours")));
        org.junit.jupiter.api.Assertions.assertTrue(yours.contains("lang=\"fr\" dir=\"ltr\">Cours d&#39;essai " + slug + "</a>"),
                yours);
        // Trainers open their organization's completion reports from here too.
        given().auth().oauth2(TestTokens.token("tess", "police-academy", "trainer")).when().get("/training")
                .then().statusCode(200).body(containsString("<a href=\"/training/reports\">"));
    }
}
