package org.beacon.training.web;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.PDF;
import static org.beacon.training.CourseFixtures.admin;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.courseFiles;
import static org.beacon.training.CourseFixtures.importCourse;
import static org.beacon.training.CourseFixtures.newCourse;
import static org.beacon.training.CourseFixtures.publishedCourse;
import static org.beacon.training.CourseFixtures.trainee;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.beacon.training.CourseFixtures.zip;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.LearnerSteps;
import org.junit.jupiter.api.Test;

/**
 * The service's own refusals on a page are in the reader's language, numbers in the reader's digits; the API keeps
 * its English detail (issue 14).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class RefusalPagesTests {

    @Test
    void aMissingCourseIsExplainedInFrenchAndArabicAndInEnglishToPrograms() {
        given().auth().oauth2(trainee("nina")).header("Accept-Language", "fr")
                .when().get("/training/courses/no-such-course")
                .then().statusCode(404)
                .body(containsString("Aucun cours « no-such-course »."))
                .body(not(containsString("No course")));
        given().auth().oauth2(trainee("nina")).header("Accept-Language", "ar")
                .when().get("/training/courses/no-such-course")
                .then().statusCode(404)
                .body(containsString("لا توجد دورة «no-such-course»."));
        given().auth().oauth2(trainee("nina")).header("Accept-Language", "fr")
                .when().get("/training/api/courses/no-such-course")
                .then().statusCode(404)
                .body("detail", equalTo("No course 'no-such-course'."));
    }

    @Test
    void aPublishedVersionRefusesItsFormsInArabicWithArabicDigits() {
        long version = publishedCourse(uniqueSlug("refused-ar"));
        long lesson = given().auth().oauth2(author("bob")).when().get("/training/api/authoring/versions/" + version)
                .then().statusCode(200).extract().jsonPath().getLong("modules[0].lessons[0].id");
        given().auth().oauth2(author("bob")).header("Accept-Language", "ar")
                .when().get("/training/author/versions/" + version + "/lessons/" + lesson + "/texts?lang=fr")
                .then().statusCode(409)
                .body(containsString("الترجمة باللغة «fr» للإصدار ١ حالتها: منشور، ولا يمكن تغييرها."))
                .body(not(containsString("cannot be changed")));
    }

    @Test
    void aVersionThatCannotGoToReviewSaysWhyInArabicAndInEnglishToPrograms() {
        long version = newCourse(uniqueSlug("unready-ar"), "labour-inspection", List.of("en", "fr"), "Unready");
        given().auth().oauth2(author("bob")).header("Accept-Language", "ar").redirects().follow(false)
                .when().post("/training/author/versions/" + version + "/submit")
                .then().statusCode(400)
                .body(containsString("الإصدار غير جاهز للمراجعة."))
                .body(containsString("لا يحتوي الإصدار على أي درس."))
                .body(containsString("لا يحتوي الإصدار على اختبار بعدي."))
                .body(not(containsString("has no lesson")))
                .body(not(containsString("has no post-test")));
        given().auth().oauth2(author("bob")).header("Accept-Language", "ar")
                .when().post("/training/api/authoring/versions/" + version + "/submit")
                .then().statusCode(400)
                .body("errors", hasItems("The version has no lesson.",
                        "The version has no post-test."));
    }

    @Test
    void anOversizedUploadIsRefusedInFrenchOnThePageAndInEnglishToPrograms() {
        String slug = uniqueSlug("upload-fr");
        long version = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        long lesson = given().auth().oauth2(author("bob")).when().get("/training/api/authoring/versions/" + version)
                .then().extract().jsonPath().getLong("modules[0].lessons[0].id");
        // The tests' limit is 64 KB (%test.beacon.uploads.max-bytes).
        byte[] large = new byte[70_000];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        given().auth().oauth2(author("bob")).header("Accept-Language", "fr").redirects().follow(false)
                .multiPart("lesson", String.valueOf(lesson)).multiPart("file", "big.pdf", large, "application/pdf")
                .when().post("/training/author/versions/" + version + "/attachments")
                .then().statusCode(413)
                .body(containsString("Le fichier fait 70\u202f000 octets ; la limite est de 65\u202f536 octets."))
                .body(not(containsString("bytes")));
        given().auth().oauth2(author("bob")).header("Accept-Language", "fr")
                .multiPart("file", "big.pdf", large, "application/pdf")
                .when().post("/training/api/attachments")
                .then().statusCode(413)
                .body("detail", equalTo("The file is 70,000 bytes; the limit is 65,536 bytes."));
    }

    @Test
    void aBadCoursePackageIsListedInFrenchOnTheImportPage() {
        String slug = uniqueSlug("import-fr");
        Map<String, byte[]> files = courseFiles(slug);
        files.remove("lessons/m2/l3.en.md");
        given().auth().oauth2(admin()).header("Accept-Language", "fr").redirects().follow(false)
                .multiPart("file", slug + ".zip", zip(slug, files), "application/zip")
                .when().post("/training/author/import")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Importer un paquet de cours"))
                .body(containsString("Le paquet du cours comporte 1 erreur ; rien n’a été importé."))
                .body(containsString("lessons/m2/l3.en.md : manquant ; chaque leçon doit avoir son texte dans la"
                        + " langue par défaut."))
                .body(not(containsString("every lesson needs")));
        given().auth().oauth2(admin()).redirects().follow(false)
                .multiPart("file", slug + ".zip", zip(slug, courseFiles(slug)), "application/zip")
                .when().post("/training/author/import")
                .then().statusCode(303).header("Location", containsString("/training/author/versions/"));
        given().auth().oauth2(author("bob")).when().get("/training/author/import").then().statusCode(403);
    }

    @Test
    void aTraineeOfAnotherOrganizationIsRefusedInFrench() {
        String slug = uniqueSlug("refused-fr");
        publishedCourse(slug);
        String trainer = TestTokens.token("tess", "police-academy", "trainer");
        long cohort = given().auth().oauth2(trainer).contentType("application/json")
                .body(Map.of("name", "Dakar workshop", "course", slug, "institution", "Police Academy Dakar",
                        "startsOn", "2027-02-01", "endsOn", "2027-02-05"))
                .when().post("/training/api/cohorts").then().statusCode(201).extract().jsonPath().getLong("cohort.id");
        given().auth().oauth2(TestTokens.token("wendell", "border-agency", "trainee"))
                .when().get(LearnerSteps.API).then().statusCode(200);
        given().auth().oauth2(trainer).header("Accept-Language", "fr").redirects().follow(false)
                .formParam("subject", TestTokens.subjectOf("wendell"))
                .when().post("/training/cohorts/" + cohort + "/members")
                .then().statusCode(403)
                .body(containsString("Accès refusé"))
                .body(containsString("Cet apprenant appartient à une autre organisation que celle du groupe"
                        + " (police-academy) ; seul un administrateur peut"))
                .body(not(containsString("only an admin")));
    }
}
