package org.beacon.training.course;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.beacon.training.course.AuthorPagesEditingTests.PAGES;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.CourseFixtures;
import org.junit.jupiter.api.Test;

/** The authoring list: search and filters, "New course" first, "Start a new draft" only where it can work. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class AuthoringListPagesTests {

    /** The list with the given query parameters (name, value, …) as a browser's GET form sends them. */
    static String list(String... params) {
        io.restassured.specification.RequestSpecification request = given().auth().oauth2(author("bob"));
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        return request.when().get(PAGES).then().statusCode(200).extract().asString();
    }

    @Test
    void authorsSearchAndFilterTheirCourses() {
        String stamp = uniqueSlug("list");
        String published = stamp + "-border";
        String draft = stamp + "-court";
        CourseFixtures.publishedCourse(published);
        CourseFixtures.newCourse(draft, "judiciary", List.of("en", "pt"), "Court practice " + stamp);

        String all = list("q", stamp);
        assertThat(all, containsString(published));
        assertThat(all, containsString("(Published)"));
        assertThat(all, not(containsString("Published\n)")));
        assertThat(all, containsString(draft));
        assertThat(all.indexOf("id=\"new-course\""), lessThan(all.indexOf("<table>")));
        // A new draft starts from a published version: offered for the published course only.
        assertThat(all, containsString("action=\"/training/author/courses/" + published + "/drafts\""));
        assertThat(all, not(containsString("action=\"/training/author/courses/" + draft + "/drafts\"")));

        String byTitle = list("q", "COURT practice " + stamp);
        assertThat(byTitle, containsString(draft));
        assertThat(byTitle, not(containsString(published)));
        String byStatus = list("q", stamp, "status", "published");
        assertThat(byStatus, containsString(published));
        assertThat(byStatus, not(containsString(draft)));
        String byLanguage = list("q", stamp, "language", "pt");
        assertThat(byLanguage, containsString(draft));
        assertThat(byLanguage, not(containsString(published)));
        String bySector = list("q", stamp, "sector", "judiciary");
        assertThat(bySector, containsString(draft));
        assertThat(bySector, not(containsString(published)));
        assertThat(bySector, containsString("<option value=\"judiciary\" selected>"));
        assertThat(list("q", stamp, "sector", "consular"), containsString("No course matches this search."));
        assertThat(list("q", "%_" + stamp), containsString("No course matches this search."));

        // Once a draft is open, a second one cannot start: the button goes.
        AuthoringResourceTests.newDraft(published, author("bob"));
        assertThat(list("q", stamp), not(containsString("action=\"/training/author/courses/" + published + "/drafts\"")));
    }

    @Test
    void sectorsAreNamedInTheReadersLanguageAndKeepTheirCodesInAddresses() {
        String stamp = uniqueSlug("sectors");
        CourseFixtures.newCourse(stamp, "labour-inspection", List.of("en"), "Inspections " + stamp);

        String french = given().auth().oauth2(author("bob")).cookie("beacon-lang", "fr").queryParam("q", stamp)
                .queryParam("sector", "labour-inspection")
                .when().get(PAGES).then().statusCode(200).extract().asString();
        // The list, its filter and the new-course form.
        assertThat(french, containsString(stamp + " · Inspection du travail"));
        assertThat(french, containsString("<option value=\"labour-inspection\" selected>Inspection du travail</option>"));
        assertThat(french, containsString("value=\"labour-inspection\"> Inspection du travail</label>"));
        assertThat(french, containsString("<option value=\"border\">Contrôle aux frontières</option>"));
        assertThat(french, not(containsString(stamp + " · labour-inspection")));

        String arabic = given().auth().oauth2(author("bob")).cookie("beacon-lang", "ar").queryParam("q", stamp)
                .when().get(PAGES).then().statusCode(200).extract().asString();
        assertThat(arabic, containsString(stamp + " · تفتيش العمل"));
        assertThat(arabic, containsString("<option value=\"judiciary\">القضاء</option>"));
        assertThat(arabic, containsString("value=\"police\"> الشرطة</label>"));
    }

    @Test
    void theCatalogueNamesACoursesSectorsInTheReadersLanguage() {
        String slug = uniqueSlug("sector-catalogue");
        CourseFixtures.publishedCourse(slug);
        String trainee = TestTokens.token("tina", "police-academy", "trainee");
        String french = given().auth().oauth2(trainee).cookie("beacon-lang", "fr").when().get("/training")
                .then().statusCode(200).extract().asString();
        assertThat(french, containsString("Police et Contrôle aux frontières"));
        assertThat(french, not(containsString("police, border")));
        String arabic = given().auth().oauth2(trainee).cookie("beacon-lang", "ar").when().get("/training")
                .then().statusCode(200).extract().asString();
        assertThat(arabic, containsString("الشرطة ومراقبة الحدود"));
    }

    @Test
    void theListTitlesCoursesInTheReadersLanguageWhereTheyHaveIt() {
        String slug = uniqueSlug("list-titles");
        CourseFixtures.publishedCourse(slug);
        String french = given().auth().oauth2(author("bob")).header("Accept-Language", "fr").queryParam("q", slug)
                .when().get(PAGES).then().statusCode(200).extract().asString();
        assertThat(french, containsString("<span lang=\"fr\" dir=\"ltr\">Cours d&#39;essai " + slug + "</span>"));
        // No Arabic title: the default language's, marked as such.
        String arabic = given().auth().oauth2(author("bob")).header("Accept-Language", "ar").queryParam("q", slug)
                .when().get(PAGES).then().statusCode(200).extract().asString();
        assertThat(arabic, containsString("<span lang=\"en\" dir=\"ltr\">"));
    }
}
