package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.campaign;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * An XLSForm's problems on the import page are in the reader's language, with the sheet, the column header and the
 * names from the file as written and the row numbers in the reader's digits; the API keeps the English (issue 14).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class ImportProblemsLanguageTests {

    /** Row 2 asks for a location, which Beacon does not collect; row 4 repeats the name of row 3. */
    private static byte[] formWithBadRows() {
        return SurveyFixtures.xlsx(SurveyFixtures.sheets(
                List.of(List.of("type", "name", "label"), List.of("geopoint", "where", "Where"),
                        List.of("text", "q1", "First"), List.of("text", "q1", "Again")),
                List.of(List.of("list_name", "name", "label")), List.of(List.of("form_id"), List.of("x"))));
    }

    private static ValidatableResponse importPage(String language) {
        return given().auth().oauth2(manager(NATIONAL)).header("Accept-Language", language)
                .multiPart("campaign", Long.toString(campaign(NATIONAL)))
                .multiPart("file", "form.xlsx", formWithBadRows(),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .when().post("/campaigns/surveys/import")
                .then().statusCode(400);
    }

    @Test
    void theImportPageListsTheProblemsInFrench() {
        importPage("fr")
                .body(containsString("Feuille survey, ligne 2, colonne A (type) : « geopoint » : location (geopoint) "
                        + "n&#39;est pas pris en charge dans les enquêtes Beacon"))
                .body(containsString("Feuille survey, ligne 4, colonne B (name) : « q1 » est déjà le nom de la ligne 3 "
                        + "dans le même groupe"))
                .body(not(containsString("is not supported")))
                .body(not(containsString("already the name")));
    }

    @Test
    void theImportPageListsTheProblemsInArabicWithArabicDigits() {
        importPage("ar")
                .body(containsString("dir=\"rtl\""))
                .body(containsString("الورقة survey، السطر ٢، العمود A (type): «geopoint»: location (geopoint) غير "
                        + "مدعوم في استبيانات Beacon"))
                .body(containsString("الورقة survey، السطر ٤، العمود B (name): «q1» هو بالفعل اسم السطر ٣ في "
                        + "المجموعة نفسها"))
                .body(not(containsString("row 4")));
    }

    @Test
    void theApiKeepsTheEnglishProblemsWhateverTheReadersLanguage() {
        given().auth().oauth2(manager(NATIONAL)).header("Accept-Language", "ar")
                .multiPart("campaign", Long.toString(campaign(NATIONAL)))
                .multiPart("file", "form.xlsx", formWithBadRows(),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .when().post("/campaigns/api/surveys")
                .then().statusCode(400)
                .body("errors", hasItem("survey sheet, row 2, column A (type): 'geopoint': location (geopoint) is not "
                        + "supported in Beacon surveys"))
                .body("errors", hasItem("survey sheet, row 4, column B (name): 'q1' is already the name of row 3 in "
                        + "the same group"));
    }
}
