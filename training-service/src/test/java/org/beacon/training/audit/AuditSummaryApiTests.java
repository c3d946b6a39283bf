package org.beacon.training.audit;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.admin;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.courseFiles;
import static org.beacon.training.CourseFixtures.importCourse;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.beacon.training.CourseFixtures.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Audit summaries are stored as a key and its arguments and read in the language the audit API is asked in
 * ({@code Accept-Language}, as the gateway's admin page sends the admin's), the arguments too: numbers in the
 * reader's digits, a content language by its name, a word such as an import's outcome in the reader's words.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class AuditSummaryApiTests {

    @Inject
    EntityManager em;

    private static String summary(String language, String action, long subjectId) {
        return given().auth().oauth2(admin()).header("Accept-Language", language)
                .when().get("/training/api/audit?action=" + action + "&size=500")
                .then().statusCode(200).extract().jsonPath()
                .getString("find { it.subjectId == " + subjectId + " }.summary");
    }

    @Test
    void anActIsReadInTheLanguageAskedWithItsArguments() {
        String slug = uniqueSlug("audit-words");
        long version = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        given().auth().oauth2(author("bob")).when()
                .get("/training/api/authoring/versions/" + version + "/questions/gift?lang=fr")
                .then().statusCode(200);

        assertEquals("Course " + slug + " version 1 imported: new course.", summary("en", "course.import", version));
        assertEquals("Cours " + slug + ", version 1 importée : nouveau cours.", summary("fr", "course.import", version));
        assertEquals("استُوردت النسخة ١ من الدورة \u2068" + slug + "\u2069: دورة جديدة.",
                summary("ar", "course.import", version));

        assertEquals("Questions of version 1 exported as GIFT in French.", summary("en", "gift.export", version));
        assertEquals("Questions de la version 1 exportées en GIFT, en français.",
                summary("fr-FR, en;q=0.5", "gift.export", version));
        assertEquals("صُدّرت أسئلة النسخة ١ بصيغة GIFT باللغة الفرنسية.", summary("ar", "gift.export", version));
        // A language Beacon has no texts in reads English.
        assertEquals("Questions of version 1 exported as GIFT in French.", summary("de", "gift.export", version));
    }

    @Test
    void anEntryWrittenBeforeSummaryKeysReadsAsItWasWritten() {
        long entity = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into audit_entry (actor, action,"
                + " entity, entity_id, detail) values ('someone', 'gift.export', 'course_version', ?1, 'language fr')")
                .setParameter(1, entity).executeUpdate());
        assertEquals("language fr", summary("fr", "gift.export", entity));
        assertEquals("language fr", summary("ar", "gift.export", entity));
    }
}
