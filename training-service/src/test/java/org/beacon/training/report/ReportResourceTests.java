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
    void theReportsPageNamesSectorsInTheReadersLanguage() {
        String slug = uniqueSlug("report-sectors");
        publishedCourse(slug);
        LearnerSteps.enrol("sam", slug, "en");
        String page = given().auth().oauth2(admin()).header("Accept-Language", "fr").when().get("/training/reports")
                .then().statusCode(200).extract().asString();
        String bySector = page.substring(page.indexOf("Par secteur"), page.indexOf("</table>", page.indexOf("Par secteur")));
        org.junit.jupiter.api.Assertions.assertTrue(bySector.contains("<td>Contrôle aux frontières</td>"), bySector);
        org.junit.jupiter.api.Assertions.assertFalse(bySector.contains("<td>border</td>"), bySector);
        // The other groupings are institutions and countries, shown as they are stored.
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("<td>police-academy</td>"), page);
    }

    @Test
    void reportsAreForTrainersOfTheirOwnOrganizationAndForAdmins() {
        String slug = uniqueSlug("report-scope");
        publishedCourse(slug);
        String elsewhere = uniqueSlug("border-agency");
        LearnerSteps.enrol("sam", slug, "en");
        given().auth().oauth2(TestTokens.token("xena", elsewhere, "trainee")).contentType("application/json")
                .body(Map.of("course", slug, "language", "en")).when().post(LearnerSteps.API).then().statusCode(201);
        String trainer = TestTokens.token("tom", "police-academy", "trainer");

        JsonPath own = given().auth().oauth2(trainer).queryParam("by", "institution").when().get(API).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("police-academy"), own.getList("key"), "a trainer counts only their organization");
        assertEquals(1, count(report("institution"), elsewhere, "enrolments"), "an admin counts every organization");
        String page = given().auth().oauth2(trainer).header("Accept-Language", "fr").when().get("/training/reports")
                .then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("Les inscriptions de votre organisation, police-academy."), page);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("<td>police-academy</td>"), page);
        org.junit.jupiter.api.Assertions.assertFalse(page.contains(elsewhere), page);
        String csv = given().auth().oauth2(trainer).when().get("/training/reports/completions.csv").then().statusCode(200)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains("police-academy"), csv);
        org.junit.jupiter.api.Assertions.assertFalse(csv.contains(elsewhere), csv);

        given().when().get(API).then().statusCode(401);
        given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee")).when().get(API).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee")).when().get("/training/reports")
                .then().statusCode(403);
        // A trainer of no organization has nobody to count: refused, not shown everyone's.
        given().auth().oauth2(TestTokens.token("nora", null, "trainer")).when().get(API).then().statusCode(403);
        given().auth().oauth2(admin()).queryParam("by", "shoe-size").when().get(API).then().statusCode(400);
    }

    @Test
    void aBadDateOnTheReportsPageIsShownNextToTheFilterWithWhatWasTyped() {
        String page = given().auth().oauth2(admin()).header("Accept-Language", "ar").queryParam("from", "garbage")
                .queryParam("to", "2026-01-31").when().get("/training/reports").then().statusCode(400)
                .contentType(org.hamcrest.Matchers.containsString("text/html")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("<form method=\"get\" action=\"/training/reports\""), page);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("value=\"garbage\""), page);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("value=\"2026-01-31\""), page);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("أدخل تاريخًا بالصيغة YYYY-MM-DD."), page);
        org.junit.jupiter.api.Assertions.assertFalse(page.contains("(from)"), page);
        String backwards = given().auth().oauth2(admin()).header("Accept-Language", "fr").queryParam("from", "2026-02-01")
                .queryParam("to", "2026-01-31").when().get("/training/reports").then().statusCode(400).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(backwards.contains("Au : la période ne peut pas finir avant de commencer."),
                backwards);
    }

    @Test
    void completionsAreFilteredByTheDayEnrolmentsStartedAndExportAsCsv() throws java.io.IOException {
        String slug = uniqueSlug("report-csv");
        publishedCourse(slug);
        // An institution name is whatever the account's organization claim says: this one would run as a formula.
        given().auth().oauth2(TestTokens.token("xavi", "=HYPERLINK(evil)", "trainee")).contentType("application/json")
                .body(Map.of("course", slug, "language", "en")).when().post(LearnerSteps.API).then().statusCode(201);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String from = today.minusDays(1).toString();
        String to = today.plusDays(1).toString();

        JsonPath now = given().auth().oauth2(admin()).queryParam("by", "institution").queryParam("from", from)
                .queryParam("to", to).when().get(API).then().statusCode(200).extract().jsonPath();
        assertEquals(1, count(now, "=HYPERLINK(evil)", "enrolments"));
        JsonPath past = given().auth().oauth2(admin()).queryParam("by", "institution").queryParam("to", "2020-12-31")
                .when().get(API).then().statusCode(200).extract().jsonPath();
        assertEquals(0, count(past, "=HYPERLINK(evil)", "enrolments"));
        given().auth().oauth2(admin()).queryParam("from", "yesterday").when().get(API).then().statusCode(400);

        String body = given().auth().oauth2(admin()).queryParam("from", from).queryParam("to", to)
                .when().get("/training/reports/completions.csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("completions-from-" + from))
                .extract().asString();
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(body)).getRecords();
        org.apache.commons.csv.CSVRecord planted = rows.stream()
                .filter(r -> r.get("by").equals("institution") && r.get("group").endsWith("HYPERLINK(evil)")).findFirst()
                .orElseThrow();
        assertEquals("'=HYPERLINK(evil)", planted.get("group"));
        assertEquals("1", planted.get("enrolments"));
        assertEquals(from, planted.get("from"));
        for (org.apache.commons.csv.CSVRecord row : rows) {
            for (String cell : row) {
                org.junit.jupiter.api.Assertions.assertFalse(org.beacon.commons.text.CsvCells.isFormulaLike(cell), cell);
            }
        }
        String early = given().auth().oauth2(admin()).queryParam("to", "2020-12-31")
                .when().get("/training/reports/completions.csv").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(early.contains("evil"));
        given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee"))
                .when().get("/training/reports/completions.csv").then().statusCode(403);
    }
}
