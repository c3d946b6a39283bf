package org.beacon.training.cohort;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.publishedCourse;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A trainer finds every trainee of the cohort's organization, also one who has never signed in, in Keycloak (here
 * {@link KeycloakUsersStub}), and adds them; a Keycloak that does not answer is a quick readable 503.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(value = KeycloakUsersStub.class, restrictToAnnotatedClass = true)
class TraineeDirectoryTests {

    @Test
    void aTraineeWhoHasNeverSignedInIsFoundAndAddedOnlyFromTheCohortsOrganization() {
        String slug = uniqueSlug("directory");
        publishedCourse(slug);
        String trainer = TestTokens.token("tess", "police-academy", "trainer");
        long cohort = CohortResourceTests.createCohort(trainer, slug);
        String page = "/training/cohorts/" + cohort;

        given().auth().oauth2(trainer).cookie("beacon-lang", "fr").queryParam("q", "nad").when().get(page)
                .then().statusCode(200)
                .body(containsString("Nadia Never-Signed-In"))
                .body(containsString("value=\"" + KeycloakUsersStub.NADIA + "\""));
        // Only trainees, only of the cohort's organization.
        // "r" is in all three names.
        given().auth().oauth2(trainer).cookie("beacon-lang", "ar").queryParam("q", "r").when().get(page)
                .then().statusCode(200)
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("Nadia Never-Signed-In"))
                .body(not(containsString("Victor Visitor")))
                .body(not(containsString("Bruno Border")));

        given().auth().oauth2(trainer).redirects().follow(false).formParam("subject", KeycloakUsersStub.NADIA)
                .when().post(page + "/members").then().statusCode(303);
        given().auth().oauth2(trainer).when().get(page).then().statusCode(200)
                .body(containsString("<tr><td>Nadia Never-Signed-In</td><td>0"));
        // Enrolled by the trainer: the course is among Nadia's enrolments when she signs in.
        given().auth().oauth2(trainer).queryParam("q", "nad").when().get(page).then().statusCode(200)
                .body(not(containsString("value=\"" + KeycloakUsersStub.NADIA + "\"")))
                .body(containsString("Trainees are the people with the trainee role in the organization in Keycloak"));

        given().auth().oauth2(trainer).redirects().follow(false).formParam("subject", KeycloakUsersStub.BRUNO)
                .when().post(page + "/members").then().statusCode(403).contentType(containsString("text/html"));
        given().auth().oauth2(trainer).redirects().follow(false).formParam("subject", KeycloakUsersStub.VICTOR)
                .when().post(page + "/members").then().statusCode(400).contentType(containsString("text/html"));
    }

    @Test
    void aKeycloakThatDoesNotAnswerIsAQuickReadable503AndChangesNothing() {
        String slug = uniqueSlug("directory-down");
        publishedCourse(slug);
        String trainer = TestTokens.token("tess", "police-academy", "trainer");
        long cohort = CohortResourceTests.createCohort(trainer, slug);
        String page = "/training/cohorts/" + cohort;
        KeycloakUsersStub.down();
        try {
            given().auth().oauth2(trainer).cookie("beacon-lang", "fr").queryParam("q", "nad").when().get(page)
                    .then().statusCode(503).header("Retry-After", not(""))
                    .contentType(containsString("text/html"))
                    .body(containsString("La liste des comptes utilisateurs ne peut pas être lue"));
            given().auth().oauth2(trainer).contentType("application/json")
                    .body(java.util.Map.of("subject", KeycloakUsersStub.NADIA))
                    .when().post("/training/api/cohorts/" + cohort + "/members")
                    .then().statusCode(503).contentType(containsString("application/problem+json"));
        } finally {
            KeycloakUsersStub.up();
        }
        // The cohort page without a search does not ask Keycloak; once it is back, the search works again.
        given().auth().oauth2(trainer).queryParam("q", "nad").when().get(page).then().statusCode(200)
                .body(containsString("Nadia Never-Signed-In"))
                .body(not(containsString("<tr><td>Nadia Never-Signed-In</td><td>0")));
    }
}
