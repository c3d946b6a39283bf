package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.campaign;
import static org.beacon.campaign.survey.SurveyFixtures.importXlsx;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.sheets;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.xlsx;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
 * What an XLSForm import left out is stored as message keys and said on the survey page in the reader's language;
 * notices stored as English text before V38 still read as written (issue 14).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class ImportNoticesLanguageTests {

    @Inject
    EntityManager entityManager;

    private static long importKobo() {
        byte[] kobo = xlsx(sheets(
                List.of(List.of("type", "name", "label::English (en)", "label::Français (fr)"),
                        List.of("deviceid", "device", "", ""),
                        List.of("text", "why", "Why?", "")),
                List.of(List.of("list_name", "name", "label::English (en)", "label::Français (fr)")),
                List.of(List.of("form_id"), List.of("kobo_" + unique("f").replace('-', '_')))));
        return importXlsx(manager(NATIONAL), campaign(NATIONAL), kobo)
                .then().statusCode(201)
                .body("survey.notices", hasItem("survey row 2: 'deviceid' (device) is not collected in anonymous"
                        + " surveys"))
                .extract().<Integer>path("survey.id").longValue();
    }

    @Test
    void theImportNoticesReadInFrenchAndArabicOnTheSurveyPageAndInEnglishInTheApi() {
        long id = importKobo();

        given().auth().oauth2(manager(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/surveys/" + id)
                .then().statusCode(200)
                .body(containsString("ligne 2 de survey : « deviceid » (device) n&#39;est pas collecté dans les"
                        + " enquêtes anonymes"))
                .body(containsString("ligne 3 de survey : pas de label en Français (fr)"))
                .body(not(containsString("is not collected")));
        given().auth().oauth2(manager(NATIONAL)).header("Accept-Language", "ar")
                .when().get("/campaigns/surveys/" + id)
                .then().statusCode(200)
                .body(containsString("survey، السطر ٢: لا يُجمع «deviceid» (device) في الاستبيانات المجهولة الهوية"));
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/api/surveys/" + id)
                .then().statusCode(200)
                .body("notices", hasItem("survey row 3: no label in Français (fr)"));
    }

    @Test
    void aNoticeStoredAsEnglishTextBeforeV38ReadsAsWrittenAfterTheMigration() throws IOException {
        long id = importKobo();
        String migration;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("db/migration/V38__survey_notices_as_reasons.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String old = "survey row 9: 'start' (start) is not collected in anonymous surveys";
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("update survey set notices = cast(?1 as jsonb) where id = ?2")
                    .setParameter(1, "[\"" + old + "\"]").setParameter(2, id).executeUpdate();
            entityManager.createNativeQuery(migration).executeUpdate();
        });

        given().auth().oauth2(manager(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/surveys/" + id)
                .then().statusCode(200)
                .body(containsString("survey row 9: &#39;start&#39; (start) is not collected in anonymous surveys"));
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/api/surveys/" + id)
                .then().statusCode(200)
                .body("notices", hasItem(old));
    }
}
