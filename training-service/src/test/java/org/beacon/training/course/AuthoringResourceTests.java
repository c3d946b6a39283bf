package org.beacon.training.course;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.admin;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.courseFiles;
import static org.beacon.training.CourseFixtures.importCourse;
import static org.beacon.training.CourseFixtures.newCourse;
import static org.beacon.training.CourseFixtures.publish;
import static org.beacon.training.CourseFixtures.publishedCourse;
import static org.beacon.training.CourseFixtures.trainee;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.beacon.training.CourseFixtures.zip;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.audit.AuditEntry;
import org.beacon.training.LearnerSteps;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class AuthoringResourceTests {

    static final String API = "/training/api/authoring";

    static long newDraft(String slug, String token) {
        return given().auth().oauth2(token).when().post(API + "/courses/" + slug + "/drafts")
                .then().statusCode(201).body("status", equalTo("draft")).extract().jsonPath().getLong("id");
    }

    /** Drafts a new version marked as a legal change (bob) and publishes it (rita). */
    static void publishLegalChange(String slug) {
        long legal = newDraft(slug, author("bob"));
        given().auth().oauth2(author("bob")).contentType("application/json").body(Map.of("legalChange", true))
                .when().put(API + "/versions/" + legal + "/legal-change").then().statusCode(200).body("legalChange", equalTo(true));
        given().auth().oauth2(author("bob")).when().post(API + "/versions/" + legal + "/submit").then().statusCode(200);
        given().auth().oauth2(author("rita")).when().post(API + "/versions/" + legal + "/approve").then().statusCode(200);
    }

    /** Adds a module and one lesson in it to a draft, as bob. */
    static void newModuleWithLesson(long version, String module, String title, Map<String, String> lesson) {
        long id = given().auth().oauth2(author("bob")).contentType("application/json")
                .body(Map.of("slug", module, "title", title))
                .when().post(API + "/versions/" + version + "/modules").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(author("bob")).contentType("application/json").body(lesson)
                .when().post(API + "/versions/" + version + "/modules/" + id + "/lessons").then().statusCode(201);
    }

    static long firstLesson(long versionId) {
        return given().auth().oauth2(author("bob")).when().get(API + "/versions/" + versionId)
                .then().statusCode(200).extract().jsonPath().getLong("modules[0].lessons[0].id");
    }

    static void editFirstLesson(long versionId, String token, String body) {
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("title", "Lesson one", "body", body))
                .when().put(API + "/versions/" + versionId + "/lessons/" + firstLesson(versionId) + "/texts/en")
                .then().statusCode(200);
    }

    @Test
    void theAuthorOfAVersionCannotApproveItButAnotherAuthorCan() {
        String slug = uniqueSlug("four-eyes");
        long version = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        editFirstLesson(version, author("bob"), "Edited by Bob.");
        given().auth().oauth2(author("bob")).when().post(API + "/versions/" + version + "/submit")
                .then().statusCode(200).body("status", equalTo("in_review")).body("mayApprove", equalTo(false));
        // Both the importer and the editor wrote this version.
        given().auth().oauth2(author("bob")).when().post(API + "/versions/" + version + "/approve")
                .then().statusCode(403).body("detail", containsString("another author"));
        given().auth().oauth2(admin()).when().post(API + "/versions/" + version + "/approve")
                .then().statusCode(403);
        given().auth().oauth2(author("rita")).when().get(API + "/versions/" + version)
                .then().body("mayApprove", equalTo(true));
        given().auth().oauth2(author("rita")).when().post(API + "/versions/" + version + "/approve")
                .then().statusCode(200).body("status", equalTo("published"));
        long published = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "action = 'version.publish' and entityId = ?1", version));
        assertEquals(1, published);
    }

    @Test
    void aPublishedVersionNeverChanges() {
        String slug = uniqueSlug("frozen");
        long version = publishedCourse(slug);
        given().auth().oauth2(author("bob")).contentType("application/json")
                .body(Map.of("title", "Hacked", "body", "Changed after publication"))
                .when().put(API + "/versions/" + version + "/lessons/" + firstLesson(version) + "/texts/en")
                .then().statusCode(409).body("detail", containsString("Start a new draft"));
        given().auth().oauth2(author("bob")).contentType("text/plain").body("::x:: Q {T}")
                .when().post(API + "/versions/" + version + "/questions/gift?lang=en")
                .then().statusCode(409);
        given().auth().oauth2(author("bob")).when().post(API + "/versions/" + version + "/submit")
                .then().statusCode(409);
    }

    @Test
    void theDatabaseItselfRefusesChangesToAPublishedVersion() {
        String slug = uniqueSlug("db-frozen");
        long version = publishedCourse(slug);
        long lesson = firstLesson(version);
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> QuarkusTransaction.requiringNew().run(() -> ContentText.update(
                        "value = 'tampered' where ownerKind = 'lesson' and ownerId = ?1", lesson)));
        StringBuilder causes = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            causes.append(t.getMessage()).append('\n');
        }
        assertTrue(causes.toString().contains("a published course version cannot be changed"), causes.toString());
    }

    @Test
    void aTraineeKeepsTheVersionTheyStartedWhileNewTraineesGetTheNewOne() {
        String slug = uniqueSlug("pinning");
        publishedCourse(slug);
        var early = LearnerSteps.throughModules("early", slug, "en", Map.of());
        long draft = newDraft(slug, author("bob"));
        editFirstLesson(draft, author("bob"), "Version two of lesson one.");
        given().auth().oauth2(author("bob")).when().post(API + "/versions/" + draft + "/submit").then().statusCode(200);
        given().auth().oauth2(author("rita")).when().post(API + "/versions/" + draft + "/approve")
                .then().statusCode(200).body("number", equalTo(2));

        given().auth().oauth2(early.token()).when()
                .get("/training/api/enrolments/" + early.enrolment() + "/lessons/" + early.lesson(0, 0))
                .then().statusCode(200).body("html", containsString("The three elements"));
        given().auth().oauth2(early.token()).when().get("/training/api/enrolments/" + early.enrolment())
                .then().body("version", equalTo(1));

        var late = LearnerSteps.throughModules("late", slug, "en", Map.of());
        assertEquals(2, late.outline().getInt("version"));
        given().auth().oauth2(late.token()).when()
                .get("/training/api/enrolments/" + late.enrolment() + "/lessons/" + late.lesson(0, 0))
                .then().statusCode(200).body("html", containsString("Version two of lesson one."));
    }

    @Test
    void aLegalChangeFlagsHoldersOfOlderCertificatesUntilTheyTakeTheNewVersion() {
        String slug = uniqueSlug("refresher");
        publishedCourse(slug);
        var certified = LearnerSteps.throughModules("cora", slug, "en", Map.of());
        String code = given().auth().oauth2(certified.token())
                .when().get("/training/api/enrolments/" + certified.enrolment()).then().extract().path("certificateCode");
        assertEquals(null, code);
        assertTrue(LearnerSteps.passPosttest(certified).getBoolean("courseCompleted"));

        // A new version without a legal change flags nobody.
        long editorial = newDraft(slug, author("bob"));
        given().auth().oauth2(author("bob")).when().post(API + "/versions/" + editorial + "/submit").then().statusCode(200);
        given().auth().oauth2(author("rita")).when().post(API + "/versions/" + editorial + "/approve").then().statusCode(200);
        given().auth().oauth2(certified.token()).when().get("/training/api/enrolments")
                .then().body("find { it.course == '" + slug + "' }.refresherDue", equalTo(false));

        publishLegalChange(slug);
        given().auth().oauth2(certified.token()).when().get("/training/api/enrolments/" + certified.enrolment())
                .then().body("refresherDue", equalTo(true));

        // Taking the new version is the refresher.
        var refresher = LearnerSteps.throughModules("cora", slug, "en", Map.of());
        assertEquals(3, refresher.outline().getInt("version"));
        assertTrue(LearnerSteps.passPosttest(refresher).getBoolean("courseCompleted"));
        given().auth().oauth2(certified.token()).when().get("/training/api/enrolments/" + certified.enrolment())
                .then().body("refresherDue", equalTo(false));
    }

    @Test
    void aTraineeWhoCompletesTheOldVersionAfterALegalChangeIsDueARefresherAtOnce() {
        String slug = uniqueSlug("late-legal");
        publishedCourse(slug);
        // Enrolled on v1, which the enrolment keeps when v2 is published as a legal change.
        var late = LearnerSteps.throughModules("lars", slug, "en", Map.of());
        publishLegalChange(slug);

        assertTrue(LearnerSteps.passPosttest(late).getBoolean("courseCompleted"));
        given().auth().oauth2(late.token()).when().get("/training/api/enrolments/" + late.enrolment())
                .then().body("version", equalTo(1)).body("refresherDue", equalTo(true));
        given().auth().oauth2(late.token()).when().get("/training/api/enrolments")
                .then().body("find { it.course == '" + slug + "' }.refresherDue", equalTo(true));
    }

    @Test
    void authorsSeeTranslationCompletenessPerLanguage() {
        String slug = uniqueSlug("complete");
        long version = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        JsonPath detail = given().auth().oauth2(author("bob")).when().get(API + "/versions/" + version)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(100, detail.getInt("completeness.find { it.language == 'en' }.percent"));
        int french = detail.getInt("completeness.find { it.language == 'fr' }.percent");
        assertTrue(french < 100 && french > 50, "fr is " + french);
        // Lesson two has no French title or text; t-q04 has no French stem.
        assertEquals(2, detail.getInt("completeness.find { it.language == 'fr' }.missingByKind.lesson"));
        assertEquals(1, detail.getInt("completeness.find { it.language == 'fr' }.missingByKind.question"));
        given().auth().oauth2(author("bob")).contentType("application/json")
                .body(Map.of("title", "Leçon deux", "body", "Le texte en français."))
                .when().put(API + "/versions/" + version + "/lessons/" + detail.getLong("modules[0].lessons[1].id") + "/texts/fr")
                .then().statusCode(200)
                .body("completeness.find { it.language == 'fr' }.missingByKind.lesson", equalTo(null));
    }

    @Test
    void authorsCreateACourseAndBuildItThroughTheApi() {
        String slug = uniqueSlug("handmade");
        long version = newCourse(slug, "labour-inspection", List.of("en", "pt"), "Labour inspection basics");
        newModuleWithLesson(version, "signs", "Signs of forced labour", Map.of("slug", "withheld-documents",
                "title", "Withheld documents", "body", "Passports kept by employers."));
        given().auth().oauth2(author("bob")).when().post(API + "/versions/" + version + "/submit")
                .then().statusCode(400).body("errors", hasItem("The version has no post-test."));
        given().auth().oauth2(author("bob")).contentType("text/plain")
                .body("::li-q1:: Keeping a worker's passport can be a sign of forced labour. {T#No: it is an indicator.#Yes.}")
                .when().post(API + "/versions/" + version + "/questions/gift?lang=en").then().statusCode(200)
                .body("questions", equalTo(1));
        given().auth().oauth2(author("bob")).contentType("application/json")
                .body(Map.of("posttest", List.of("li-q1"), "pretest", List.of("li-q1"), "checks", Map.of("signs", List.of("li-q1")), "passMark", 80))
                .when().put(API + "/versions/" + version + "/assessments").then().statusCode(200)
                .body("posttest", hasItem("li-q1")).body("passMark", equalTo(80));
        given().auth().oauth2(author("bob")).contentType("application/json")
                .body(Map.of("posttest", List.of("no-such-question")))
                .when().put(API + "/versions/" + version + "/assessments").then().statusCode(400)
                .body("errors[0]", containsString("no-such-question"));
        given().auth().oauth2(author("bob")).when().post(API + "/versions/" + version + "/submit").then().statusCode(200);
        given().auth().oauth2(author("rita")).contentType("application/json").body(Map.of("comment", "Add a Portuguese title."))
                .when().post(API + "/versions/" + version + "/reject").then().statusCode(200)
                .body("status", equalTo("draft")).body("reviewComment", equalTo("Add a Portuguese title."));
        given().auth().oauth2(author("bob")).when().get(API + "/courses")
                .then().statusCode(200).body("find { it.slug == '" + slug + "' }.versions[0].status", equalTo("draft"));
    }

    @Test
    void badCoursesAreRefusedWithEveryProblemListed() {
        given().auth().oauth2(author("bob")).contentType("application/json")
                .body(Map.of("slug", "Bad Slug!", "sectors", List.of("astronauts"), "defaultLanguage", "en", "title", Map.of()))
                .when().post(API + "/courses").then().statusCode(400)
                .body("errors.size()", equalTo(3));
        given().auth().oauth2(author("bob")).when().post(API + "/courses/no-such-course/drafts").then().statusCode(404);
        given().auth().oauth2(author("bob")).when().get(API + "/versions/987654").then().statusCode(404);
    }

    @Test
    void missingBodiesAndNullSectorsAre400AndChangeNothing() {
        String slug = uniqueSlug("no-body");
        long version = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        long module = given().auth().oauth2(author("bob")).when().get(API + "/versions/" + version)
                .then().extract().jsonPath().getLong("modules[0].id");
        String before = given().auth().oauth2(author("bob")).when().get(API + "/versions/" + version).asString();
        for (String[] call : new String[][] { { "PUT", "/texts/en" }, { "POST", "/modules" },
                { "PUT", "/modules/" + module + "/texts/en" }, { "POST", "/modules/" + module + "/lessons" },
                { "PUT", "/lessons/" + firstLesson(version) + "/texts/en" }, { "PUT", "/assessments" },
                { "PUT", "/legal-change" }, { "POST", "/lessons/" + firstLesson(version) + "/attachments" } }) {
            given().auth().oauth2(author("bob")).contentType("application/json")
                    .when().request(call[0], API + "/versions/" + version + call[1])
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0]", containsString("send the request body as JSON"));
        }
        given().auth().oauth2(author("bob")).contentType("application/json")
                .when().post(API + "/courses").then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, given().auth().oauth2(author("bob")).when().get(API + "/versions/" + version).asString());

        String other = uniqueSlug("null-sector");
        given().auth().oauth2(author("bob")).contentType("application/json")
                .body("{\"slug\": \"" + other + "\", \"sectors\": [null], \"defaultLanguage\": \"en\","
                        + " \"title\": {\"en\": \"T\"}}")
                .when().post(API + "/courses").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0]", containsString("sectors: 'null' is not one of"));
        given().auth().oauth2(author("bob")).when().get(API + "/courses").then().body(not(containsString(other)));
    }

    @Test
    void anAuthorCorrectsTheAnswerKeyOfADraftInTheDefaultLanguageAndThenInItsTranslations() {
        long version = newCourse(uniqueSlug("rekey"), "police", List.of("en", "fr"), "Keys");
        newModuleWithLesson(version, "m1", "Module", Map.of("slug", "l1", "title", "Lesson", "body", "Text."));
        String gift = API + "/versions/" + version + "/questions/gift?lang=";
        // Both keys are wrong at first: smuggling is consensual, and it is the crossing that is procured.
        String wrongEn = """
                ::k-tf:: Smuggling of migrants requires the migrant's consent. {FALSE}

                ::k-mc:: What does the smuggler procure? {=Work ~Illegal entry}
                """;
        String wrongFr = """
                ::k-tf:: Le trafic illicite de migrants suppose le consentement du migrant. {FALSE#Si, il le suppose.#Exact, il ne le suppose pas.}

                ::k-mc:: Que procure le passeur ? {=Un travail ~L'entrée illégale}
                """;
        given().auth().oauth2(author("bob")).contentType("text/plain; charset=UTF-8").body(wrongEn).when().post(gift + "en")
                .then().statusCode(200).body("questions", equalTo(2));
        given().auth().oauth2(author("bob")).contentType("text/plain; charset=UTF-8").body(wrongFr).when().post(gift + "fr")
                .then().statusCode(200);
        assertTrue(given().auth().oauth2(author("bob")).when().get(gift + "fr").then().extract().asString()
                .contains("Exact, il ne le suppose pas."));

        // The default language corrects the key although the French translation still has the old one.
        given().auth().oauth2(author("bob")).contentType("text/plain; charset=UTF-8")
                .body(wrongEn.replace("{FALSE}", "{TRUE}").replace("{=Work ~Illegal entry}", "{~Work =Illegal entry}"))
                .when().post(gift + "en").then().statusCode(200);
        // The French feedback was written for the old answer ("Exact" for false): it goes, so French trainees
        // read the English feedback, marked as a fallback, rather than feedback that contradicts the key.
        String staleFr = given().auth().oauth2(author("bob")).when().get(gift + "fr").then().statusCode(200)
                .extract().asString();
        assertFalse(staleFr.contains("Exact, il ne le suppose pas."), staleFr);
        given().auth().oauth2(author("bob")).contentType("application/json")
                .body(Map.of("posttest", List.of("k-tf", "k-mc")))
                .when().put(API + "/versions/" + version + "/assessments").then().statusCode(200);
        given().auth().oauth2(author("bob")).when().post(API + "/versions/" + version + "/submit")
                .then().statusCode(400).body("errors", hasItem(containsString("'k-mc'")))
                .body("errors[0]", containsString("import the fr questions again with the corrected key"));
        // A translation must follow the default language's key, and the error says how to change it.
        given().auth().oauth2(author("bob")).contentType("text/plain; charset=UTF-8").body(wrongFr).when().post(gift + "fr")
                .then().statusCode(400).body("errors[0]", containsString("is true in en but false here"))
                .body("errors[0]", containsString("import en with the new key first"));
        given().auth().oauth2(author("bob")).contentType("text/plain; charset=UTF-8")
                .body(wrongFr.replace("{FALSE#Si, il le suppose.#Exact, il ne le suppose pas.}", "{TRUE}")
                        .replace("{=Un travail ~L'entrée illégale}",
                        "{~Un travail =L'entrée illégale}"))
                .when().post(gift + "fr").then().statusCode(200);
        String exported = given().auth().oauth2(author("bob")).when().get(gift + "fr").then().statusCode(200)
                .extract().asString();
        assertTrue(exported.contains("{TRUE}") || exported.contains("{T}"), exported);
        assertTrue(exported.contains("=L'entrée illégale"), exported);
        given().auth().oauth2(author("bob")).when().post(API + "/versions/" + version + "/submit").then().statusCode(200);
    }

    @Test
    void withdrawingACourseKeepsItsTraineesOnTheirVersion() {
        String slug = uniqueSlug("withdrawn");
        long version = publishedCourse(slug);
        var enrolled = LearnerSteps.throughModules("wes", slug, "en", Map.of());
        given().auth().oauth2(author("rita")).when().post(API + "/versions/" + version + "/archive")
                .then().statusCode(200).body("status", equalTo("archived"));
        given().auth().oauth2(trainee("newcomer")).contentType("application/json").body(Map.of("course", slug, "language", "en"))
                .when().post("/training/api/enrolments").then().statusCode(409);
        given().auth().oauth2(enrolled.token()).when().get("/training/api/enrolments/" + enrolled.enrolment())
                .then().statusCode(200).body("posttest.open", equalTo(true));
        given().auth().oauth2(trainee("newcomer")).when().get("/training/api/courses")
                .then().body("slug", org.hamcrest.Matchers.not(hasItem(slug)));
    }

    @Test
    void theAuthoringApiIsForAuthorsAndAdmins() {
        given().when().get(API + "/courses").then().statusCode(401);
        given().auth().oauth2(trainee("tina")).when().get(API + "/courses").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("tom", "police-academy", "trainer"))
                .when().post(API + "/versions/1/approve").then().statusCode(403);
        given().auth().oauth2(trainee("tina")).contentType("text/plain").body("::a:: b {T}")
                .when().post(API + "/versions/1/questions/gift?lang=en").then().statusCode(403);
        given().auth().oauth2(admin()).when().get(API + "/courses").then().statusCode(200);
    }

    @Test
    void exportsAreAudited() {
        String slug = uniqueSlug("audit");
        long version = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        long before = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("action", "gift.export"));
        given().auth().oauth2(author("bob")).when().get(API + "/versions/" + version + "/questions/gift?lang=fr")
                .then().statusCode(200).body(containsString("::t-q01::"));
        long after = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("action", "gift.export"));
        assertEquals(before + 1, after);
        assertFalse(publishedInList(slug));
        publish(version);
        assertTrue(publishedInList(slug));
    }

    static boolean publishedInList(String slug) {
        return given().auth().oauth2(trainee("tina")).when().get("/training/api/courses").then().statusCode(200)
                .extract().jsonPath().getList("slug").contains(slug);
    }
}
