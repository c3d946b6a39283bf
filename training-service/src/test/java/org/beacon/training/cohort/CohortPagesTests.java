package org.beacon.training.cohort;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.publishedCourse;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
                .when().post("/training/cohorts").then().statusCode(400).body(containsString("Name: fill this in."));
    }

    @Test
    void theReportsPageIsForTrainersAndAdmins() {
        given().auth().oauth2(TestTokens.token("ada", "platform", "admin")).header("Accept-Language", "pt")
                .when().get("/training/reports").then().statusCode(200).body(containsString("Por setor"))
                .body(containsString("Por instituição ao longo do tempo"));
        given().auth().oauth2(TestTokens.token("tess", "police-academy", "trainer")).when().get("/training/reports")
                .then().statusCode(200).body(containsString("By sector"))
                .body(containsString("<a href=\"/training/reports\""));
    }

    @Test
    void aRefusedCohortFormKeepsWhatWasTypedAndNamesFieldsByLabelInTheReadersLanguage() {
        String slug = uniqueSlug("cohort-form");
        publishedCourse(slug);
        String trainer = TestTokens.token("tess", "police-academy", "trainer");
        given().auth().oauth2(trainer).header("Accept-Language", "fr")
                .formParam("name", " ").formParam("course", slug).formParam("institution", "École de police <Thiès>")
                .formParam("startsOn", "2027-03-05").formParam("endsOn", "2027-03-01")
                .when().post("/training/cohorts").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Nom : à renseigner."))
                .body(containsString("Fin : le groupe ne peut pas finir avant de commencer."))
                .body(not(containsString("give the cohort a name")))
                .body(containsString("value=\"École de police &lt;Thiès&gt;\""))
                .body(containsString("value=\"2027-03-05\""))
                .body(containsString("<option value=\"" + slug + "\" lang=\"fr\" selected>"));
        given().auth().oauth2(trainer).header("Accept-Language", "ar")
                .formParam("name", "x").formParam("course", slug).formParam("institution", "y")
                .formParam("startsOn", "tomorrow").formParam("endsOn", "2027-03-01")
                .when().post("/training/cohorts").then().statusCode(400)
                .body(containsString("أدخل تاريخًا بالصيغة YYYY-MM-DD."));
        // The session form of a cohort's page, likewise.
        String location = given().auth().oauth2(trainer).redirects().follow(false)
                .formParam("name", "Saint-Louis").formParam("course", slug).formParam("institution", "Gendarmerie")
                .formParam("startsOn", "2027-03-01").formParam("endsOn", "2027-03-03")
                .when().post("/training/cohorts").then().statusCode(303).extract().header("Location");
        given().auth().oauth2(trainer).header("Accept-Language", "es").formParam("heldOn", "").formParam("topic", "Derivación")
                .when().post(location + "/sessions").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Fecha: complete este campo."))
                .body(containsString("value=\"Derivación\""));
    }

    @Test
    void theCohortListHasColumnHeadersAndCountsTraineesInTheReadersPluralForms() {
        String slug = uniqueSlug("cohort-plural");
        publishedCourse(slug);
        LearnerSteps.enrol("uma", slug, "en");
        LearnerSteps.enrol("ugo", slug, "en");
        String trainer = TestTokens.token("ulla", "police-academy", "trainer");
        long one = CohortResourceTests.createCohort(trainer, slug);
        CohortResourceTests.addMember(trainer, one, "uma");
        long two = CohortResourceTests.createCohort(trainer, slug);
        CohortResourceTests.addMember(trainer, two, "uma");
        CohortResourceTests.addMember(trainer, two, "ugo");
        given().auth().oauth2(trainer).header("Accept-Language", "en").when().get("/training/cohorts").then()
                .statusCode(200).body(containsString("<th scope=\"col\">Institution</th>"))
                .body(containsString("<th scope=\"col\">Trainees</th>"))
                .body(containsString(">1 trainee<")).body(containsString(">2 trainees<"));
        given().auth().oauth2(trainer).header("Accept-Language", "ar").when().get("/training/cohorts").then()
                .statusCode(200).body(containsString(">متدرب واحد<")).body(containsString(">متدربان<"));
        given().auth().oauth2(trainer).header("Accept-Language", "fr").when().get("/training/cohorts").then()
                .statusCode(200).body(containsString(">1 apprenant<")).body(containsString(">2 apprenants<"));
    }

    @Test
    void aTrainerSearchesTheOrganizationsTraineesAndAddsOneNotYetEnrolledFromThePage() {
        String slug = uniqueSlug("cohort-page-add");
        publishedCourse(slug);
        String trainer = TestTokens.token("tess", "police-academy", "trainer");
        long cohort = CohortResourceTests.createCohort(trainer, slug);
        CohortResourceTests.signsIn(TestTokens.token("wanjiru", "police-academy", "trainee"));
        CohortResourceTests.signsIn(TestTokens.token("wendell", "border-agency", "trainee"));
        given().auth().oauth2(trainer).queryParam("q", "WAN").when().get("/training/cohorts/" + cohort).then()
                .statusCode(200).body(containsString("Wanjiru Tester")).body(not(containsString("Wendell Tester")))
                .body(containsString("Not enrolled yet: adding enrols them in the course"))
                .body(containsString("value=\"" + TestTokens.subjectOf("wanjiru") + "\""));
        given().auth().oauth2(trainer).redirects().follow(false).formParam("subject", TestTokens.subjectOf("wanjiru"))
                .when().post("/training/cohorts/" + cohort + "/members").then().statusCode(303);
        given().auth().oauth2(trainer).when().get("/training/cohorts/" + cohort).then().statusCode(200)
                .body(containsString("<tr><td>Wanjiru Tester</td><td>0")).body(not(containsString("not enrolled")));
        given().auth().oauth2(trainer).redirects().follow(false).formParam("subject", TestTokens.subjectOf("wendell"))
                .when().post("/training/cohorts/" + cohort + "/members").then().statusCode(403)
                .contentType(containsString("text/html"));
    }

    @Test
    void theCoursePickerNamesCoursesInTheReadersLanguage() {
        String slug = uniqueSlug("cohort-picker");
        publishedCourse(slug);
        given().auth().oauth2(TestTokens.token("tess", "police-academy", "trainer")).header("Accept-Language", "fr")
                .when().get("/training/cohorts").then().statusCode(200)
                .body(containsString("<option value=\"" + slug + "\" lang=\"fr\">Cours d&#39;essai " + slug + "</option>"));
    }
}
