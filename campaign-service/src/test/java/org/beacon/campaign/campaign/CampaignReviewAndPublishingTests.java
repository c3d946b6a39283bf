package org.beacon.campaign.campaign;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.COUNTRY;
import static org.beacon.campaign.campaign.CampaignFixtures.FULL_CHECKLIST;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.action;
import static org.beacon.campaign.campaign.CampaignFixtures.admin;
import static org.beacon.campaign.campaign.CampaignFixtures.approve;
import static org.beacon.campaign.campaign.CampaignFixtures.approvedCampaign;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.campaign;
import static org.beacon.campaign.campaign.CampaignFixtures.helpResource;
import static org.beacon.campaign.campaign.CampaignFixtures.publishedCampaign;
import static org.beacon.campaign.campaign.CampaignFixtures.region;
import static org.beacon.campaign.campaign.CampaignFixtures.reviewer;
import static org.beacon.campaign.campaign.CampaignFixtures.settings;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.beacon.campaign.campaign.CampaignFixtures.text;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.campaign.review.ReviewChecklist;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class CampaignReviewAndPublishingTests {

    @Test
    void publishingIsRefusedNamingEveryPlaceAndLanguageWithoutHelp() {
        String region = region();
        String slug = slug();
        long id = approvedCampaign(slug, region);

        action(reviewer(NATIONAL), id, "publish")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(COUNTRY + "/" + region + " × en"))
                .body("errors", containsInAnyOrder(COUNTRY + "/" + region + " × en", COUNTRY + "/" + region + " × fr"));
        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/campaigns/" + id)
                .then().body("status", equalTo("in_review")).body("published", nullValue());
        given().when().get("/campaigns/public/" + slug + "/en").then().statusCode(404);
    }

    @Test
    void publishingSucceedsOnceEveryLanguageOfEveryPlaceHasHelp() {
        String region = region();
        String slug = slug();
        long id = approvedCampaign(slug, region);

        helpResource(author(NATIONAL), COUNTRY, region, true, "en");
        action(reviewer(NATIONAL), id, "publish")
                .statusCode(409)
                .body("errors", containsInAnyOrder(COUNTRY + "/" + region + " × fr"));

        helpResource(author(NATIONAL), COUNTRY, region, true, "fr");
        action(reviewer(NATIONAL), id, "publish")
                .statusCode(200)
                .body("status", equalTo("published"))
                .body("published.number", equalTo(1));
        given().when().get("/campaigns/public/" + slug + "/fr").then().statusCode(200);
    }

    @Test
    void aDemoHelpEntryDoesNotOpenTheGateOfARealInstallation() {
        String region = region();
        String slug = slug();
        long id = approvedCampaign(slug, region);
        CampaignFixtures.help(region, Map.of("demo", true, "contact", "DEMO: replace with the verified hotline"));

        action(reviewer(NATIONAL), id, "publish")
                .statusCode(409)
                .body("errors", containsInAnyOrder(COUNTRY + "/" + region + " × en (only demo help)",
                        COUNTRY + "/" + region + " × fr (only demo help)"))
                .body("detail", containsString("verify a demo entry"));
        given().when().get("/campaigns/public/" + slug + "/en").then().statusCode(404);

        // A real hotline beside the demo entry is what a real installation needs.
        CampaignFixtures.help(region, Map.of("lastVerified", "2026-11-20"));
        action(reviewer(NATIONAL), id, "publish").statusCode(200);
    }

    @Test
    void anInactiveHelpResourceDoesNotOpenTheGate() {
        String region = region();
        long id = approvedCampaign(slug(), region);
        helpResource(author(NATIONAL), COUNTRY, region, false, "en", "fr");

        action(reviewer(NATIONAL), id, "publish")
                .statusCode(409)
                .body("errors", hasItems(COUNTRY + "/" + region + " × en", COUNTRY + "/" + region + " × fr"));
    }

    @Test
    void aCountryWideResourceServesARegionButARegionalOneDoesNotServeTheCountry() {
        // ZX is used by this test alone: a country-wide resource there would open the gate for any other test.
        String author = author(NATIONAL);
        long id = campaign(author, slug(), "en");
        settings(author, id, "en", "ZX/Thies", "ZX").statusCode(200);
        text(author, id, "en", "Know the signs", "Call the hotline.").statusCode(200);
        action(author, id, "submit").statusCode(200);
        approve(reviewer(NATIONAL), id, FULL_CHECKLIST).statusCode(200);

        helpResource(author, "ZX", "Thies", true, "en");
        action(reviewer(NATIONAL), id, "publish").statusCode(409).body("errors", containsInAnyOrder("ZX × en"));

        helpResource(author, "ZX", null, true, "en");
        action(reviewer(NATIONAL), id, "publish").statusCode(200);
    }

    /** The approval is refused as the approver's own text (four eyes) and the version stays unapproved. */
    static void refusedUnderFourEyes(String approver, long id) {
        approve(approver, id, FULL_CHECKLIST)
                .statusCode(403)
                .body("detail", containsString("four eyes"));
        given().auth().oauth2(approver).when().get("/campaigns/api/campaigns/" + id)
                .then().body("current.review.approvedBy", nullValue());
    }

    @Test
    void theAuthorCannotApproveTheirOwnVersion() {
        String author = author(NATIONAL);
        long id = campaign(author, slug(), "en");
        settings(author, id, "en", COUNTRY + "/" + region()).statusCode(200);
        text(author, id, "en", "Safe journeys", "Check every job offer.").statusCode(200);
        action(author, id, "submit").statusCode(200);

        refusedUnderFourEyes(author, id);
    }

    @Test
    void nobodyWhoChangedTheTextApprovesItTheLastEditorNorAnEarlierOne() {
        String author = author(NATIONAL);
        String editor = reviewer(NATIONAL);
        long id = campaign(author, slug(), "en");
        settings(author, id, "en", COUNTRY + "/" + region()).statusCode(200);
        text(editor, id, "en", "Safe journeys", "Edited by the second manager.").statusCode(200);
        action(editor, id, "submit").statusCode(200);
        approve(editor, id, FULL_CHECKLIST).statusCode(403);

        // The author changes it after the editor: the editor's text is still in it, so the editor may not approve.
        action(editor, id, "send-back").statusCode(200);
        text(author, id, "en", "Safe journeys", "Edited by the second manager.", "Then by the first.")
                .statusCode(200);
        action(author, id, "submit").statusCode(200);
        refusedUnderFourEyes(editor, id);
        approve(TestTokens.token("third", NATIONAL, "campaign-manager"), id, FULL_CHECKLIST).statusCode(200);
    }

    @Test
    void anIncompleteChecklistIsRefusedNamingWhatIsNotConfirmed() {
        String author = author(NATIONAL);
        long id = campaign(author, slug(), "en");
        settings(author, id, "en", COUNTRY + "/" + region()).statusCode(200);
        text(author, id, "en", "Safe journeys", "Check every job offer.").statusCode(200);
        action(author, id, "submit").statusCode(200);

        Map<String, Boolean> partial = new HashMap<>(FULL_CHECKLIST);
        partial.put("noIdentifyingImage", false);
        partial.put("thbSomDistinction", false);
        approve(reviewer(NATIONAL), id, partial)
                .statusCode(400)
                .body("errors", containsInAnyOrder("not confirmed: " + ReviewChecklist.THB_SOM_DISTINCTION,
                        "not confirmed: " + ReviewChecklist.NO_IDENTIFYING_IMAGE));
        action(reviewer(NATIONAL), id, "publish")
                .statusCode(409)
                .body("detail", containsString("must be approved"));
    }

    @Test
    void aDraftCannotBeApprovedAndAnIncompleteOneCannotBeSentForReview() {
        String author = author(NATIONAL);
        long id = campaign(author, slug(), "en");
        approve(reviewer(NATIONAL), id, FULL_CHECKLIST).statusCode(409);
        action(author, id, "submit")
                .statusCode(400)
                .body("errors", hasItems("name at least one place where the campaign runs",
                        "the en text has no key message"));
    }

    @Test
    void aVersionInReviewIsNotChangedUntilItIsSentBack() {
        String region = region();
        long id = approvedCampaign(slug(), region);
        text(author(NATIONAL), id, "en", "Changed title", "Changed message").statusCode(409);

        action(author(NATIONAL), id, "send-back")
                .statusCode(200)
                .body("current.review.status", equalTo("draft"))
                .body("current.review.approvedBy", nullValue());
        text(author(NATIONAL), id, "en", "Changed title", "Changed message")
                .statusCode(200)
                .body("current.number", equalTo(1));
    }

    @Test
    void changingAPublishedCampaignStartsANewDraftVersionAndThePublicPageKeepsTheReviewedText() {
        String slug = slug();
        long id = publishedCampaign(slug);

        text(author(NATIONAL), id, "en", "Safe journeys, revised", "A revised message.")
                .statusCode(200)
                .body("current.number", equalTo(2))
                .body("current.review.status", equalTo("draft"))
                .body("published.number", equalTo(1))
                .body("status", equalTo("published"));
        given().when().get("/campaigns/public/" + slug + "/en")
                .then().statusCode(200)
                .body(containsString("Leaving is not the only road to success."))
                .body(not(containsString("A revised message.")));

        action(author(NATIONAL), id, "submit").statusCode(200);
        approve(reviewer(NATIONAL), id, FULL_CHECKLIST).statusCode(200);
        action(author(NATIONAL), id, "publish")
                .statusCode(200)
                .body("published.number", equalTo(2))
                .body("versions.status", equalTo(java.util.List.of("published", "archived")));
        given().when().get("/campaigns/public/" + slug + "/en")
                .then().statusCode(200)
                .body(containsString("A revised message."));
    }

    @Test
    void savingUnchangedTextStartsNoNewVersion() {
        String slug = slug();
        long id = publishedCampaign(slug);
        text(author(NATIONAL), id, "en", "Safe journeys", "Leaving is not the only road to success.")
                .statusCode(200)
                .body("current.number", equalTo(1))
                .body("versions.size()", equalTo(1));
    }

    @Test
    void unpublishingTakesThePublicPageDown() {
        String slug = slug();
        long id = publishedCampaign(slug);
        given().when().get("/campaigns/public/" + slug + "/en").then().statusCode(200);

        action(reviewer(NATIONAL), id, "unpublish").statusCode(200).body("status", equalTo("archived"));
        given().when().get("/campaigns/public/" + slug + "/en").then().statusCode(404);
    }

    @Test
    void approvalsPublicationsAndUnpublicationsAreAuditedWithWhoAndWhat() {
        String slug = slug();
        long id = publishedCampaign(slug);
        action(author(NATIONAL), id, "unpublish").statusCode(200);

        given().auth().oauth2(admin()).when().get("/campaigns/api/audit")
                .then().statusCode(200)
                .body("findAll { it.subjectId == " + id + " && it.subjectType == 'campaign' }.action",
                        containsInAnyOrder("create", "change", "approve", "publish", "unpublish"))
                .body("find { it.subjectId == " + id + " && it.action == 'approve' }.actorName",
                        equalTo("Rui-national-coordination Tester"))
                .body("find { it.subjectId == " + id + " && it.action == 'publish' }.summary",
                        allOf(containsString(slug), containsString("English, French")))
                .body("find { it.subjectId == " + id + " && it.action == 'unpublish' }.actor",
                        equalTo(TestTokens.subjectOf("amina-" + NATIONAL)));
    }

    @Test
    void theAuditLogIsForAdminsOnly() {
        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/audit").then().statusCode(403);
        given().when().get("/campaigns/api/audit").then().statusCode(401);
        given().auth().oauth2(admin()).when().get("/campaigns/api/audit").then().statusCode(200)
                .contentType(containsString("application/json"));
    }

    @Test
    void theOldCampaignAuditPageLeadsToTheOneAuditLog() {
        // The gateway's /admin/audit shows both services' entries and checks the admin role itself.
        for (String token : List.of(admin(), author(NATIONAL))) {
            given().auth().oauth2(token).redirects().follow(false).when().get("/campaigns/audit?page=3")
                    .then().statusCode(301)
                    .header("Location", equalTo("/admin/audit"))
                    .body(not(containsString("<table")));
        }
    }

    @Test
    void anAuditPageTooFarToReachIsRefusedWith400() {
        given().auth().oauth2(admin()).when().get("/campaigns/api/audit?page=50000000")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("page number"));
        given().auth().oauth2(admin()).when().get("/campaigns/api/audit?page=1").then().statusCode(200);
    }

    @Test
    void onlyItsOrganizationsManagersReadChangeApproveOrPublishACampaign() {
        String region = region();
        long id = approvedCampaign(slug(), region);
        helpResource(author(NATIONAL), COUNTRY, region, true, "en", "fr");
        String outsider = author(CampaignFixtures.NGO);

        given().auth().oauth2(outsider).when().get("/campaigns/api/campaigns/" + id).then().statusCode(403);
        given().auth().oauth2(outsider).when().get("/campaigns/manage/" + id).then().statusCode(403);
        text(outsider, id, "en", "Hijacked", "Not ours").statusCode(403);
        settings(outsider, id, "en", "ZZ").statusCode(403);
        action(outsider, id, "send-back").statusCode(403);
        approve(outsider, id, FULL_CHECKLIST).statusCode(403);
        action(outsider, id, "publish").statusCode(403);

        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/campaigns/" + id)
                .then().body("status", equalTo("in_review"))
                .body("current.translations.title", hasItem("Safe journeys"));
        given().auth().oauth2(admin()).when().post("/campaigns/api/campaigns/" + id + "/publish")
                .then().statusCode(200);
    }
}
