package org.beacon.training.course;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.admin;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.courseFiles;
import static org.beacon.training.CourseFixtures.importCourse;
import static org.beacon.training.CourseFixtures.publish;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.beacon.training.CourseFixtures.zip;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

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
class AuthorPagesTests {

    @Test
    void anAuthorImportsGiftThroughTheFormAndSeesLineNumberedErrors() {
        String slug = uniqueSlug("author-page");
        long version = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        given().auth().oauth2(author("bob")).header("Accept-Language", "fr").when().get("/training/author")
                .then().statusCode(200).body(containsString(slug)).body(containsString("Rédaction"));
        given().auth().oauth2(author("bob")).when().get("/training/author/versions/" + version)
                .then().statusCode(200).body(containsString("Translation completeness"))
                .body(containsString("Import questions (GIFT)"));

        given().auth().oauth2(author("bob")).redirects().follow(false)
                .formParam("language", "fr").formParam("gift", "::t-q04:: Lesquels sont des moyens ?\n{~%50%La tromperie ~%50%L'abus de vulnérabilité ~%-100%Franchir une frontière\n")
                .when().post("/training/author/versions/" + version + "/gift")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("line 2: the answer block opened here is not closed"));
        given().auth().oauth2(author("bob")).redirects().follow(false)
                .formParam("language", "fr").formParam("gift", "::t-q04:: Lesquels sont des moyens ?\n{~%50%La tromperie ~%50%L'abus de vulnérabilité ~%-100%Franchir une frontière}\n")
                .when().post("/training/author/versions/" + version + "/gift")
                .then().statusCode(303).header("Location", equalTo("/training/author/versions/" + version + "?imported=1"));
        given().auth().oauth2(author("bob")).when().get("/training/api/authoring/versions/" + version)
                .then().body("completeness.find { it.language == 'fr' }.missingByKind.question", equalTo(null));
    }

    @Test
    void theApproveButtonIsOfferedOnlyToAnotherAuthor() {
        String slug = uniqueSlug("approve-page");
        long version = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        given().auth().oauth2(admin()).redirects().follow(false).when().post("/training/author/versions/" + version + "/submit")
                .then().statusCode(303);
        given().auth().oauth2(admin()).when().get("/training/author/versions/" + version)
                .then().statusCode(200).body(not(containsString("/approve")));
        given().auth().oauth2(admin()).redirects().follow(false).when().post("/training/author/versions/" + version + "/approve")
                .then().statusCode(403).contentType(containsString("text/html"));
        given().auth().oauth2(author("rita")).when().get("/training/author/versions/" + version)
                .then().statusCode(200).body(containsString("/approve"));
        given().auth().oauth2(author("rita")).redirects().follow(false).when().post("/training/author/versions/" + version + "/approve")
                .then().statusCode(303);
        given().auth().oauth2(author("rita")).header("Accept-Language", "ar").when().get("/training/author/versions/" + version)
                .then().statusCode(200).body(containsString("dir=\"rtl\"")).body(containsString("منشور"));
    }

    @Test
    void aLanguageIsAddedReviewedAndPublishedFromTheVersionPage() {
        String slug = uniqueSlug("language-page");
        long version = CourseFixtures.publishedCourse(slug);
        String page = "/training/author/versions/" + version;
        given().auth().oauth2(author("bob")).redirects().follow(false).formParam("language", "pt")
                .when().post(page + "/translations")
                .then().statusCode(303).header("Location", equalTo(page));
        given().auth().oauth2(author("bob")).redirects().follow(false).formParam("language", "no tag")
                .when().post(page + "/translations")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("BCP-47"));
        // Only the new draft translation can be edited; the published texts of the version cannot.
        given().auth().oauth2(author("bob")).when().get(page)
                .then().statusCode(200)
                .body(containsString("id=\"translation-pt\""))
                .body(containsString(page + "/translations/pt/submit"))
                .body(containsString("/texts?lang=pt"))
                .body(not(containsString("/texts?lang=fr")));
        given().auth().oauth2(author("bob")).when().get(page + "/course/" + version + "/texts?lang=fr")
                .then().statusCode(409);
        given().auth().oauth2(author("bob")).redirects().follow(false)
                .formParam("language", "pt").formParam("title", "Curso de teste").formParam("summary", "Resumo.")
                .when().post(page + "/course/" + version + "/texts")
                .then().statusCode(303);
        given().auth().oauth2(author("bob")).redirects().follow(false).when().post(page + "/translations/pt/submit")
                .then().statusCode(303);
        given().auth().oauth2(author("bob")).when().get(page)
                .then().body(not(containsString(page + "/translations/pt/approve")));
        given().auth().oauth2(author("rita")).header("Accept-Language", "fr").when().get(page)
                .then().body(containsString(page + "/translations/pt/approve"))
                .body(containsString("Traductions"));
        given().auth().oauth2(author("rita")).redirects().follow(false).when().post(page + "/translations/pt/approve")
                .then().statusCode(303);
        given().auth().oauth2(CourseFixtures.trainee("tina")).when().get("/training/api/courses/" + slug)
                .then().body("languages", equalTo(java.util.List.of("en", "fr", "pt")));
    }

    @Test
    void anAuthorAttachesAHandoutToALessonAndAWrongTypeIsShownOnThePage() {
        String slug = uniqueSlug("attach-page");
        long version = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        long lesson = given().auth().oauth2(author("bob")).when().get("/training/api/authoring/versions/" + version)
                .then().extract().jsonPath().getLong("modules[1].lessons[0].id");
        given().auth().oauth2(author("bob")).redirects().follow(false)
                .multiPart("lesson", String.valueOf(lesson)).multiPart("file", "checklist.pdf", CourseFixtures.PDF, "application/pdf")
                .when().post("/training/author/versions/" + version + "/attachments")
                .then().statusCode(303);
        // A lesson that is not in the draft is refused, and the uploaded file is not kept.
        long stored = org.beacon.training.StoredObjects.attachments();
        given().auth().oauth2(author("bob")).redirects().follow(false)
                .multiPart("lesson", "999999").multiPart("file", "stray.pdf", CourseFixtures.PDF, "application/pdf")
                .when().post("/training/author/versions/" + version + "/attachments")
                .then().statusCode(404).contentType(containsString("text/html"));
        org.junit.jupiter.api.Assertions.assertEquals(stored, org.beacon.training.StoredObjects.attachments());
        given().auth().oauth2(author("bob")).redirects().follow(false)
                .multiPart("lesson", String.valueOf(lesson)).multiPart("file", "page.html", "<script>x</script>".getBytes(), "text/html")
                .when().post("/training/author/versions/" + version + "/attachments")
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString("are not accepted"));
        publish(version);
        var learner = LearnerSteps.throughModules("abel", slug, "en", java.util.Map.of());
        given().auth().oauth2(learner.token()).when()
                .get("/training/api/enrolments/" + learner.enrolment() + "/lessons/" + learner.lesson(1, 0))
                .then().statusCode(200).body("media.fileName", org.hamcrest.Matchers.contains("checklist.pdf"));
        given().auth().oauth2(author("bob")).redirects().follow(false)
                .multiPart("lesson", String.valueOf(lesson)).multiPart("file", "late.pdf", CourseFixtures.PDF, "application/pdf")
                .when().post("/training/author/versions/" + version + "/attachments")
                .then().statusCode(409);
    }

    @Test
    void authorPagesAreForAuthors() {
        given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee")).when().get("/training/author")
                .then().statusCode(403).contentType(containsString("text/html"));
        given().when().get("/training/author").then().statusCode(401);
    }
}
