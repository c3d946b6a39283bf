package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.NGO;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class ResultsPageTests {

    long survey;

    @BeforeEach
    void knownDataSet() {
        survey = evaluationSurvey(NATIONAL, "page_" + unique("f").replace('-', '_'), Wave.BASELINE, Wave.ENDLINE);
        uploadCsv(NATIONAL, survey, Wave.BASELINE, KnownAnswers.csv(KnownAnswers.baseline()), false)
                .then().statusCode(200);
        uploadCsv(NATIONAL, survey, Wave.ENDLINE, KnownAnswers.csv(KnownAnswers.endline()), false)
                .then().statusCode(200);
    }

    @Test
    void thePageShowsChartsWithTheirTablesInTheEvaluatorsLanguage() {
        given().auth().oauth2(evaluator(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/results/" + survey)
                .then().statusCode(200)
                .body(containsString("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""))
                .body(containsString("<caption>La traite peut-elle avoir lieu dans un seul pays ?</caption>"))
                .body(containsString("Évolution entre l’enquête de référence et l’enquête finale"))
                // figures in the reader's formats: French decimals have a comma
                .body(containsString("+25,0 pp ["))
                .body(not(containsString("+25.0 pp [")))
                .body(containsString("Portée par canal"))
                .body(containsString("Moyenne (1-5)"))
                .body(containsString("3,63"))
                .body(not(containsString("<script")));
    }

    @Test
    void aBreakdownCellUnderKIsShownAsSuppressed() {
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/results/" + survey + "?by=gender&wave=baseline")
                .then().statusCode(200)
                .body(containsString("<th scope=\"col\">Prefer not to say</th>"))
                .body(containsString("<td class=\"suppressed\">&lt; 10</td>"))
                .body(containsString("<td class=\"suppressed\">hidden</td>"));
    }

    @Test
    void freeTextIsShownMaskedToEvaluators() {
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/results/" + survey + "/texts?question=suggestion&wave=endline")
                .then().statusCode(200)
                .body(containsString("Call me on [phone]"))
                .body(containsString("write to [e-mail]"))
                .body(not(containsString("aminata")));
        given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/results/" + survey + "/texts?question=suggestion&wave=baseline")
                .then().statusCode(200)
                .body(containsString("Answers are shown once at least 10 people have answered"));
    }

    @Test
    void theResultsPagesInArabicWriteTheirCountsInArabicDigitsAndNameTheWaves() {
        given().auth().oauth2(evaluator(NATIONAL)).header("Accept-Language", "ar")
                .when().get("/campaigns/results/" + survey)
                .then().statusCode(200)
                .body(containsString("dir=\"rtl\""))
                // every figure of every table, counts and percentages, in Arabic-Indic digits
                .body(not(matchesPattern("(?s).*<td[^>]*>[^<]*[0-9][^<]*</td>.*")))
                .body(containsString("wave=endline\">المسح الختامي</a>"));
        given().auth().oauth2(evaluator(NATIONAL)).header("Accept-Language", "ar")
                .when().get("/campaigns/results/" + survey + "/texts?question=suggestion&wave=endline")
                .then().statusCode(200)
                .body(containsString("المسح الختامي"))
                .body(containsString(": ٢٠</p>"));
        given().auth().oauth2(evaluator(NATIONAL)).header("Accept-Language", "ar")
                .when().get("/campaigns/results/" + survey + "/texts?question=suggestion&wave=baseline")
                .then().statusCode(200)
                .body(containsString("خط الأساس"))
                .body(containsString(": &lt; ١٠</p>"));
    }

    @Test
    void anEvaluatorOfAnotherOrganizationGetsAReadable403() {
        given().auth().oauth2(evaluator(NGO))
                .when().get("/campaigns/results/" + survey)
                .then().statusCode(403)
                .body(containsString("This belongs to another organization."));
    }
}
