package org.beacon.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Set;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.beacon.gateway.routing.EchoUpstream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = true)
class CrossSiteRequestsTests {

    private static final String STAFF_FORM = "/training/author/courses/c-1/publish";

    @Test
    void aStaffFormSentFromAnotherSiteIsRefused() {
        given().header("Sec-Fetch-Site", "cross-site").formParam("confirm", "yes")
                .when().post(STAFF_FORM)
                .then().statusCode(403)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(containsString("sent from another site"));
        given().header("Origin", "https://evil.example").formParam("confirm", "yes")
                .when().post(STAFF_FORM)
                .then().statusCode(403);
        // A sibling subdomain may belong to someone else.
        given().header("Sec-Fetch-Site", "same-site").formParam("confirm", "yes")
                .when().post(STAFF_FORM)
                .then().statusCode(403);
    }

    @Test
    void theRefusalSpeaksTheReadersLanguageAndProblemJsonOnTheApi() {
        given().cookie("beacon-lang", "fr").header("Origin", "https://evil.example").formParam("a", "b")
                .when().post(STAFF_FORM)
                .then().statusCode(403)
                .body(containsString("envoyé depuis un autre site"));
        given().header("Origin", "https://evil.example").contentType("application/json").body("{}")
                .when().delete("/campaigns/api/campaigns/1")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void aFormFromBeaconItselfGoesThrough() {
        String token = OidcWiremockTestResource.getAccessToken("alice", Set.of("author"));
        given().auth().oauth2(token).header("Sec-Fetch-Site", "same-origin").formParam("confirm", "yes")
                .when().post(STAFF_FORM)
                .then().statusCode(200).body("method", equalTo("POST"));
        given().auth().oauth2(token).header("Origin", RestAssured.baseURI + ":" + RestAssured.port)
                .formParam("confirm", "yes")
                .when().post(STAFF_FORM)
                .then().statusCode(200);
        // Scripts send neither header and prove who they are with a bearer token no other site can add.
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .when().post("/training/api/courses")
                .then().statusCode(200);
    }

    @Test
    void theAnonymousPublicSurveyAcceptsAnswersFromAnywhere() {
        given().header("Sec-Fetch-Site", "cross-site").header("Origin", "https://partner.example")
                .formParam("answer", "yes")
                .when().post("/training/public/surveys/s/answers")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("headers.authorization", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void fieldTeamsAppsReachTheOpenRosaApiWithoutSignInFromAnywhere() {
        // ODK Collect sends neither header; Enketo posts from its own site. Neither has a Beacon session, and
        // neither is sent to sign in or refused: the request goes on to campaign-service (down in this test: 503).
        given().redirects().follow(false)
                .when().get("/campaigns/collect/a-link-token/formList")
                .then().statusCode(503);
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site")
                .header("Origin", "https://enketo.example")
                .multiPart("xml_submission_file", "submission.xml", "<data/>".getBytes(), "text/xml")
                .when().post("/campaigns/collect/a-link-token/submission")
                .then().statusCode(503);
        // The rest of /campaigns still needs a sign-in.
        given().redirects().follow(false)
                .when().get("/campaigns/surveys/1/collect")
                .then().statusCode(302);
    }

    @Test
    void readingIsNeverRefused() {
        given().header("Sec-Fetch-Site", "cross-site").when().get("/training/public/verify")
                .then().statusCode(200);
    }

    @Test
    void theRefusalPageHasTheHeaderOfEveryPage() {
        given().cookie("beacon-lang", "fr").header("Sec-Fetch-Site", "cross-site").formParam("a", "b")
                .when().post(STAFF_FORM)
                .then().statusCode(403)
                .body(containsString("<header class=\"bar\" lang=\"fr\" dir=\"ltr\">"))
                .body(containsString("<a class=\"brand\" href=\"/\">Beacon</a>"))
                .body(containsString("id=\"sign-in\">Se connecter</a>"))
                .body(containsString("hreflang=\"ar\""));
        // A reader whose session came along (a sibling site's form) is offered the way out.
        given().cookie("beacon-lang", "ar").cookie("q_session", "encrypted-session")
                .header("Sec-Fetch-Site", "same-site").formParam("a", "b")
                .when().post(STAFF_FORM)
                .then().statusCode(403)
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("<header class=\"bar\" lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("id=\"sign-out\">تسجيل الخروج</a>"))
                .body(containsString("href=\"/lang?l=fr&amp;back=%2F\""));
    }
}
