package org.beacon.training.report;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.admin;
import static org.beacon.training.CourseFixtures.publishedCourse;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.training.LearnerSteps;
import org.beacon.training.LearnerSteps.Learner;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class ReportResourceTests {

    static final String API = "/training/api/reports/completions";

    static JsonPath report(String by) {
        return given().auth().oauth2(admin()).queryParam("by", by).when().get(API).then().statusCode(200).extract().jsonPath();
    }

    static long count(JsonPath report, String key, String column) {
        Object value = report.get("find { it.key == '" + key + "' }." + column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Test
    void completionsAreCountedBySectorInstitutionAndCountry() {
        JsonPath sectorsBefore = report("sector");
        JsonPath institutionsBefore = report("institution");
        JsonPath countriesBefore = report("country");
        JsonPath quartersBefore = report("institution-quarter");
        String slug = uniqueSlug("report");
        publishedCourse(slug);
        Learner done = LearnerSteps.throughModules("rosa", slug, "en", Map.of());
        LearnerSteps.passPosttest(done);
        LearnerSteps.enrol("sam", slug, "en");

        JsonPath sectors = report("sector");
        for (String sector : List.of("police", "border")) {
            assertEquals(count(sectorsBefore, sector, "enrolments") + 2, count(sectors, sector, "enrolments"));
            assertEquals(count(sectorsBefore, sector, "completions") + 1, count(sectors, sector, "completions"));
        }
        assertEquals(count(sectorsBefore, "judiciary", "enrolments"), count(sectors, "judiciary", "enrolments"));
        JsonPath institutions = report("institution");
        assertEquals(count(institutionsBefore, "police-academy", "completions") + 1,
                count(institutions, "police-academy", "completions"));
        JsonPath countries = report("country");
        assertEquals(count(countriesBefore, "SN", "enrolments") + 2, count(countries, "SN", "enrolments"));
        // Staff trained per institution over time: by the quarter the enrolments started.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String quarter = "police-academy · " + today.getYear() + " Q" + ((today.getMonthValue() - 1) / 3 + 1);
        assertEquals(count(quartersBefore, quarter, "enrolments") + 2, count(report("institution-quarter"), quarter,
                "enrolments"));
    }

    @Test
    void reportsAreForAdmins() {
        given().when().get(API).then().statusCode(401);
        given().auth().oauth2(TestTokens.token("tom", "police-academy", "trainer")).when().get(API).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee")).when().get(API).then().statusCode(403);
        given().auth().oauth2(admin()).queryParam("by", "shoe-size").when().get(API).then().statusCode(400);
    }
}
