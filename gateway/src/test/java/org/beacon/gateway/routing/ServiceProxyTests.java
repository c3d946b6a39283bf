package org.beacon.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.logging.LogRecord;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.beacon.gateway.LogRecorder;
import org.beacon.gateway.admin.AdminPagesTests;
import org.beacon.gateway.web.Outages;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = true)
class ServiceProxyTests {

    static {
        RestAssured.config = RestAssured.config().redirect(
                io.restassured.config.RedirectConfig.redirectConfig().followRedirects(false));
    }

    @Test
    void aProtectedPathSendsAVisitorToTheLoginPage() {
        given().when().get("/training/courses")
                .then().statusCode(302)
                .header("Location", containsString("/realms/quarkus"))
                .header("Location", containsString("response_type=code"))
                .header("Location", containsString("code_challenge"));
    }

    @Test
    void signInAsksKeycloakInTheReadersLanguageAndComesBackToThePage() {
        given().when().get("/login?back=%2Ftraining%2Fcohorts%3Fpage%3D2&ui_locales=fr")
                .then().statusCode(302)
                .header("Location", containsString("/realms/quarkus"))
                .header("Location", containsString("ui_locales=fr"));
        String token = AdminPagesTests.token("trainer");
        given().auth().oauth2(token).queryParam("back", "/training/cohorts?page=2").queryParam("ui_locales", "fr")
                .when().get("/login")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/training/cohorts?page=2"));
        // Only a page of this site: the login is no way to send a reader elsewhere.
        for (String elsewhere : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "training")) {
            given().auth().oauth2(token).queryParam("back", elsewhere).when().get("/login")
                    .then().statusCode(303).header("Location", not(containsString("evil")))
                    .header("Location", org.hamcrest.Matchers.endsWith("/"));
        }
    }

    @Test
    void publicPathsAreForwardedWithoutLoginAndWithoutCookiesOrClientAddress() {
        given().cookie("q_session", "encrypted-session").cookie("beacon-lang", "pt")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("Authorization", "Bearer forged")
                .when().get("/training/public/verify?code=AB-12")
                .then().statusCode(200)
                .body("uri", equalTo("/training/public/verify?code=AB-12"))
                .body("headers.cookie", nullValue())
                .body("headers.authorization", nullValue())
                .body("headers.x-forwarded-for", nullValue())
                .body("headers.accept-language", equalTo("pt"))
                .header("Set-Cookie", nullValue())
                .header("Vary", containsString("Accept-Language"))
                .header("Vary", containsString("Cookie"));
    }

    @Test
    void theSignedInUsersAccessTokenIsRelayedAsABearerToken() {
        String token = OidcWiremockTestResource.getAccessToken("alice", Set.of("trainee"));
        given().auth().oauth2(token)
                .contentType("application/json").body("{\"language\":\"fr\"}")
                .when().post("/training/api/enrolments")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("body", equalTo("{\"language\":\"fr\"}"))
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void anUploadAsLargeAsTheServicesAcceptReachesThem() {
        // The services take attachments up to 50 MB; the gateway must not stop them at its own default (10 MB).
        byte[] video = new byte[30 * 1024 * 1024];
        String token = OidcWiremockTestResource.getAccessToken("alice", Set.of("author"));
        given().auth().oauth2(token).contentType("video/mp4").body(video)
                .when().post("/training/api/attachments")
                .then().statusCode(200)
                .body("length", equalTo(video.length));
    }

    @Test
    void aTamperedSessionCookieIsNotASessionAndChangesNothing() {
        given().cookie("q_session", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..tampered.cookie.value")
                .when().get("/training/courses")
                .then().statusCode(401)
                .contentType(startsWith("text/html"))
                .body(containsString("Sign-in required"))
                .header("Set-Cookie", containsString("q_session=; Max-Age=0"));
        given().cookie("q_session", "tampered")
                .when().get("/training/public/verify")
                .then().statusCode(200)
                .body("headers.authorization", nullValue());
    }

    @Test
    void anInvalidBearerTokenIsRefusedAtTheGateway() {
        given().auth().oauth2("not.a.token")
                .when().get("/training/api/courses")
                .then().statusCode(401);
    }

    @Test
    void aServiceThatIsDownGivesAReadable503Page() {
        given().when().get("/campaigns/public/safe-journeys")
                .then().statusCode(503)
                .contentType(startsWith("text/html"))
                .body(containsString("Temporarily unavailable"))
                .body(containsString("campaign-service"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aServiceThatIsDownIsA503WithRetryAfterAndProblemJsonForTheApi() {
        given().when().get("/campaigns/public/safe-journeys")
                .then().statusCode(503)
                .header("Retry-After", "30");
        String token = OidcWiremockTestResource.getAccessToken("alice", Set.of("campaign-manager"));
        given().auth().oauth2(token).when().get("/campaigns/api/campaigns")
                .then().statusCode(503)
                .header("Retry-After", "30")
                .contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("title", equalTo("Temporarily unavailable"))
                .body("detail", containsString("campaign-service"));
    }

    @Test
    void anOutageIsLoggedOnceNotOncePerRequestAndWithoutAStackTrace() {
        try (LogRecorder log = LogRecorder.start()) {
            for (int i = 0; i < 25; i++) {
                given().when().get("/campaigns/public/page-" + i).then().statusCode(503);
            }
            List<LogRecord> outage = log.from(Outages.class);
            assertTrue(outage.size() <= 1, "one line per outage, got " + outage.size());
            assertEquals(List.of(), log.all().stream().filter(r -> r.getThrown() != null).toList());
        }
    }

    @Test
    void aReaderLeavingInTheMiddleOfAPageLeavesNoStackTraceInTheLog() throws Exception {
        try (LogRecorder log = LogRecorder.start()) {
            for (int i = 0; i < 5; i++) {
                try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                    socket.getOutputStream().write(("GET /training/public/long-page-" + i + " HTTP/1.1\r\n"
                            + "Host: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    InputStream in = socket.getInputStream();
                    byte[] part = new byte[64 * 1024];
                    int read = 0;
                    while (read < part.length) {
                        int n = in.read(part, read, part.length - read);
                        assertTrue(n > 0, "the page started");
                        read += n;
                    }
                    // Closing with unread data makes the socket send a reset: the reader is gone for good.
                    socket.setSoLinger(true, 0);
                }
            }
            // The service keeps writing for a while after the readers left: give the gateway time to notice.
            Thread.sleep(2500);
            assertEquals(List.of(), log.withTrace(IllegalStateException.class));
            assertEquals(List.of(), log.all().stream().filter(r -> r.getThrown() != null).toList());
        }
        given().when().get("/training/public/verify").then().statusCode(200);
    }

    @Test
    void aReadIsSentAgainWhenTheServiceClosedItsConnectionButAFormPostIsNot() {
        given().when().get("/training/public/closing/page")
                .then().statusCode(200).body("uri", equalTo("/training/public/closing/page"));
        // A post may have been read before the connection closed: sending it again could store it twice.
        given().contentType("application/x-www-form-urlencoded").formParam("answer", "yes")
                .when().post("/training/public/closing/form")
                .then().statusCode(503).contentType(containsString("text/html"));
    }

    @Test
    void aPublicPageIsKeptBrieflyForAnonymousReadersInTheirLanguage() {
        String page = "/training/public/kept?as=html&cookie=none&cache-control=public,max-age=300";
        given().cookie("beacon-lang", "fr").when().get(page)
                .then().statusCode(200).body(containsString("\"served\":1"))
                .header("Content-Security-Policy", containsString("default-src"));
        given().cookie("beacon-lang", "fr").when().get(page)
                .then().statusCode(200).body(containsString("\"served\":1")).header("Age", notNullValue())
                .header("Content-Security-Policy", containsString("default-src"))
                .header("Vary", containsString("Accept-Language"));
        // Another language is another page.
        given().cookie("beacon-lang", "pt").when().get(page)
                .then().body(containsString("\"served\":2")).body(containsString("\"accept-language\":\"pt\""));
    }

    @Test
    void whatIsPrivateNoStoreCookieSettingOrNotHtmlIsNeverKept() {
        for (String page : List.of(
                "/training/public/form?as=html&cookie=none&cache-control=no-store",
                "/training/public/mine?as=html&cookie=none&cache-control=private,max-age=300",
                "/training/public/plain?as=html&cookie=none",
                "/training/public/cookie?as=html&cache-control=public,max-age=300",
                "/training/public/json?cookie=none&cache-control=public,max-age=300")) {
            given().when().get(page).then().statusCode(200).body(containsString("\"served\":1"));
            given().when().get(page).then().statusCode(200).body(containsString("\"served\":2"));
        }
        String form = "/training/public/posted?as=html&cookie=none&cache-control=public,max-age=300";
        given().formParam("answer", "yes").when().post(form).then().body(containsString("\"served\":1"));
        given().formParam("answer", "yes").when().post(form).then().body(containsString("\"served\":2"));
    }

    @Test
    void securityHeadersAreOnProxiedResponses() {
        given().when().get("/training/public/verify")
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }

    @Test
    void anUnknownPathIsAReadable404Page() {
        given().when().get("/no/such/page")
                .then().statusCode(404)
                .contentType(startsWith("text/html"))
                .body(containsString("Page not found"));
    }

    @Test
    void anUnknownPathFramesTheSignedInReaderAndIsNotKept() {
        // Nothing serves the path, so no sign-in is asked for it: the page still knows who is reading.
        String token = AdminPagesTests.token("trainer");
        given().auth().oauth2(token).header("Accept-Language", "fr").when().get("/nonexistent")
                .then().statusCode(404)
                .header("Cache-Control", "no-store")
                .body(containsString("Page introuvable"))
                .body(containsString(">ada</span>"))
                .body(containsString("id=\"sign-out\""))
                .body(containsString("href=\"/training/cohorts\""))
                .body(not(containsString("id=\"sign-in\"")));
        given().when().get("/nonexistent").then().statusCode(404).body(containsString("id=\"sign-in\""));
    }

    @Test
    void errorPagesSpeakTheReadersLanguage() {
        given().header("Accept-Language", "fr-SN,fr;q=0.9").when().get("/no/such/page")
                .then().statusCode(404)
                .body(containsString("<html lang=\"fr\" dir=\"ltr\">"))
                .body(containsString("Page introuvable"))
                .body(not(containsString("Page not found")));
        given().cookie("beacon-lang", "ar").when().get("/campaigns/public/safe-journeys")
                .then().statusCode(503)
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("غير متاح مؤقتًا"))
                .body(containsString("campaign-service"));
    }

    @Test
    void theOutagePageHasTheHeaderOfEveryPageInTheReadersLanguage() {
        given().auth().oauth2(AdminPagesTests.token("campaign-manager")).cookie("beacon-lang", "fr").accept("text/html")
                .when().get("/campaigns/manage")
                .then().statusCode(503)
                .body(containsString("<header class=\"bar\" lang=\"fr\" dir=\"ltr\">"))
                .body(containsString("<a class=\"brand\" href=\"/\">Beacon</a>"))
                .body(containsString("<a href=\"/campaigns/manage\" aria-current=\"page\">Campagnes</a>"))
                .body(containsString("<span class=\"muted\" id=\"user-name\" title=\"Connecté en tant que\">ada</span>"))
                .body(containsString("id=\"sign-out\">Se déconnecter</a>"))
                .body(containsString("hreflang=\"ar\""))
                .body(not(containsString("href=\"/training/author\"")));
        given().cookie("beacon-lang", "ar").when().get("/campaigns/public/safe-journeys")
                .then().statusCode(503)
                .body(containsString("<header class=\"bar\" lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("id=\"sign-in\">تسجيل الدخول</a>"))
                .body(containsString("<strong lang=\"ar\">العربية</strong>"))
                .body(not(containsString("id=\"sign-out\"")));
    }
}
