package org.beacon.gateway.home;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.beacon.gateway.routing.EchoUpstream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = true)
class HomePageTests {

    @Test
    void aVisitorSeesTheSignInLinkAndThePublicDoors() {
        given().when().get("/")
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Frame-Options", "DENY")
                .body(containsString("id=\"sign-in\""))
                .body(containsString("/campaigns/public"))
                .body(containsString("/training/public/verify"))
                .body(not(containsString("id=\"welcome\"")));
    }

    @Test
    void theVisitorsBrowserLanguageIsUsedUntilTheyChoose() {
        given().header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5")
                .when().get("/")
                .then().statusCode(200)
                .body(containsString("lang=\"es\""))
                .body(containsString("Iniciar sesión"));
        given().header("Accept-Language", "es").cookie("beacon-lang", "ar")
                .when().get("/")
                .then().statusCode(200)
                .body(containsString("dir=\"rtl\""))
                .body(containsString("تسجيل الدخول"));
    }

    @Test
    void eachRoleIsOfferedItsOwnWork() {
        assertEquals(List.of("courses"), keys("trainee"));
        assertEquals(List.of("campaigns"), keys("campaign-manager"));
        assertEquals(List.of("results"), keys("evaluator"));
        assertEquals(List.of("cohorts", "authoring"), keys("trainer", "author"));
        assertEquals(List.of("organizations", "audit", "reports", "authoring", "cohorts", "campaigns", "results"),
                keys("admin"), "an admin's start page links to every area an admin may open");
        assertEquals(List.of("campaigns", "organizations", "audit", "reports", "authoring", "cohorts", "results"),
                keys("campaign-manager", "admin"), "each area once");
    }

    private static List<String> keys(String... roles) {
        QuarkusSecurityIdentity identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(() -> "someone").addRoles(Set.of(roles)).build();
        return HomePage.tasksFor(identity).stream().map(HomePage.Task::key).toList();
    }

    @Test
    void aSignedInUserIsGreetedByName() {
        String token = OidcWiremockTestResource.getAccessToken("alice", Set.of("trainee"));
        given().auth().oauth2(token)
                .when().get("/")
                .then().statusCode(200)
                .body(containsString("id=\"welcome\""))
                .body(containsString("alice"));
    }

    @Test
    void theSignedInHomePageHasTheSharedHeaderAndIsNeverKeptByTheBrowser() {
        String token = OidcWiremockTestResource.getAccessToken("alice", Set.of("trainee"));
        given().auth().oauth2(token).header("Accept-Language", "fr")
                .when().get("/")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("id=\"sign-out\""))
                .body(containsString("Se déconnecter"))
                .body(containsString("href=\"/lang?l=ar&amp;back=%2F\""))
                .body(containsString(">alice</span>"));
        given().when().get("/")
                .then().statusCode(200)
                .header("Cache-Control", not("no-store"));
    }
}
