package org.beacon.campaign.help;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.COUNTRY;
import static org.beacon.campaign.campaign.CampaignFixtures.FULL_CHECKLIST;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.action;
import static org.beacon.campaign.campaign.CampaignFixtures.approve;
import static org.beacon.campaign.campaign.CampaignFixtures.approvedCampaign;
import static org.beacon.campaign.campaign.CampaignFixtures.approvedVariant;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.help;
import static org.beacon.campaign.campaign.CampaignFixtures.region;
import static org.beacon.campaign.campaign.CampaignFixtures.reviewer;
import static org.beacon.campaign.campaign.CampaignFixtures.settings;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** SMS texts and radio scripts that name the hotline of the reader's place: filled from the directory, or refused. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class HelpPlaceholderTests {

    static final String SMS = "Someone keeps your papers? Call {help.hotline.name} on {help.hotline.contact}.";

    @Test
    void thePublicPageShowsTheHotlineOfTheReadersPlaceInTheirLanguage() {
        String regionA = region();
        String regionB = region();
        String slug = slug();
        String author = author(NATIONAL);
        long id = approvedCampaign(slug, regionA);
        help(regionA, Map.of("contact", "+000 111 222", "names", Map.of("en", "Kolda line", "fr", "Ligne de Kolda")));
        help(regionB, Map.of("contact", "+000 333 444", "names", Map.of("en", "Ziguinchor line")));
        action(reviewer(NATIONAL), id, "publish").statusCode(200);
        // A second place: the next version covers both regions.
        settings(author, id, "en", COUNTRY + "/" + regionA, COUNTRY + "/" + regionB).statusCode(200);
        action(author, id, "submit").statusCode(200);
        approve(reviewer(NATIONAL), id, FULL_CHECKLIST).statusCode(200);
        action(reviewer(NATIONAL), id, "publish").statusCode(200);
        for (String language : new String[] { "en", "fr" }) {
            String variant = approvedVariant(id, "sms", language, SMS);
            given().auth().oauth2(reviewer(NATIONAL)).when().post(variant + "/publish").then().statusCode(200);
        }

        // The sanitizer writes "+" as "&#43;", which a browser shows as "+".
        given().when().get("/campaigns/public/" + slug + "/en")
                .then().statusCode(200)
                .body(containsString("Call Kolda line on &#43;000 111 222."))
                .body(not(containsString("{help.")));
        given().queryParam("place", COUNTRY + "/" + regionB)
                .when().get("/campaigns/public/" + slug + "/en")
                .then().statusCode(200)
                .body(containsString("Call Ziguinchor line on &#43;000 333 444."));
        given().when().get("/campaigns/public/" + slug + "/fr")
                .then().statusCode(200)
                .body(containsString("Call Ligne de Kolda on &#43;000 111 222."));
    }

    @Test
    void aMaterialNamingHelpThatThePlaceLacksIsNotPublishedAndTheMessageSaysWhichAndWhere() {
        String region = region();
        long id = approvedCampaign(slug(), region);
        help(region, Map.of("kind", "shelter"));
        String variant = approvedVariant(id, "sms", "fr", SMS);

        given().auth().oauth2(reviewer(NATIONAL)).when().post(variant + "/publish")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors", contains(
                        "material '" + variant.split("/")[6] + "' (fr): {help.hotline.name} for " + COUNTRY + "/"
                                + region + ": no hotline other than a demo entry serves it in fr",
                        "material '" + variant.split("/")[6] + "' (fr): {help.hotline.contact} for " + COUNTRY
                                + "/" + region + ": no hotline other than a demo entry serves it in fr"));

        // A demo hotline is not enough outside the demo stack; a real one is.
        help(region, Map.of("demo", true));
        given().auth().oauth2(reviewer(NATIONAL)).when().post(variant + "/publish").then().statusCode(409);
        help(region, Map.of());
        given().auth().oauth2(reviewer(NATIONAL)).when().post(variant + "/publish").then().statusCode(200);
    }

    @Test
    void aMisspeltPlaceholderIsRefusedNamingTheOnesThatExist() {
        String region = region();
        long id = approvedCampaign(slug(), region);
        help(region, Map.of());
        String variant = approvedVariant(id, "sms", "en", "Call the hotline: {help.phone}");

        given().auth().oauth2(reviewer(NATIONAL)).when().post(variant + "/publish")
                .then().statusCode(409)
                .body("detail", containsString("{help.phone} is not a help placeholder"))
                .body("detail", containsString("{help.hotline.contact}"));
    }

    @Test
    void aNewPlaceWithoutTheNamedHelpBlocksTheCampaignAndItsPageNamesMaterialLanguageAndPlaceholder() {
        String regionA = region();
        String regionB = region();
        String author = author(NATIONAL);
        long id = approvedCampaign(slug(), regionA);
        help(regionA, Map.of());
        action(reviewer(NATIONAL), id, "publish").statusCode(200);
        String variant = approvedVariant(id, "sms", "en", SMS);
        given().auth().oauth2(reviewer(NATIONAL)).when().post(variant + "/publish").then().statusCode(200);
        String material = variant.split("/")[6];

        // Region B has a shelter in both languages, so its coverage is fine, but no hotline for the SMS to name.
        help(regionB, Map.of("kind", "shelter"));
        settings(author, id, "en", COUNTRY + "/" + regionA, COUNTRY + "/" + regionB).statusCode(200);
        action(author, id, "submit").statusCode(200);
        approve(reviewer(NATIONAL), id, FULL_CHECKLIST).statusCode(200);
        String expected = "material '" + material + "' (en): {help.hotline.contact} for " + COUNTRY + "/" + regionB
                + ": no hotline other than a demo entry serves it in en";
        given().auth().oauth2(author).when().get("/campaigns/api/campaigns/" + id)
                .then().body("current.missingHelp", empty())
                .body("current.unfilledPlaceholders", org.hamcrest.Matchers.hasItem(expected));
        given().auth().oauth2(author).when().get("/campaigns/manage/" + id)
                .then().statusCode(200)
                .body(containsString("published materials name help that the directory cannot fill"));
        action(reviewer(NATIONAL), id, "publish")
                .statusCode(409)
                .body("errors", org.hamcrest.Matchers.hasItem(expected))
                .body("detail", containsString("Add a real help resource of that kind"));

        help(regionB, Map.of());
        action(reviewer(NATIONAL), id, "publish").statusCode(200);
    }

    @Test
    void theVariantFormListsThePlaceholders() {
        long id = approvedCampaign(slug(), region());
        String variant = approvedVariant(id, "sms", "en", "Text.");
        String material = variant.split("/")[6];
        given().auth().oauth2(author(NATIONAL))
                .when().get("/campaigns/manage/materials/" + id + "/" + material + "/en")
                .then().statusCode(200)
                .body(containsString("{help.hotline.name}, {help.hotline.contact}, {help.shelter.name}"));
    }
}
