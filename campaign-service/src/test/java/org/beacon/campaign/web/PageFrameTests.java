package org.beacon.campaign.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Every page of the campaign service has the one header, for visitors, signed-in users and on errors alike. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class PageFrameTests {

    private static final String EVALUATOR = TestTokens.token("eve", "national-office", "evaluator");

    @Test
    void anEvaluatorIsOfferedSurveysButNoCampaignsLink() {
        given().auth().oauth2(EVALUATOR).when().get("/campaigns/surveys")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString(">Eve Tester</span>"))
                .body(containsString("id=\"sign-out\""))
                .body(containsString("<a href=\"/campaigns/surveys\" aria-current=\"page\">Surveys and results</a>"))
                .body(not(containsString("href=\"/campaigns/manage\"")))
                .body(not(containsString("href=\"/campaigns/audit\"")));
    }

    @Test
    void aCampaignManagerIsOfferedCampaigns() {
        given().auth().oauth2(TestTokens.token("maya", "national-office", "campaign-manager"))
                .when().get("/campaigns/manage")
                .then().statusCode(200)
                .body(containsString("<a href=\"/campaigns/manage\" aria-current=\"page\">Campaigns</a>"))
                .body(not(containsString("href=\"/training/author\"")));
    }

    @Test
    void theServiceStillRefusesWhatTheMenuDoesNotOffer() {
        given().auth().oauth2(EVALUATOR).header("Accept-Language", "fr").when().get("/campaigns/manage")
                .then().statusCode(403)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .body(containsString("<html lang=\"fr\""))
                .body(containsString("Accès refusé"))
                .body(containsString("Votre rôle ne permet pas cette action."))
                .body(containsString("Se déconnecter"))
                .body(containsString("Enquêtes et résultats"));
    }

    @Test
    void aServicesOwnExplanationIsShownInTheReadersLanguage() {
        given().auth().oauth2(TestTokens.token("nomad", null, "campaign-manager")).header("Accept-Language", "fr")
                .when().get("/campaigns/manage")
                .then().statusCode(403)
                .body(containsString("Accès refusé"))
                .body(containsString("Votre compte n&#39;appartient à aucune organisation."))
                .body(not(containsString("Your account belongs to no organization.")));
    }

    @Test
    void aPublicPageHasTheHeaderAndKeepsItsCachingForVisitors() {
        given().when().get("/campaigns/public")
                .then().statusCode(200)
                .header("Cache-Control", containsString("public"))
                .body(containsString("class=\"brand\""))
                .body(containsString("id=\"sign-in\""))
                .body(containsString("href=\"/lang?l=ar&amp;back=%2Fcampaigns%2Fpublic\""));
        given().auth().oauth2(EVALUATOR).when().get("/campaigns/public")
                .then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body(containsString("id=\"sign-out\""));
    }

    @Test
    void anUnknownPageIsAFramedNotFound() {
        given().header("Accept-Language", "es").when().get("/campaigns/public/no-such-campaign/en")
                .then().statusCode(404)
                .body(containsString("class=\"brand\""))
                .body(containsString("Iniciar sesión"));
    }
}
