package org.beacon.training.course;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.admin;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.courseFiles;
import static org.beacon.training.CourseFixtures.importCourse;
import static org.beacon.training.CourseFixtures.publishedCourse;
import static org.beacon.training.CourseFixtures.trainee;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.beacon.training.CourseFixtures.zip;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.LearnerSteps;
import org.beacon.training.audit.AuditEntry;
import org.junit.jupiter.api.Test;

/**
 * Each translation has its own workflow (PRODUCT.md §3): it goes to review with its version, but may be sent back,
 * added later or withdrawn on its own, with four eyes per language; trainees are offered only published ones.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class TranslationWorkflowTests {

    static final String API = "/training/api/authoring";

    @Test
    void aTranslationSentBackIsFixedAndPublishedOnItsOwnWhileTheCourseStaysOnline() {
        String slug = uniqueSlug("sent-back");
        long version = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        step(admin(), version, "/submit").statusCode(200)
                .body("translations.find { it.language == 'fr' }.status", equalTo("in_review"));
        given().auth().oauth2(author("rita")).contentType("application/json")
                .body(Map.of("comment", "Leçon un: 'finalité' is the term of the French Protocol text."))
                .when().post(API + "/versions/" + version + "/translations/fr/reject")
                .then().statusCode(200)
                .body("translations.find { it.language == 'fr' }.status", equalTo("draft"))
                .body("translations.find { it.language == 'fr' }.reviewComment", containsString("finalité"));
        step(author("rita"), version, "/approve").statusCode(200).body("status", equalTo("published"))
                .body("translations.find { it.language == 'en' }.status", equalTo("published"))
                .body("translations.find { it.language == 'fr' }.status", equalTo("draft"));

        // Online in English only: French readers fall back and cannot enrol in French yet.
        catalogue(slug, "fr").body("languages", equalTo(List.of("en"))).body("fallback", equalTo(true));
        enrolIn(slug, "fr", "tina").statusCode(400).body("detail", containsString("en"));

        // The French translator fixes the draft translation of the published version; English stays frozen.
        long lesson = AuthoringResourceTests.firstLesson(version);
        editLesson(author("tom"), version, lesson, "fr", "La finalité d'exploitation est le troisième élément.")
                .statusCode(200);
        editLesson(author("tom"), version, lesson, "en", "Changed English").statusCode(409);
        step(author("tom"), version, "/translations/fr/submit").statusCode(200)
                .body("translations.find { it.language == 'fr' }.status", equalTo("in_review"));
        step(author("tom"), version, "/translations/fr/approve").statusCode(403)
                .body("detail", containsString("another author"));
        given().auth().oauth2(author("rita")).when().get(API + "/versions/" + version).then()
                .body("translations.find { it.language == 'fr' }.mayApprove", equalTo(true));
        step(author("rita"), version, "/translations/fr/approve").statusCode(200)
                .body("translations.find { it.language == 'fr' }.status", equalTo("published"));

        catalogue(slug, "fr").body("languages", equalTo(List.of("en", "fr"))).body("fallback", equalTo(false));
        LearnerSteps.Learner learner = LearnerSteps.enrol("tina", slug, "fr");
        LearnerSteps.submit(learner, learner.pretest(), Map.of());
        given().auth().oauth2(learner.token())
                .when().get(LearnerSteps.API + "/" + learner.enrolment() + "/lessons/" + lesson)
                .then().statusCode(200).body("html", containsString("troisième élément"));
        editLesson(author("tom"), version, lesson, "fr", "Changed after publication").statusCode(409);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "action = 'translation.publish' and entityId = ?1 and summaryKey = 'translation.published'"
                        + " and summaryArguments = '[{\"language\":\"fr\"}]'"
                        + " and detail = 'Translation into French published.'", version)));
    }

    @Test
    void aLanguageAddedToAPublishedVersionStaysHiddenUntilItIsReviewed() {
        String slug = uniqueSlug("added-language");
        long version = publishedCourse(slug);
        addLanguage(author("bob"), version, "ar").statusCode(200)
                .body("languages", hasItem("ar"))
                .body("translations.find { it.language == 'ar' }.status", equalTo("draft"))
                .body("editableLanguages", equalTo(List.of("ar")));
        catalogue(slug, "ar").body("languages", not(hasItem("ar"))).body("fallback", equalTo(true));

        given().auth().oauth2(author("bob")).contentType("application/json")
                .body(Map.of("title", "دورة تجريبية", "summary", "ما يجب أن يعرفه المستجيبون الأوائل."))
                .when().put(API + "/versions/" + version + "/texts/ar").then().statusCode(200);
        step(author("bob"), version, "/translations/ar/submit").statusCode(200);
        step(author("rita"), version, "/translations/ar/approve").statusCode(200);
        catalogue(slug, "ar").body("languages", equalTo(List.of("en", "fr", "ar")))
                .body("title", equalTo("دورة تجريبية")).body("fallback", equalTo(false));

        addLanguage(author("bob"), version, "fr").statusCode(409).body("detail", containsString("already"));
        addLanguage(author("bob"), version, "not a tag").statusCode(400);
        addLanguage(trainee("tina"), version, "pt").statusCode(403);
    }

    @Test
    void aFaultyTranslationIsWithdrawnWithoutWithdrawingTheCourse() {
        String slug = uniqueSlug("withdrawn");
        long version = publishedCourse(slug);
        LearnerSteps.Learner before = LearnerSteps.enrol("ines", slug, "fr");

        step(trainee("tina"), version, "/translations/fr/archive").statusCode(403);
        step(author("rita"), version, "/translations/en/archive").statusCode(409)
                .body("detail", containsString("default language"));
        step(author("rita"), version, "/translations/fr/archive").statusCode(200)
                .body("status", equalTo("published"))
                .body("translations.find { it.language == 'fr' }.status", equalTo("archived"));

        enrolIn(slug, "fr", "tina").statusCode(400);
        catalogue(slug, "en").body("languages", equalTo(List.of("en")));
        // A trainee already studying the French text keeps it.
        given().auth().oauth2(before.token()).when().get(LearnerSteps.API + "/" + before.enrolment())
                .then().statusCode(200).body("language", equalTo("fr")).body("title", containsString("Cours d'essai"));
    }

    @Test
    void eachStepIsRefusedOutOfTurnAndChangesNothing() {
        String slug = uniqueSlug("out-of-turn");
        long version = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        // A draft version's translations go to review with it.
        step(author("bob"), version, "/translations/fr/submit").statusCode(409)
                .body("detail", containsString("go to review with it"));
        step(admin(), version, "/submit").statusCode(200);
        // While the version is in review, approving it is what publishes its translations.
        step(author("rita"), version, "/translations/fr/approve").statusCode(409);
        step(author("rita"), version, "/translations/fr/archive").statusCode(409);
        step(author("rita"), version, "/translations/xx/submit").statusCode(404);
        given().auth().oauth2(author("rita")).contentType("application/json").body(Map.of("comment", " "))
                .when().post(API + "/versions/" + version + "/translations/fr/reject")
                .then().statusCode(400);
        given().auth().oauth2(author("rita")).when().get(API + "/versions/" + version).then()
                .body("translations.status", equalTo(List.of("in_review", "in_review")));
    }

    private static ValidatableResponse step(String token, long version, String path) {
        return given().auth().oauth2(token).when().post(API + "/versions/" + version + path).then();
    }

    private static ValidatableResponse addLanguage(String token, long version, String language) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("language", language))
                .when().post(API + "/versions/" + version + "/translations").then();
    }

    private static ValidatableResponse editLesson(String token, long version, long lesson, String language,
            String body) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("title", "Leçon un", "body", body))
                .when().put(API + "/versions/" + version + "/lessons/" + lesson + "/texts/" + language).then();
    }

    private static ValidatableResponse catalogue(String slug, String language) {
        return given().auth().oauth2(trainee("tina")).when().get("/training/api/courses/" + slug + "?lang=" + language)
                .then().statusCode(200);
    }

    private static ValidatableResponse enrolIn(String slug, String language, String trainee) {
        return given().auth().oauth2(trainee(trainee)).contentType("application/json")
                .body(Map.of("course", slug, "language", language))
                .when().post(LearnerSteps.API).then();
    }
}
