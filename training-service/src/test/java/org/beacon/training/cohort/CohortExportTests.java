package org.beacon.training.cohort;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.publishedCourse;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.beacon.commons.text.CsvCells;
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
class CohortExportTests {

    static List<CSVRecord> csv(String token, String path, Map<String, String> period) throws IOException {
        String body = given().auth().oauth2(token).queryParams(period).when().get(path).then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body))
                .getRecords();
    }

    static CSVRecord row(List<CSVRecord> rows, String trainee) {
        return rows.stream().filter(r -> r.get("trainee").endsWith(trainee)).findFirst().orElseThrow();
    }

    @Test
    void progressExportsAsCsvForThePeriodWithFormulaLikeNamesDefused() throws IOException {
        String slug = uniqueSlug("cohort-csv");
        publishedCourse(slug);
        // A display name is whatever the account says: this one would run as a formula in a spreadsheet.
        Learner planted = LearnerSteps.throughModules("=hyperlink", slug, "en",
                Map.of("For an adult", List.of("2"), "Trafficking always", List.of("true")));
        LearnerSteps.passPosttest(planted);
        LearnerSteps.enrol("vera", slug, "en");
        String tom = TestTokens.token("tom", "police-academy", "trainer");
        long cohort = CohortResourceTests.createCohort(tom, slug);
        CohortResourceTests.addMember(tom, cohort, "=hyperlink");
        CohortResourceTests.addMember(tom, cohort, "vera");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> around = Map.of("from", today.minusDays(1).toString(), "to", today.plusDays(1).toString());

        for (String path : List.of("/training/api/cohorts/" + cohort + "/progress.csv",
                "/training/cohorts/" + cohort + "/progress.csv")) {
            List<CSVRecord> rows = csv(tom, path, around);
            assertEquals(CohortExport.HEADER, rows.get(0).getParser().getHeaderNames());
            assertEquals(2, rows.size());
            CSVRecord hyperlink = row(rows, "=hyperlink Tester");
            assertEquals("'=hyperlink Tester", hyperlink.get("trainee"));
            assertEquals("completed", hyperlink.get("status"));
            assertEquals("100", hyperlink.get("progress_percent"));
            assertEquals("25.00", hyperlink.get("pretest"));
            assertEquals("100.00", hyperlink.get("posttest"));
            assertEquals("75.00", hyperlink.get("gain"));
            assertEquals(today.minusDays(1).toString(), hyperlink.get("from"));
            assertEquals("active", row(rows, "Vera Tester").get("status"));
            assertEquals("", row(rows, "Vera Tester").get("pretest"));
            for (CSVRecord record : rows) {
                for (String cell : record) {
                    assertFalse(CsvCells.isFormulaLike(cell), cell);
                }
            }
        }

        // A period before anything was done: the same trainees, with nothing counted.
        List<CSVRecord> before = csv(tom, "/training/api/cohorts/" + cohort + "/progress.csv",
                Map.of("from", "2020-01-01", "to", "2020-12-31"));
        CSVRecord early = row(before, "=hyperlink Tester");
        assertEquals("active", early.get("status"));
        assertEquals("0", early.get("progress_percent"));
        assertEquals("", early.get("pretest"));
        assertEquals("", early.get("gain"));
        given().auth().oauth2(tom).queryParam("to", "2020-12-31").when().get("/training/api/cohorts/" + cohort)
                .then().statusCode(200).body("knowledgeGain.trainees", org.hamcrest.Matchers.equalTo(0));
        given().auth().oauth2(tom).when().get("/training/api/cohorts/" + cohort)
                .then().statusCode(200).body("knowledgeGain.trainees", org.hamcrest.Matchers.equalTo(1));
        // The page shows the same period, and offers the CSV of it.
        given().auth().oauth2(tom).queryParam("from", "2020-01-01").queryParam("to", "2020-12-31")
                .when().get("/training/cohorts/" + cohort).then().statusCode(200)
                .body(containsString("progress.csv?from=2020-01-01&amp;to=2020-12-31"))
                .body(containsString("value=\"2020-01-01\""));

        given().auth().oauth2(tom).queryParam("from", "last week").when().get("/training/api/cohorts/" + cohort + "/progress.csv")
                .then().statusCode(400).body("detail", containsString("from"));
        given().auth().oauth2(tom).queryParam("from", "2027-01-02").queryParam("to", "2027-01-01")
                .when().get("/training/api/cohorts/" + cohort).then().statusCode(400);
        // A bad date on the page: the cohort again, the error next to the filter by its label, what was typed kept.
        given().auth().oauth2(tom).header("Accept-Language", "fr").queryParam("from", "soon").queryParam("to", "2027-01-01")
                .when().get("/training/cohorts/" + cohort)
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Du : indiquez une date au format AAAA-MM-JJ."))
                .body(containsString("value=\"soon\"")).body(containsString("value=\"2027-01-01\""))
                .body(containsString("id=\"add-trainee\""))
                .body(org.hamcrest.Matchers.not(containsString("« soon »")));
    }
}
