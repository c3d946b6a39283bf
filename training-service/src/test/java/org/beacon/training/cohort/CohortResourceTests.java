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
        given().auth().oauth2(tom).when().get(API + "/" + cohort).then().statusCode(200)
                .body("candidates.name", hasItem("Aminata Tester")).body("members", hasSize(0));
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

        JsonPath detail = given().auth().oauth2(tom).when().get(API + "/" + cohort).then().statusCode(200)
                .body("members", hasSize(3)).body("candidates.name", not(hasItem("Aminata Tester")))
                .extract().jsonPath();
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
        given().auth().oauth2(tom).when().get(API + "/" + cohort).then().statusCode(200)
                .body("candidates.name", hasItem("Pape Tester")).body("candidates.name", not(hasItem("Olga Tester")));
        given().auth().oauth2(tom).contentType("application/json").body(Map.of("subject", TestTokens.subjectOf("olga")))
                .when().post(API + "/" + cohort + "/members").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("another organization"));
        given().auth().oauth2(tom).when().get(API + "/" + cohort).then().body("members", hasSize(0));
        addMember(tom, cohort, "pape");
        // An admin may bring a trainee of another organization into a cohort.
        String admin = TestTokens.token("ada", "platform", "admin");
        given().auth().oauth2(admin).when().get(API + "/" + cohort).then().body("candidates.name", hasItem("Olga Tester"));
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
        given().auth().oauth2(tom).when().get(API + "/" + cohort).then().body("candidates.name", hasItem("Mona Tester"));
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
                .body("detail", containsString("enrol first"));
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
}
