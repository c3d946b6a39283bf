package org.beacon.training.course;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.trainee;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.CourseFixtures;
import org.junit.jupiter.api.Test;

/** An author builds a course from nothing with the HTML forms alone: no JSON API, no JavaScript. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class AuthorPagesEditingTests {

    static final String PAGES = "/training/author";

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).redirects().follow(false);
    }

    /** Creates a course through the form as {@code bob}; returns its first version's id. */
    static long createCourse(String slug) {
        String location = as(author("bob")).formParam("slug", slug).formParam("sectors", "police")
                .formParam("sectors", "border").formParam("defaultLanguage", "en").formParam("languages", "en, fr")
                .formParam("passMark", "75").formParam("title", "Victim identification")
                .formParam("summary", "Recognising victims at first contact.")
                .when().post(PAGES + "/courses")
                .then().statusCode(303).header("Location", startsWith(PAGES + "/versions/")).extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static JsonPath detail(long version) {
        return given().auth().oauth2(author("bob")).when().get("/training/api/authoring/versions/" + version)
                .then().statusCode(200).extract().jsonPath();
    }

    static void post(String path, String... fields) {
        RequestSpecification request = as(author("bob"));
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        request.when().post(path).then().statusCode(303);
    }

    @Test
    void anAuthorBuildsATwoLanguageCourseThroughTheForms() {
        String slug = uniqueSlug("form-course");
        given().auth().oauth2(author("bob")).when().get(PAGES).then().statusCode(200)
                .body(containsString("action=\"/training/author/courses\""));
        long version = createCourse(slug);
        String page = PAGES + "/versions/" + version;

        post(page + "/modules", "slug", "first-contact", "title", "First contact");
        long module = detail(version).getLong("modules[0].id");
        post(page + "/modules/" + module + "/lessons", "slug", "signs", "title", "Signs", "body", "Look for **signs**.");
        long lesson = detail(version).getLong("modules[0].lessons[0].id");

        // The English text is pre-filled; French shows the English original beside an empty field.
        given().auth().oauth2(author("bob")).when().get(page + "/lessons/" + lesson + "/texts?lang=en")
                .then().statusCode(200).body(containsString("Look for **signs**.</textarea>"))
                .body(containsString("value=\"Signs\""));
        post(page + "/lessons/" + lesson + "/texts", "language", "en", "title", "Signs of trafficking",
                "body", "Look for **signs** of control.");
        given().auth().oauth2(author("bob")).header("Accept-Language", "fr").when()
                .get(page + "/lessons/" + lesson + "/texts?lang=fr")
                .then().statusCode(200).body(containsString("Texte dans la langue par défaut (en)"))
                .body(containsString("readonly>Look for **signs** of control.</textarea>"))
                .body(containsString("rows=\"16\"></textarea>"));
        given().auth().oauth2(author("bob")).when().get(page).then().statusCode(200)
                .body(containsString("<td lang=\"fr\">fr</td><td>0% · 1 lesson, 1 module, and the course title or summary missing in French"));

        post(page + "/lessons/" + lesson + "/texts", "language", "fr", "title", "Indices de traite",
                "body", "Cherchez les **indices** de contrôle.");
        post(page + "/modules/" + module + "/texts", "language", "fr", "title", "Premier contact");
        post(page + "/course/" + version + "/texts", "language", "fr", "title", "Identification des victimes",
                "summary", "Reconnaître les victimes au premier contact.");
        given().auth().oauth2(author("bob")).when().get(page + "/lessons/" + lesson + "/texts?lang=fr")
                .then().statusCode(200).body(containsString("Cherchez les **indices** de contrôle.</textarea>"));
        given().auth().oauth2(author("bob")).when().get(page).then().statusCode(200)
                .body(containsString("<td lang=\"fr\">fr</td><td>100%</td>")).body(containsString("Signs of trafficking"));
        JsonPath detail = detail(version);
        assertThat(detail.getList("completeness.percent"), contains(100, 100));
        assertThat(detail.getList("languages"), contains("en", "fr"));
        assertThat(detail.getInt("passMark"), equalTo(75));

        // Questions through the GIFT form, then the tests by question name.
        given().auth().oauth2(author("bob")).redirects().follow(false).formParam("language", "en")
                .formParam("gift", CourseFixtures.BANK_EN).when().post(page + "/gift").then().statusCode(303);
        post(page + "/assessments", "pretest", "t-q01 t-q02", "check.first-contact", "t-q02", "posttest",
                "t-q01, t-q03, t-q04", "passMark", "80");
        detail = detail(version);
        assertThat(detail.getList("posttest"), contains("t-q01", "t-q03", "t-q04"));
        assertThat(detail.getList("modules[0].check"), contains("t-q02"));
        assertThat(detail.getInt("passMark"), equalTo(80));
        given().auth().oauth2(author("bob")).when().get(page).then()
                .body(containsString("name=\"posttest\" value=\"t-q01, t-q03, t-q04\""));
        post(page + "/submit");
        given().auth().oauth2(author("bob")).when().get(page).then().body(containsString("In review"));
    }

    @Test
    void aPublishedVersionRefusesItsForms() {
        String slug = uniqueSlug("form-frozen");
        long version = CourseFixtures.publishedCourse(slug);
        String page = PAGES + "/versions/" + version;
        JsonPath detail = detail(version);
        long module = detail.getLong("modules[0].id");
        long lesson = detail.getLong("modules[0].lessons[0].id");

        given().auth().oauth2(author("bob")).when().get(page).then().statusCode(200)
                .body(not(containsString("/modules\""))).body(not(containsString("/texts?lang=")));
        as(author("bob")).formParam("slug", "late").formParam("title", "Late").when().post(page + "/modules")
                .then().statusCode(409).contentType(containsString("text/html"))
                .body(containsString("is published and cannot be changed"));
        as(author("bob")).formParam("slug", "late").formParam("title", "Late").when()
                .post(page + "/modules/" + module + "/lessons").then().statusCode(409);
        as(author("bob")).when().get(page + "/lessons/" + lesson + "/texts?lang=fr").then().statusCode(409)
                .body(containsString("Start a new draft"));
        as(author("bob")).formParam("language", "fr").formParam("title", "x").formParam("body", "y").when()
                .post(page + "/lessons/" + lesson + "/texts").then().statusCode(409);
        as(author("bob")).formParam("language", "fr").formParam("title", "x").when()
                .post(page + "/modules/" + module + "/texts").then().statusCode(409);
        as(author("bob")).formParam("posttest", "t-q01").when().post(page + "/assessments").then().statusCode(409);
        assertThat(detail(version).getList("modules"), hasSize(detail.getList("modules").size()));
    }

    @Test
    void invalidInputShowsTheFormAgainAndChangesNothing() {
        String slug = uniqueSlug("form-invalid");
        as(author("bob")).formParam("slug", "Not A Slug").formParam("passMark", "150")
                .formParam("defaultLanguage", "en").formParam("title", "Kept as typed")
                .when().post(PAGES + "/courses")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Short name for addresses: use lower-case letters"))
                .body(containsString("Sectors: tick at least one."))
                .body(containsString("Pass mark: give a percentage from 0 to 100."))
                .body(not(containsString("passMark:")))
                .body(containsString("value=\"Kept as typed\"")).body(containsString("value=\"Not A Slug\""));
        // In the reader's language, each field by its label, never the API's field names.
        as(author("bob")).header("Accept-Language", "fr").formParam("slug", "Not A Slug")
                .formParam("defaultLanguage", "en").formParam("title", "T").when().post(PAGES + "/courses")
                .then().statusCode(400)
                .body(containsString("Nom court pour les adresses : utilisez des minuscules, des chiffres et des tirets"))
                .body(containsString("Secteurs : cochez-en au moins un."))
                .body(not(containsString("slug:"))).body(not(containsString("sectors:")))
                .body(not(containsString("use lower-case")));
        as(author("bob")).formParam("slug", slug).formParam("sectors", "police").formParam("defaultLanguage", "en")
                .formParam("passMark", "abc").formParam("title", "T").when().post(PAGES + "/courses")
                .then().statusCode(400).body(containsString("Pass mark: “abc” is not a number."));
        // The API keeps the fields' names, for programs.
        given().auth().oauth2(author("bob")).contentType("application/json")
                .body(java.util.Map.of("slug", "Not A Slug", "sectors", java.util.List.of("police"), "defaultLanguage", "en",
                        "title", java.util.Map.of("en", "T")))
                .when().post("/training/api/authoring/courses").then().statusCode(400)
                .body("errors", contains("slug: use lower-case letters, digits and hyphens (2 to 120 characters)."));
        given().auth().oauth2(author("bob")).when().get("/training/api/authoring/courses").then()
                .body(not(containsString("Kept as typed"))).body(not(containsString(slug)));

        long version = createCourse(slug);
        String page = PAGES + "/versions/" + version;
        as(author("bob")).formParam("slug", slug).formParam("sectors", "police").formParam("defaultLanguage", "en")
                .formParam("title", "Again").when().post(PAGES + "/courses")
                .then().statusCode(409).body(containsString("exists already"));
        as(author("bob")).formParam("slug", "Bad Slug").formParam("title", "M").when().post(page + "/modules")
                .then().statusCode(400).body(containsString("Use lower-case letters"));
        as(author("bob")).formParam("slug", "m1").formParam("title", " ").when().post(page + "/modules")
                .then().statusCode(400).body(containsString("Give the module a title."));
        assertThat(detail(version).getList("modules"), hasSize(0));

        post(page + "/modules", "slug", "m1", "title", "Module");
        long module = detail(version).getLong("modules[0].id");
        post(page + "/modules/" + module + "/lessons", "slug", "l1", "title", "Lesson", "body", "Original text.");
        long lesson = detail(version).getLong("modules[0].lessons[0].id");
        as(author("bob")).formParam("language", "en").formParam("title", "Renamed").formParam("body", "")
                .when().post(page + "/lessons/" + lesson + "/texts")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("needs both a title and a text")).body(containsString("value=\"Renamed\""));
        given().auth().oauth2(author("bob")).when().get(page + "/lessons/" + lesson + "/texts?lang=en")
                .then().body(containsString("value=\"Lesson\"")).body(containsString("Original text.</textarea>"));
        // A text form that does not say its language is refused on the form, not taken for the default language.
        as(author("bob")).formParam("title", "No language").formParam("body", "Text.")
                .when().post(page + "/lessons/" + lesson + "/texts")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Say which language the texts are in"));
        as(author("bob")).formParam("title", "No language").when().post(page + "/modules/" + module + "/texts")
                .then().statusCode(400).body(containsString("Say which language the texts are in"));
        given().auth().oauth2(author("bob")).when().get(page + "/lessons/" + lesson + "/texts?lang=en")
                .then().body(containsString("value=\"Lesson\""));
        as(author("bob")).formParam("posttest", "nope").when().post(page + "/assessments")
                .then().statusCode(400).body(containsString("posttest: no question is named &#39;nope&#39;"));
        assertThat(detail(version).getList("posttest"), hasSize(0));
    }

    @Test
    void anArabicTranslationIsEditedRightToLeftBesideTheOriginal() {
        String slug = uniqueSlug("form-rtl");
        long version = CourseFixtures.newCourse(slug, "police", java.util.List.of("en", "ar"), "Identification");
        String page = PAGES + "/versions/" + version + "/course/" + version + "/texts?lang=";
        as(author("bob")).when().get(page + "ar").then().statusCode(200)
                .body(containsString("name=\"title\" value=\"\" maxlength=\"300\" lang=\"ar\" dir=\"rtl\""))
                .body(containsString("value=\"Identification\" lang=\"en\" dir=\"ltr\" readonly"));
        as(author("bob")).when().get(page + "en").then().statusCode(200)
                .body(containsString("value=\"Identification\" maxlength=\"300\" lang=\"en\" dir=\"ltr\""));
    }

    @Test
    void aTraineeMayNotUseTheAuthorForms() {
        String token = trainee("tom");
        as(token).formParam("slug", uniqueSlug("nope")).formParam("sectors", "police").formParam("defaultLanguage", "en")
                .formParam("title", "T").when().post(PAGES + "/courses").then().statusCode(403)
                .contentType(containsString("text/html"));
        long version = createCourse(uniqueSlug("form-trainee"));
        as(token).formParam("slug", "m1").formParam("title", "M").when().post(PAGES + "/versions/" + version + "/modules")
                .then().statusCode(403);
        as(token).when().get(PAGES + "/versions/" + version + "/course/" + version + "/texts?lang=en").then().statusCode(403);
        as(token).formParam("language", "en").formParam("title", "Hijacked").when()
                .post(PAGES + "/versions/" + version + "/course/" + version + "/texts").then().statusCode(403);
        assertThat(detail(version).getList("modules"), hasSize(0));
        as(TestTokens.token("tom", "police-academy", "trainer")).when().get(PAGES + "/versions/" + version)
                .then().statusCode(403);
    }

    @Test
    void aVersionInReviewNamesTheWayBackToDraft() {
        String slug = uniqueSlug("form-in-review");
        long version = CourseFixtures.importCourse(CourseFixtures.zip(slug, CourseFixtures.courseFiles(slug)), 201)
                .getLong("versionId");
        given().auth().oauth2(CourseFixtures.admin()).when()
                .post("/training/api/authoring/versions/" + version + "/submit").then().statusCode(200);
        long lesson = detail(version).getLong("modules[0].lessons[0].id");
        String page = PAGES + "/versions/" + version;

        // Not "start a new draft": the version goes back to draft by the reviewer's button.
        as(author("bob")).header("Accept-Language", "fr").formParam("language", "en").formParam("title", "x")
                .formParam("body", "y").when().post(page + "/lessons/" + lesson + "/texts").then().statusCode(409)
                .body(containsString("Renvoyer en brouillon"), not(containsString("nouveau brouillon")));
    }

    @Test
    void aRefusedTestsFormKeepsWhatWasTyped() {
        String slug = uniqueSlug("form-tests-kept");
        long version = createCourse(slug);
        post(PAGES + "/versions/" + version + "/modules", "slug", "m1", "title", "Indicators");
        String page = PAGES + "/versions/" + version;

        String refused = as(author("bob")).formParam("pretest", "no-such-question").formParam("check.m1", "kc-typed")
                .formParam("posttest", "post-typed").formParam("passMark", "55").when().post(page + "/assessments")
                .then().statusCode(400).contentType(containsString("text/html")).extract().asString();
        assertThat(refused, containsString("name=\"pretest\" value=\"no-such-question\""));
        assertThat(refused, containsString("name=\"check.m1\" value=\"kc-typed\""));
        assertThat(refused, containsString("name=\"posttest\" value=\"post-typed\""));
        assertThat(refused, containsString("name=\"passMark\" type=\"number\" min=\"0\" max=\"100\" value=\"55\""));
        // Nothing was saved: the page itself still shows the plan as it was.
        assertThat(detail(version).getInt("passMark"), equalTo(75));
        String again = as(author("bob")).when().get(page).then().statusCode(200).extract().asString();
        assertThat(again, containsString("name=\"pretest\" value=\"\""));
    }
}
