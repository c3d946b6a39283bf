package org.beacon.campaign.campaign;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.FULL_CHECKLIST;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.action;
import static org.beacon.campaign.campaign.CampaignFixtures.admin;
import static org.beacon.campaign.campaign.CampaignFixtures.approve;
import static org.beacon.campaign.campaign.CampaignFixtures.approvedCampaign;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.help;
import static org.beacon.campaign.campaign.CampaignFixtures.region;
import static org.beacon.campaign.campaign.CampaignFixtures.reviewer;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.beacon.campaign.campaign.CampaignImportResourceTests.CONTENT;
import static org.beacon.campaign.campaign.CampaignImportResourceTests.importZip;
import static org.beacon.campaign.campaign.CampaignImportResourceTests.zipOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The local and end-to-end stacks, where the shipped demo help is what their demo campaigns point to. */
@QuarkusTest
@TestProfile(DemoStackGateTests.DemoStack.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class DemoStackGateTests {

    /** What the devstack passes to campaign-service. */
    public static class DemoStack implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beacon.help.demo-counts-for-gate", "true");
        }
    }

    @Test
    void aDemoEntryOpensTheGateOfTheDemoStack() {
        String region = region();
        long id = approvedCampaign(slug(), region);
        help(region, Map.of("demo", true));
        action(reviewer(NATIONAL), id, "publish").statusCode(200);
    }

    @Test
    void theShippedCampaignPublishesAndItsSmsNamesTheDemoHotline() {
        importZip("help", zipOf(CONTENT.resolve("help"))).statusCode(200);
        importZip("campaigns", zipOf(CONTENT.resolve("campaigns"))).statusCode(200);
        long id = QuarkusTransaction.requiringNew().call(() -> Campaign.bySlug("know-the-signs").orElseThrow().id);
        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/campaigns/" + id)
                .then().statusCode(200)
                .body("current.missingHelp", empty());

        action(admin(), id, "submit").statusCode(200);
        approve(reviewer(NATIONAL), id, FULL_CHECKLIST).statusCode(200);
        action(reviewer(NATIONAL), id, "publish").statusCode(200);
        String variant = "/campaigns/api/campaigns/" + id + "/materials/sms-alert/variants/fr/";
        given().auth().oauth2(admin()).when().post(variant + "submit").then().statusCode(200);
        given().auth().oauth2(reviewer(NATIONAL)).contentType("application/json").body(FULL_CHECKLIST)
                .when().post(variant + "approve").then().statusCode(200);
        given().auth().oauth2(reviewer(NATIONAL)).when().post(variant + "publish").then().statusCode(200);

        given().when().get("/campaigns/public/know-the-signs/fr")
                .then().statusCode(200)
                .body(containsString("DEMO — replace with the verified national hotline"))
                .body(not(containsString("{help.")));
    }
}
