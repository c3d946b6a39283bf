package org.beacon.campaign.publicpage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class PublicCampaignPageTests {

    @Test
    void theListOfPublishedCampaignsNeedsNoLogin() {
        given().header("Accept-Language", "es")
                .when().get("/campaigns/public")
                .then().statusCode(200)
                .body(containsString("Campañas de sensibilización"));
    }

    @Test
    void anUnknownCampaignIsAReadable404Page() {
        given().when().get("/campaigns/public/no-such-campaign")
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("There is no published campaign at this address."));
    }
}
