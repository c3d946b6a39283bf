package org.beacon.training.cohort;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.publishedCourse;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.LearnerSteps;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class CohortPagesTests {

    @Test
    void aTrainerRunsACohortThroughTheFormsAndAnotherTrainerIsKeptOut() {
        String slug = uniqueSlug("cohort-page");
        publishedCourse(slug);
        LearnerSteps.enrol("gaby", slug, "en");
        String trainer = TestTokens.token("tess", "police-academy", "trainer");
        given().auth().oauth2(trainer).header("Accept-Language", "es").when().get("/training/cohorts")
                .then().statusCode(200).body(containsString("Nuevo grupo"));
        String location = given().auth().oauth2(trainer).redirects().follow(false)
                .formParam("name", "Abidjan ToT").formParam("course", slug).formParam("institution", "National Police School")
                .formParam("startsOn", "2027-03-01").formParam("endsOn", "2027-03-03")
                .when().post("/training/cohorts").then().statusCode(303).header("Location", startsWith("/training/cohorts/"))
                .extract().header("Location");
        given().auth().oauth2(trainer).redirects().follow(false).formParam("subject", TestTokens.subjectOf("gaby"))
                .when().post(location + "/members").then().statusCode(303);
        given().auth().oauth2(trainer).redirects().follow(false).formParam("heldOn", "2027-03-01").formParam("topic", "Referral")
                .when().post(location + "/sessions").then().statusCode(303);
        given().auth().oauth2(trainer).when().get(location).then().statusCode(200)
                .body(containsString("Gaby Tester")).body(containsString("Referral"))
                .body(containsString("No trainee has taken both"));
        given().auth().oauth2(TestTokens.token("otto", "police-academy", "trainer")).when().get(location)
                .then().statusCode(403).contentType(containsString("text/html"));
        given().auth().oauth2(trainer).redirects().follow(false)
                .formParam("name", "").formParam("course", slug).formParam("institution", "x")
                .formParam("startsOn", "2027-03-01").formParam("endsOn", "2027-03-03")
                .when().post("/training/cohorts").then().statusCode(400).body(containsString("give the cohort a name"));
    }

    @Test
    void theReportsPageIsForAdmins() {
        given().auth().oauth2(TestTokens.token("ada", "platform", "admin")).header("Accept-Language", "pt")
                .when().get("/training/reports").then().statusCode(200).body(containsString("Por setor"))
                .body(containsString("Por instituição ao longo do tempo"));
        given().auth().oauth2(TestTokens.token("tess", "police-academy", "trainer")).when().get("/training/reports")
                .then().statusCode(403);
    }
}
