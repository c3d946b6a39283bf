package org.beacon.campaign.collect;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.NGO;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.InflaterInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class CollectPagesTests {

    @Test
    void aNewLinkShowsItsAddressAndCollectSettingsOnceThenOnlyItsName() throws Exception {
        long survey = evaluationSurvey(NATIONAL, "page_" + unique("f").replace('-', '_'), Wave.BASELINE);
        String page = given().auth().oauth2(manager(NATIONAL))
                .formParam("wave", "baseline").formParam("name", "Team Kaolack")
                .when().post("/campaigns/surveys/" + survey + "/collect")
                .then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("Team Kaolack"))
                .body(containsString("data:image/svg+xml;base64,"))
                .extract().asString();
        Matcher url = Pattern.compile("<code>(http[^<]+/campaigns/collect/([A-Za-z0-9_-]{43}))</code>").matcher(page);
        assertTrue(url.find(), page);
        String token = url.group(2);

        // The QR code carries ODK Collect's settings: base64(zlib(JSON)) with the link's server address.
        Matcher image = Pattern.compile("data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)").matcher(page);
        assertTrue(image.find());
        String svg = new String(Base64.getDecoder().decode(image.group(1)), StandardCharsets.UTF_8);
        String payload = svg.substring(svg.indexOf("<title>") + 7, svg.indexOf("</title>"));
        JsonNode settings = new ObjectMapper().readTree(new InflaterInputStream(
                new ByteArrayInputStream(Base64.getDecoder().decode(payload))).readAllBytes());
        assertEquals(url.group(1), settings.path("general").path("server_url").asText());
        assertEquals("match_exactly", settings.path("general").path("form_update_mode").asText());
        assertTrue(settings.path("project").path("name").asText().contains("Team Kaolack"));

        OpenRosaResourceTests.formList(token).then().statusCode(200);
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/surveys/" + survey + "/collect")
                .then().statusCode(200)
                .body(containsString("Team Kaolack"))
                .body(not(containsString(token)));
    }

    @Test
    void anotherOrganizationsManagerCannotSeeOrMakeLinks() {
        long survey = evaluationSurvey(NATIONAL, "page_" + unique("f").replace('-', '_'), Wave.BASELINE);

        given().auth().oauth2(manager(NGO)).when().get("/campaigns/surveys/" + survey + "/collect")
                .then().statusCode(403);
        given().auth().oauth2(manager(NGO)).formParam("wave", "baseline").formParam("name", "Team")
                .when().post("/campaigns/surveys/" + survey + "/collect")
                .then().statusCode(403);
    }

    @Test
    void aRevokedLinkStopsAtOnceAndShowsAsRevoked() {
        Object[] setup = OpenRosaResourceTests.surveyWithLink(NATIONAL, Wave.BASELINE);
        long survey = (Long) setup[0];
        int linkId = given().auth().oauth2(manager(NATIONAL)).when()
                .get("/campaigns/api/surveys/" + survey + "/collection-links").then().extract().path("[0].id");

        given().auth().oauth2(manager(NATIONAL)).redirects().follow(false)
                .when().post("/campaigns/surveys/" + survey + "/collect/" + linkId + "/revoke")
                .then().statusCode(303);

        OpenRosaResourceTests.formList((String) setup[1]).then().statusCode(403);
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/surveys/" + survey + "/collect")
                .then().statusCode(200).body(containsString("revoked on"));
        given().auth().oauth2(manager(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/surveys/" + survey + "/collect")
                .then().statusCode(200).body(containsString("Collecte sur le terrain"))
                .body(containsString("révoqué le"));
    }
}
