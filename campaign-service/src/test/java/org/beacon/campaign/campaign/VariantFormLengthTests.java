package org.beacon.campaign.campaign;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.campaign;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.beacon.campaign.campaign.CampaignPageTests.form;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** A variant's Markdown as long as the API allows is saved from the page's form (Quarkus' default was 2 KB). */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class VariantFormLengthTests {

    @Test
    void aFortyThousandCharacterVariantIsSavedThroughTheForm() {
        long id = campaign(author(NATIONAL), slug(), "en");
        form(author(NATIONAL)).formParam("slug", "leaflet").formParam("kind", "leaflet")
                .when().post("/campaigns/manage/" + id + "/materials").then().statusCode(303);
        String line = "Ask for help: call the hotline, any hour, free of charge — اتصل بالخط الساخن. ";
        String markdown = line.repeat(40_000 / line.length() + 1).substring(0, 39_990) + "**END**";
        form(author(NATIONAL)).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("title", "Leaflet").formParam("markdown", markdown)
                .when().post("/campaigns/manage/materials/" + id + "/leaflet/fr/text")
                .then().statusCode(303);
        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/manage/materials/" + id + "/leaflet/fr")
                .then().statusCode(200).body(containsString("<strong>END</strong>"))
                .body(containsString("اتصل بالخط الساخن"));
    }
}
