package org.beacon.gateway.home;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.beacon.gateway.admin.AdminPagesTests;
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
        assertEquals(List.of("training"), keys("trainee"));
        assertEquals(List.of("campaigns", "surveys"), keys("campaign-manager"));
        assertEquals(List.of("surveys"), keys("evaluator"));
        assertEquals(List.of("training", "cohorts", "authoring", "reports"), keys("trainer", "author"));
        assertEquals(List.of("training", "cohorts", "authoring", "import", "campaigns", "surveys", "reports",
                "organizations", "audit"), keys("admin"), "an admin's start page links to every area an admin may open");
        assertEquals(keys("admin"), keys("campaign-manager", "admin"), "each area once");
    }

    @Test
    void everyAreaOfTheMenuIsOnTheStartPageOfEachRole() {
        for (String role : List.of("trainee", "trainer", "author", "campaign-manager", "evaluator", "admin")) {
            String page = given().auth().oauth2(AdminPagesTests.token(role)).header("Accept-Language", "fr").when().get("/")
                    .then().statusCode(200).extract().asString();
            String menu = page.substring(page.indexOf("<nav class=\"areas\""), page.indexOf("</nav>",
                    page.indexOf("<nav class=\"areas\"")));
            Matcher link = Pattern.compile("href=\"([^\"]+)\"").matcher(menu);
            List<String> areas = new ArrayList<>();
            while (link.find()) {
                areas.add(link.group(1));
            }
            areas.remove("/");
            assertFalse(areas.isEmpty(), role);
            for (String area : areas) {
                assertTrue(page.contains("<h3><a href=\"" + area + "\">"), role + " has " + area
                        + " in the menu but not on the start page");
            }
            // Nothing on the start page that the menu does not offer.
            Matcher card = Pattern.compile("<li class=\"card\"><h3><a href=\"([^\"]+)\">").matcher(page);
            while (card.find()) {
                String href = card.group(1);
                assertTrue(areas.contains(href) || href.equals("/campaigns/public")
                        || href.equals("/training/public/verify"), role + ": " + href);
            }
        }
        given().auth().oauth2(AdminPagesTests.token("admin")).header("Accept-Language", "fr").when().get("/")
                .then().statusCode(200)
                .body(containsString("<h3><a href=\"/training/author/import\">Importer un cours</a></h3>"))
                .body(containsString("<h3><a href=\"/training\">Mes cours</a></h3>"));
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
