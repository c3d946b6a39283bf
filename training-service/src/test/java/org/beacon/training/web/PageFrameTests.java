package org.beacon.training.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.training.certificate.Certificate;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Every page of the training service has the one header, for visitors, signed-in users and on errors alike. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class PageFrameTests {

    private static final String TRAINEE = TestTokens.token("amina", "police-academy", "trainee");

    @Test
    void aSignedInPageHasTheHeaderWithTheUsersNameSignOutAndOnlyTheirAreas() {
        given().auth().oauth2(TRAINEE).when().get("/training")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("class=\"brand\""))
                .body(containsString(">Amina Tester</span>"))
                .body(containsString("id=\"sign-out\""))
                .body(containsString("href=\"/lang?l=fr&amp;back=%2Ftraining\""))
                .body(containsString("<a href=\"/training\" aria-current=\"page\">Training</a>"))
                .body(not(containsString("href=\"/training/author\"")))
                .body(not(containsString("href=\"/training/cohorts\"")))
                .body(not(containsString("href=\"/campaigns/manage\"")));
    }

    @Test
    void aPathNothingServesFramesTheSignedInReaderAndIsNotKept() {
        // No resource matches, so the page is answered before any sign-in was asked for: it must still know.
        given().auth().oauth2(TRAINEE).header("Accept-Language", "fr").when().get("/training/nonexistent")
                .then().statusCode(404)
                .header("Cache-Control", "no-store")
                .body(containsString("Page introuvable"))
                .body(containsString(">Amina Tester</span>"))
                .body(containsString("id=\"sign-out\""))
                .body(not(containsString("id=\"sign-in\"")));
        given().when().get("/training/nonexistent").then().statusCode(404).body(containsString("id=\"sign-in\""));
        // A token that fails the check still gets its 401 where sign-in is needed.
        given().auth().oauth2(TestTokens.forgedToken("mallory", "police-academy", "trainee")).when().get("/training")
                .then().statusCode(401);
    }

    @Test
    void anAuthorIsOfferedAuthoringAndNotCohorts() {
        given().auth().oauth2(TestTokens.token("ana", "police-academy", "author")).when().get("/training/author")
                .then().statusCode(200)
                .body(containsString("<a href=\"/training/author\" aria-current=\"page\">Authoring</a>"))
                .body(not(containsString("href=\"/training/cohorts\"")));
    }

    @Test
    void aPublicPageHasTheHeaderForAVisitorAndKeepsItsCaching() {
        given().when().get("/training/public/verify")
                .then().statusCode(200)
                .header("Cache-Control", anyOf(nullValue(), not(containsString("no-store"))))
                .body(containsString("class=\"brand\""))
                .body(containsString("id=\"sign-in\""))
                .body(containsString("href=\"/training/public/verify\" aria-current=\"page\""))
                .body(not(containsString("id=\"sign-out\"")));
    }

    @Test
    void aPublicPageOpenedSignedInShowsTheUserAndIsNotKept() {
        given().auth().oauth2(TRAINEE).when().get("/training/public/verify")
                .then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body(containsString("id=\"sign-out\""));
    }

    @Test
    void anErrorPageHasTheHeaderAndIsInTheReadersLanguageThroughout() {
        given().auth().oauth2(TRAINEE).header("Accept-Language", "fr").when().get("/training/author")
                .then().statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"fr\""))
                .body(containsString("Accès refusé"))
                .body(containsString("Votre rôle ne permet pas cette action."))
                .body(containsString("Se déconnecter"))
                .body(containsString("class=\"brand\""));
        given().header("Accept-Language", "fr").when().get("/training/public/verify?code=NOPE-0000")
                .then().statusCode(404)
                .body(containsString("id=\"sign-in\""))
                .body(containsString("Se connecter"));
    }

    @Test
    void datesAreInTheReadersFormat() {
        QuarkusTransaction.requiringNew().run(() -> {
            Certificate.delete("code", "BCN-FRAME-0001");
            Certificate certificate = new Certificate();
            certificate.code = "BCN-FRAME-0001";
            certificate.holderSubject = "frame-subject";
            certificate.holderName = "Lucie Martin";
            certificate.courseTitle = "First contact";
            certificate.courseVersion = 1;
            certificate.issuedOn = LocalDate.of(2026, 11, 2);
            certificate.persist();
        });
        given().header("Accept-Language", "fr").queryParam("code", "BCN-FRAME-0001")
                .when().get("/training/public/verify")
                .then().statusCode(200)
                .body(containsString("2 nov. 2026"))
                .body(not(containsString("2026-11-02")));
    }
}
