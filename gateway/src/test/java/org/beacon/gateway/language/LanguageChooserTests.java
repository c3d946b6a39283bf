package org.beacon.gateway.language;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.beacon.gateway.routing.EchoUpstream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = true)
class LanguageChooserTests {

    @Test
    void theChoiceIsStoredInACookieAndTheReaderGoesBack() {
        given().redirects().follow(false)
                .when().get("/lang?l=fr&back=/campaigns/public/safe-journeys")
                .then().statusCode(303)
                .header("Location", endsWith("/campaigns/public/safe-journeys"))
                .header("Set-Cookie", containsString("beacon-lang=fr"));
    }

    @Test
    void anotherSiteIsNeverARedirectTarget() {
        given().redirects().follow(false)
                .when().get("/lang?l=fr&back=//evil.example/phish")
                .then().statusCode(303)
                .header("Location", endsWith("/"));
        given().redirects().follow(false)
                .when().get("/lang?l=fr&back=https://evil.example/")
                .then().statusCode(303)
                .header("Location", endsWith("/"));
    }

    @Test
    void aBackAddressThatIsNoAddressAtAllGoesToTheStartPage() {
        for (String back : new String[] { "/a b", "/<script>", "/x?y=<z>" }) {
            given().redirects().follow(false).urlEncodingEnabled(true)
                    .queryParam("l", "fr").queryParam("back", back)
                    .when().get("/lang")
                    .then().statusCode(303)
                    .header("Location", endsWith("/"))
                    .header("Set-Cookie", containsString("beacon-lang=fr"));
        }
    }

    @Test
    void anUnsupportedLanguageIs400AndSetsNoCookie() {
        given().redirects().follow(false)
                .when().get("/lang?l=xx")
                .then().statusCode(400)
                .header("Set-Cookie", nullValue())
                .body(containsString("Choose one of: en, fr, es, pt, ar."));
    }

    @Test
    void theRefusalIsInTheReadersLanguage() {
        given().redirects().follow(false).header("Accept-Language", "fr")
                .when().get("/lang?l=xx")
                .then().statusCode(400)
                .body(containsString("Choisissez l’une de ces langues : en, fr, es, pt, ar."));
        given().redirects().follow(false).header("Accept-Language", "ar")
                .when().get("/lang?l=xx")
                .then().statusCode(400)
                .body(containsString("dir=\"rtl\""))
                .body(containsString("اختر إحدى هذه اللغات: en، fr، es، pt، ar."));
    }
}
