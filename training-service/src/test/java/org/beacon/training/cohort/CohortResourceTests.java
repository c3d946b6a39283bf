package org.beacon.training.cohort;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.publishedCourse;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.CourseFixtures;
import org.beacon.training.LearnerSteps;
import org.beacon.training.LearnerSteps.Learner;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class CohortResourceTests {

    static final String API = "/training/api/cohorts";

    static String trainer(String name) {
        return TestTokens.token(name, "police-academy", "trainer");
    }

    static long createCohort(String token, String slug) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "Dakar workshop", "course", slug, "institution", "Police Academy Dakar",
                        "startsOn", "2027-02-01", "endsOn", "2027-02-05"))
                .when().post(API).then().statusCode(201).extract().jsonPath().getLong("cohort.id");
    }

    static void addMember(String token, long cohort, String username) {
        given().auth().oauth2(token).contentType("application/json").body(Map.of("subject", TestTokens.subjectOf(username)))
                .when().post(API + "/" + cohort + "/members").then().statusCode(200);
    }

    @Test
    void theTrainerSeesProgressAttendanceAndKnowledgeGain() {
        String slug = uniqueSlug("cohort");
        publishedCourse(slug);
        // Pre 25 → post 100 (gain 75); pre 50 → post 62.5 (gain 12.5); a third took only the pre-test.
        Learner aminata = LearnerSteps.throughModules("aminata", slug, "en",
                Map.of("For an adult", List.of("2"), "Trafficking always", List.of("true")));
        LearnerSteps.passPosttest(aminata);
        Learner bruno = LearnerSteps.throughModules("bruno", slug, "en",
                Map.of("For an adult", List.of("0"), "Trafficking always", List.of("true")));
        LearnerSteps.posttest(bruno, Map.of("For an adult", List.of("2"), "Trafficking always", List.of("false"),
                "Which article", List.of("Article 5"), "Which of these", List.of("0", "2")));
        Learner chen = LearnerSteps.enrol("chen", slug, "fr");
        LearnerSteps.submit(chen, chen.pretest(), Map.of());

        String tom = trainer("tom");
        long cohort = createCohort(tom, slug);
        given().auth().oauth2(tom).when().get(API + "/" + cohort).then().statusCode(200).body("members", hasSize(0));
        given().auth().oauth2(tom).when().get(API + "/" + cohort + "/trainees").then().statusCode(200)
                .body("name", hasItem("Aminata Tester"));
        addMember(tom, cohort, "aminata");
        addMember(tom, cohort, "bruno");
        addMember(tom, cohort, "chen");
        addMember(tom, cohort, "chen");
        long session = given().auth().oauth2(tom).contentType("application/json")
                .body(Map.of("heldOn", "2027-02-01", "topic", "Identifying victims"))
                .when().post(API + "/" + cohort + "/sessions").then().statusCode(201)
                .extract().jsonPath().getLong("sessions[0].id");
        given().auth().oauth2(tom).contentType("application/json")
                .body(Map.of("present", List.of(TestTokens.subjectOf("aminata"), TestTokens.subjectOf("chen"))))
                .when().put(API + "/" + cohort + "/sessions/" + session + "/attendance").then().statusCode(200);

        given().auth().oauth2(tom).when().get(API + "/" + cohort + "/trainees").then().statusCode(200)
                .body("name", not(hasItem("Aminata Tester")));
        JsonPath detail = given().auth().oauth2(tom).when().get(API + "/" + cohort).then().statusCode(200)
                .body("members", hasSize(3)).extract().jsonPath();
        assertEquals("completed", detail.getString("members.find { it.name == 'Aminata Tester' }.status"));
        assertEquals(100, detail.getInt("members.find { it.name == 'Aminata Tester' }.progress"));
        assertEquals(75.0f, detail.getFloat("members.find { it.name == 'Aminata Tester' }.gain"));
        assertEquals(1, detail.getInt("members.find { it.name == 'Aminata Tester' }.attended"));
        assertEquals(0, detail.getInt("members.find { it.name == 'Bruno Tester' }.attended"));
        assertEquals(0, detail.getInt("members.find { it.name == 'Chen Tester' }.progress"));
        assertNull(detail.get("members.find { it.name == 'Chen Tester' }.gain"));

        assertEquals(2, detail.getInt("knowledgeGain.trainees"));
        assertEquals(43.75f, detail.getFloat("knowledgeGain.mean"));
        assertEquals(12.5f, detail.getFloat("knowledgeGain.min"));
        assertEquals(75.0f, detail.getFloat("knowledgeGain.max"));
        assertEquals(List.of(10, 70), detail.getList("knowledgeGain.distribution.from"));
        assertEquals(List.of(1, 1), detail.getList("knowledgeGain.distribution.trainees"));
        assertEquals(List.of(TestTokens.subjectOf("aminata"), TestTokens.subjectOf("chen")).stream().sorted().toList(),
                detail.getList("sessions[0].present", String.class).stream().sorted().toList());
    }

    @Test
    void aTrainerSeesOnlyTheirOwnCohorts() {
        String slug = uniqueSlug("isolation");
        publishedCourse(slug);
        LearnerSteps.enrol("dina", slug, "en");
        long cohort = createCohort(trainer("alice"), slug);
        String bob = trainer("bobby");
        given().auth().oauth2(bob).when().get(API + "/" + cohort).then().statusCode(403)
                .body("detail", containsString("another trainer"));
        given().auth().oauth2(bob).contentType("application/json").body(Map.of("subject", TestTokens.subjectOf("dina")))
                .when().post(API + "/" + cohort + "/members").then().statusCode(403);
        given().auth().oauth2(bob).contentType("application/json").body(Map.of("heldOn", "2027-02-01", "topic", "x"))
                .when().post(API + "/" + cohort + "/sessions").then().statusCode(403);
        given().auth().oauth2(bob).when().get(API).then().statusCode(200).body("id", not(hasItem((int) cohort)));
        given().auth().oauth2(trainer("alice")).when().get(API).then().statusCode(200).body("id", hasItem((int) cohort));
        given().auth().oauth2(TestTokens.token("ada", "platform", "admin")).when().get(API + "/" + cohort)
                .then().statusCode(200);
    }

    @Test
    void aTrainerSeesAndAddsOnlyTraineesOfTheCohortsOrganization() {
        String slug = uniqueSlug("cohort-org");
        publishedCourse(slug);
        LearnerSteps.enrol("pape", slug, "en");
        String outsider = TestTokens.token("olga", "border-agency", "trainee");
        given().auth().oauth2(outsider).contentType("application/json").body(Map.of("course", slug, "language", "en"))
                .when().post(LearnerSteps.API).then().statusCode(201);
        String tom = trainer("tom");
        long cohort = createCohort(tom, slug);
        given().auth().oauth2(tom).when().get(API + "/" + cohort + "/trainees").then().statusCode(200)
                .body("name", hasItem("Pape Tester")).body("name", not(hasItem("Olga Tester")));
        given().auth().oauth2(tom).contentType("application/json").body(Map.of("subject", TestTokens.subjectOf("olga")))
                .when().post(API + "/" + cohort + "/members").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("another organization"));
        given().auth().oauth2(tom).when().get(API + "/" + cohort).then().body("members", hasSize(0));
        addMember(tom, cohort, "pape");
        // An admin may bring a trainee of another organization into a cohort.
        String admin = TestTokens.token("ada", "platform", "admin");
        given().auth().oauth2(admin).when().get(API + "/" + cohort + "/trainees").then().body("name", hasItem("Olga Tester"));
        addMember(admin, cohort, "olga");
        given().auth().oauth2(tom).when().get(API + "/" + cohort).then().body("members", hasSize(2));
    }

    @Test
    void aTraineeOnceEnrolledThroughTheCohortsOrganizationCanBeAddedAfterEnrollingElsewhere() {
        String slug = uniqueSlug("cohort-moved");
        publishedCourse(slug);
        LearnerSteps.posttest(LearnerSteps.throughModules("mona", slug, "en", Map.of()), LearnerSteps.PERFECT_EN);
        long next = given().auth().oauth2(CourseFixtures.author("bob"))
                .when().post("/training/api/authoring/courses/" + slug + "/drafts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        CourseFixtures.publish(next);
        // Mona has moved to the border agency and takes the new version there.
        given().auth().oauth2(TestTokens.token("mona", "border-agency", "trainee")).contentType("application/json")
                .body(Map.of("course", slug, "language", "en")).when().post(LearnerSteps.API).then().statusCode(201);
        String tom = trainer("tom");
        long cohort = createCohort(tom, slug);
        given().auth().oauth2(tom).when().get(API + "/" + cohort + "/trainees").then().body("name", hasItem("Mona Tester"));
        addMember(tom, cohort, "mona");
        given().auth().oauth2(tom).when().get(API + "/" + cohort).then().body("members", hasSize(1));
    }

    @Test
    void badCohortInputIsRefused() {
        String slug = uniqueSlug("cohort-bad");
        publishedCourse(slug);
        String tom = trainer("tom");
        given().auth().oauth2(tom).contentType("application/json")
                .body(Map.of("name", "", "course", "no-such-course", "institution", "", "startsOn", "2027-02-05",
                        "endsOn", "2027-02-01"))
                .when().post(API).then().statusCode(400).body("errors", hasSize(4));
        long cohort = createCohort(tom, slug);
        given().auth().oauth2(tom).contentType("application/json").body(Map.of("subject", "not-enrolled"))
                .when().post(API + "/" + cohort + "/members").then().statusCode(400)
                .body("detail", containsString("signed in to Beacon yet"));
        given().auth().oauth2(tom).contentType("application/json").body(Map.of("heldOn", "tomorrow", "topic", "x"))
                .when().post(API + "/" + cohort + "/sessions").then().statusCode(400);
        given().auth().oauth2(tom).contentType("application/json").body(Map.of("present", List.of()))
                .when().put(API + "/" + cohort + "/sessions/999999/attendance").then().statusCode(404);
        given().auth().oauth2(tom).when().get(API + "/999999").then().statusCode(404);
    }

    @Test
    void cohortsAreForTrainersAndAdmins() {
        given().when().get(API).then().statusCode(401);
        given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee")).when().get(API).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("ana", "police-academy", "author")).contentType("application/json")
                .body(Map.of("name", "x")).when().post(API).then().statusCode(403);
    }

    /** A trainee's first call to the training service: after it, trainers of their organization can find them. */
    static void signsIn(String token) {
        given().auth().oauth2(token).when().get(LearnerSteps.API).then().statusCode(200);
    }

    @Test
    void aTrainerFindsASignedInTraineeOfTheOrganizationAndEnrolsThemByAddingThem() {
        String slug = uniqueSlug("cohort-find");
        publishedCourse(slug);
        String tom = trainer("tom");
        long cohort = createCohort(tom, slug);
        // Never signed in: Beacon does not know them, nobody can find or add them.
        given().auth().oauth2(tom).queryParam("q", "Quentin").when().get(API + "/" + cohort + "/trainees").then()
                .statusCode(200).body("name", not(hasItem("Quentin Tester")));
        given().auth().oauth2(tom).contentType("application/json").body(Map.of("subject", TestTokens.subjectOf("quentin")))
                .when().post(API + "/" + cohort + "/members").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("signed in to Beacon yet"));

        String quentin = TestTokens.token("quentin", "police-academy", "trainee");
        signsIn(quentin);
        signsIn(TestTokens.token("quincy", "border-agency", "trainee"));
        // Found by part of the name or of the username, whatever the case; not enrolled in the course yet.
        given().auth().oauth2(tom).queryParam("q", "quent").when().get(API + "/" + cohort + "/trainees").then()
                .statusCode(200).body("name", hasItem("Quentin Tester"))
                .body("find { it.name == 'Quentin Tester' }.username", org.hamcrest.Matchers.equalTo("quentin"))
                .body("find { it.name == 'Quentin Tester' }.enrolled", org.hamcrest.Matchers.equalTo(false));
        // Another organization's trainee is never offered and cannot be added, even by account id.
        given().auth().oauth2(tom).queryParam("q", "Quincy").when().get(API + "/" + cohort + "/trainees").then()
                .statusCode(200).body("name", not(hasItem("Quincy Tester")));
        given().auth().oauth2(tom).contentType("application/json").body(Map.of("subject", TestTokens.subjectOf("quincy")))
                .when().post(API + "/" + cohort + "/members").then().statusCode(403);
        // A LIKE wildcard in the search is a character like any other.
        given().auth().oauth2(tom).queryParam("q", "%").when().get(API + "/" + cohort + "/trainees").then()
                .statusCode(200).body("name", not(hasItem("Quentin Tester")));

        addMember(tom, cohort, "quentin");
        JsonPath detail = given().auth().oauth2(tom).when().get(API + "/" + cohort).then().statusCode(200)
                .body("members", hasSize(1)).extract().jsonPath();
        assertEquals("active", detail.getString("members[0].status"));
        assertEquals(0, detail.getInt("members[0].progress"));
        // Enrolled in the cohort's course by being added: the course is in Quentin's list, and his studying shows.
        JsonPath mine = given().auth().oauth2(quentin).when().get(LearnerSteps.API).then().statusCode(200)
                .extract().jsonPath();
        long enrolment = detail.getLong("members[0].enrolmentId");
        assertEquals(List.of(enrolment), mine.getList("id", Long.class).stream().filter(id -> id == enrolment).toList());
        Learner learner = new Learner(quentin, enrolment, given().auth().oauth2(quentin)
                .when().get(LearnerSteps.API + "/" + enrolment).then().statusCode(200).extract().jsonPath());
        LearnerSteps.submit(learner, learner.pretest(), Map.of());
        LearnerSteps.study(learner, learner.lesson(0, 0));
        detail = given().auth().oauth2(tom).when().get(API + "/" + cohort).then().statusCode(200).extract().jsonPath();
        assertEquals(0.0f, detail.getFloat("members[0].pretest"));
        assertTrue(detail.getInt("members[0].progress") > 0);
    }

    @Test
    void anotherOrganizationsTrainerGetsNothingOfACohort() {
        String slug = uniqueSlug("cohort-foreign");
        publishedCourse(slug);
        long cohort = createCohort(trainer("tom"), slug);
        String foreign = TestTokens.token("bea", "border-agency", "trainer");
        for (String path : List.of("", "/trainees", "/progress.csv")) {
            given().auth().oauth2(foreign).when().get(API + "/" + cohort + path).then().statusCode(403);
        }
    }
}
