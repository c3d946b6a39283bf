package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The answer problems of a paper-answers upload (AnswerSheet's) on the survey page are in the reader's language, by
 * row and column; the API keeps its English {@code problems} and adds {@code problemsText} (issue 14).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class AnswerUploadLanguageTests {

    /** Row 3 answers the gender question with a word that is not one of its choices. */
    private static final String CSV = "age_band,gender,k1,l1\nage_15_24,woman,yes,3\nage_15_24,robot,yes,3\n";

    @Inject
    EntityManager entityManager;

    private static ValidatableResponse uploadPage(long survey, String language) {
        return given().auth().oauth2(manager(NATIONAL)).header("Accept-Language", language)
                .multiPart("wave", "baseline")
                .multiPart("file", "a.csv", CSV.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/campaigns/surveys/" + survey + "/answers")
                .then().statusCode(400);
    }

    private long stored(long survey) {
        return ((Number) entityManager.createNativeQuery("select count(*) from survey_response where survey_id = ?1")
                .setParameter(1, survey).getSingleResult()).longValue();
    }

    @Test
    void theUploadPageSaysTheAnswerProblemsInFrenchAndArabic() {
        long survey = evaluationSurvey(NATIONAL, "ul_" + unique("f").replace('-', '_'), Wave.BASELINE);

        uploadPage(survey, "fr")
                .body(containsString("Feuille answers, ligne 3, colonne B (gender) : ne fait pas partie des choix"
                        + " proposés"))
                .body(not(containsString("not one of the choices")));
        uploadPage(survey, "ar")
                .body(containsString("الورقة answers، السطر ٣، العمود B (gender): ليست من الخيارات المتاحة"))
                .body(not(containsString("not one of the choices")));
        assertEquals(0, stored(survey));
    }

    @Test
    void theApiKeepsItsEnglishProblemsAndAddsThemInTheReadersLanguage() {
        long survey = evaluationSurvey(NATIONAL, "ua_" + unique("f").replace('-', '_'), Wave.BASELINE);

        given().auth().oauth2(manager(NATIONAL)).header("Accept-Language", "fr")
                .multiPart("file", "answers.csv", CSV.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("onlyGoodRows", "true")
                .when().post("/campaigns/api/surveys/" + survey + "/waves/baseline/answers")
                .then().statusCode(200)
                .body("stored", equalTo(1))
                .body("problems", equalTo(List.of("answers sheet, row 3, column B (gender): not one of the choices")))
                .body("problemsText", equalTo(List.of(
                        "Feuille answers, ligne 3, colonne B (gender) : ne fait pas partie des choix proposés")));
        assertEquals(1, stored(survey));
    }
}
