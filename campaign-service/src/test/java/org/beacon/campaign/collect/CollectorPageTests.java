package org.beacon.campaign.collect;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.collect.OpenRosaResourceTests.surveyWithLink;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.campaign.survey.SurveyFixtures;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The browser collector's page, bundle and service worker as a link holder's browser fetches them. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class CollectorPageTests {

    @Test
    void thePageLinksTheHashedBundleTheFormAndTheSubmissionUrlInTheReadersLanguage() throws Exception {
        Object[] setup = surveyWithLink(NATIONAL, Wave.BASELINE);
        String token = (String) setup[1];
        String base = "/campaigns/collect/" + token;

        String page = given().cookie("beacon-lang", "fr").when().get(base + "/web")
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", containsString("no-cache"))
                .body(containsString("lang=\"fr\""))
                .body(containsString("Réponses en attente d’envoi"))
                .body(containsString("data-form=\"" + base + "/forms/" + SurveyFixtures.slug((Long) setup[0])
                        + "/form.xml\""))
                .body(containsString("data-submission=\"" + base + "/submission\""))
                .body(containsString("href=\"/lang?l=ar&amp;back=" + base + "/web\""))
                .extract().asString();
        Matcher bundle = Pattern.compile("src=\"(" + Pattern.quote(base) + "/web/collector-([0-9a-f]{16})\\.js)\"")
                .matcher(page);
        assertTrue(bundle.find(), page);

        byte[] served = given().when().get(bundle.group(1)).then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", containsString("immutable"))
                .extract().asByteArray();
        try (InputStream committed = getClass().getClassLoader().getResourceAsStream(CollectorPage.BUNDLE_RESOURCE)) {
            assertArrayEquals(committed.readAllBytes(), served, "the bundle built from devstack/odk");
        }
        assertTrue(new String(served, java.nio.charset.StandardCharsets.UTF_8).contains("xml_submission_file"));
        given().when().get(base + "/web/collector-0000000000000000.js").then().statusCode(404);

        given().when().get(base + "/web/worker.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Service-Worker-Allowed", equalTo(base + "/"))
                .body(containsString("addEventListener('fetch'"));
    }

    @Test
    void aRevokedOrUnknownLinkGetsAReadablePageAndNoCollector() {
        Object[] setup = surveyWithLink(NATIONAL, Wave.BASELINE);
        long survey = (Long) setup[0];
        String token = (String) setup[1];
        int linkId = given().auth().oauth2(manager(NATIONAL)).when()
                .get("/campaigns/api/surveys/" + survey + "/collection-links").then().statusCode(200)
                .extract().path("[0].id");
        given().auth().oauth2(manager(NATIONAL)).when()
                .post("/campaigns/api/surveys/" + survey + "/collection-links/" + linkId + "/revoke")
                .then().statusCode(200);

        for (String path : new String[] {"/web", "/web/worker.js", "/web/collector-" + CollectorPage.BUNDLE_HASH
                + ".js"}) {
            given().cookie("beacon-lang", "es").when().get("/campaigns/collect/" + token + path)
                    .then().statusCode(403).contentType(containsString("text/html"))
                    .body(containsString("no es válido o ha sido revocado"))
                    .body(not(containsString("collector-")));
        }
        given().when().get("/campaigns/collect/never-issued-" + UUID.randomUUID() + "/web").then().statusCode(403);
    }
}
