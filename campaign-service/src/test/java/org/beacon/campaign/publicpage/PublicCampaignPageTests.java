package org.beacon.campaign.publicpage;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.COUNTRY;
import static org.beacon.campaign.campaign.CampaignFixtures.FULL_CHECKLIST;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.action;
import static org.beacon.campaign.campaign.CampaignFixtures.approve;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.campaign;
import static org.beacon.campaign.campaign.CampaignFixtures.publishedCampaign;
import static org.beacon.campaign.campaign.CampaignFixtures.region;
import static org.beacon.campaign.campaign.CampaignFixtures.reviewer;
import static org.beacon.campaign.campaign.CampaignFixtures.settings;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.beacon.campaign.campaign.CampaignFixtures.text;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.beacon.campaign.campaign.CampaignFixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class PublicCampaignPageTests {

    /** A campaign in English, French and Arabic for two regions, each with help of its own; published. */
    static String publishedInThreeLanguages(String regionA, String regionB) {
        String slug = slug();
        String author = author(NATIONAL);
        long id = campaign(author, slug, "en");
        settings(author, id, "en", COUNTRY + "/" + regionA, COUNTRY + "/" + regionB).statusCode(200);
        text(author, id, "en", "Safe Journeys", "Leaving is not the only road to success.").statusCode(200);
        text(author, id, "fr", "Parcours sûrs", "Partir n'est pas le seul chemin vers la réussite.").statusCode(200);
        text(author, id, "ar", "رحلات آمنة", "الرحيل ليس الطريق الوحيد إلى النجاح").statusCode(200);
        action(author, id, "submit").statusCode(200);
        approve(reviewer(NATIONAL), id, FULL_CHECKLIST).statusCode(200);
        help(regionA, "Hotline of " + regionA, true);
        // Outside the demo stack a demo entry opens no gate: region A also needs a real one.
        help(regionA, "Referral of " + regionA, false);
        help(regionB, "Shelter of " + regionB, false);
        action(reviewer(NATIONAL), id, "publish").statusCode(200);
        return slug;
    }

    static void help(String region, String name, boolean demo) {
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("slug", "h-" + UUID.randomUUID().toString().substring(0, 8), "kind", "shelter",
                        "country", COUNTRY, "region", region, "languages", List.of("en", "fr", "ar"),
                        "names", Map.of("en", name, "ar", "مأوى " + region), "contact", "Ask at the town hall",
                        "active", true, "demo", demo))
                .when().post("/campaigns/api/help")
                .then().statusCode(201);
    }

    @Test
    void theListOfPublishedCampaignsNeedsNoLogin() {
        given().header("Accept-Language", "es")
                .when().get("/campaigns/public")
                .then().statusCode(200)
                .body(containsString("Campañas de sensibilización"));
    }

    @Test
    void anUnknownCampaignIsAReadable404Page() {
        given().when().get("/campaigns/public/no-such-campaign/en")
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("There is no published campaign at this address."));
        given().redirects().follow(false).when().get("/campaigns/public/no-such-campaign")
                .then().statusCode(404);
    }

    @Test
    void aCampaignNotYetPublishedIsA404EvenForItsOwnLanguage() {
        String slug = slug();
        long id = campaign(author(NATIONAL), slug, "en");
        text(author(NATIONAL), id, "en", "Draft title", "Draft message").statusCode(200);
        given().when().get("/campaigns/public/" + slug + "/en")
                .then().statusCode(404)
                .body(not(containsString("Draft message")));
    }

    @Test
    void everyLanguageHasItsPageAndArabicIsRightToLeft() {
        String slug = publishedInThreeLanguages(region(), region());

        given().when().get("/campaigns/public/" + slug + "/en")
                .then().statusCode(200)
                .body(containsString("<html lang=\"en\" dir=\"ltr\">"))
                .body(containsString("Leaving is not the only road to success."))
                .body(containsString("Where to find help"));
        given().when().get("/campaigns/public/" + slug + "/fr")
                .then().statusCode(200)
                .body(containsString("<html lang=\"fr\" dir=\"ltr\">"))
                .body(containsString("Partir n&#39;est pas le seul chemin"))
                .body(containsString("Où trouver de l’aide"));
        given().when().get("/campaigns/public/" + slug + "/ar")
                .then().statusCode(200)
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("الرحيل ليس الطريق الوحيد إلى النجاح"))
                .body(containsString("أين تجد المساعدة"));
        given().when().get("/campaigns/public/" + slug + "/pt")
                .then().statusCode(404)
                .body(containsString("href=\"/campaigns/public/" + slug + "/en\""))
                .body(containsString("href=\"/campaigns/public/" + slug + "/fr\""))
                .body(containsString("href=\"/campaigns/public/" + slug + "/ar\""));
    }

    @Test
    void thePageHasOneRowOfLanguagesWhoseLinksSwitchTheInterfaceToo() {
        String slug = publishedInThreeLanguages(region(), region());
        String page = given().when().get("/campaigns/public/" + slug + "/fr").then().statusCode(200)
                .extract().asString();
        // on a phone two rows of the same names took much of the first screen: the campaign's languages replace
        // the header's chooser, and each link passes through the chooser so that header and content agree
        assertEquals(1, page.split("<nav class=\"languages\"", -1).length - 1, page);
        assertTrue(page.contains("<strong lang=\"fr\">Français</strong>"), page);
        assertTrue(page.contains("<a href=\"/lang?l=ar&amp;back=%2Fcampaigns%2Fpublic%2F" + slug + "%2Far\" hreflang=\"ar\""),
                page);
        assertFalse(page.contains("hreflang=\"pt\""), "no link to a language the campaign is not in: " + page);
    }

    @Test
    void theBareAddressSendsTheReaderToTheirLanguageOrTheDefault() {
        String slug = publishedInThreeLanguages(region(), region());
        given().redirects().follow(false).header("Accept-Language", "ar, en;q=0.5")
                .when().get("/campaigns/public/" + slug)
                .then().statusCode(303)
                .header("Location", endsWith("/campaigns/public/" + slug + "/ar"));
        given().redirects().follow(false).header("Accept-Language", "es")
                .when().get("/campaigns/public/" + slug)
                .then().statusCode(303)
                .header("Location", endsWith("/campaigns/public/" + slug + "/en"));
    }

    @Test
    void theHelpBlockShowsTheReadersPlaceAndLabelsDemoEntries() {
        String regionA = region();
        String regionB = region();
        String slug = publishedInThreeLanguages(regionA, regionB);

        given().when().get("/campaigns/public/" + slug + "/en")
                .then().statusCode(200)
                .body(containsString("Hotline of " + regionA))
                .body(containsString("<span class=\"demo\">demo</span>"))
                .body(not(containsString("Shelter of " + regionB)));
        given().queryParam("place", COUNTRY + "/" + regionB)
                .when().get("/campaigns/public/" + slug + "/en")
                .then().statusCode(200)
                .body(containsString("Shelter of " + regionB))
                .body(not(containsString("Hotline of " + regionA)))
                .body(not(containsString("class=\"demo\"")));
        given().queryParam("place", COUNTRY + "/" + regionB)
                .when().get("/campaigns/public/" + slug + "/ar")
                .then().body(containsString("مأوى " + regionB));
    }

    @Test
    void lastVerifiedIsShownOnlyWhenSomeoneVerifiedTheEntry() {
        String region = region();
        String slug = slug();
        long id = org.beacon.campaign.campaign.CampaignFixtures.approvedCampaign(slug, region);
        org.beacon.campaign.campaign.CampaignFixtures.help(region, Map.of("names", Map.of("en", "Unchecked line")));
        action(reviewer(NATIONAL), id, "publish").statusCode(200);
        given().when().get("/campaigns/public/" + slug + "/en")
                .then().statusCode(200)
                .body(containsString("Unchecked line"))
                .body(not(containsString("Last verified")));

        org.beacon.campaign.campaign.CampaignFixtures.help(region,
                Map.of("names", Map.of("en", "Checked line"), "lastVerified", "2026-11-20"));
        given().when().get("/campaigns/public/" + slug + "/en?place=" + COUNTRY + "/" + region)
                .then().statusCode(200)
                .body(containsString("Checked line"))
                .body(containsString("Last verified Nov 20, 2026"))
                .body(not(containsString("2026-11-20")));
    }

    @Test
    void helpInLanguagesTheCampaignIsNotWrittenInIsShownAndAnnounced() {
        String region = region();
        String slug = slug();
        String author = author(NATIONAL);
        long id = campaign(author, slug, "fr");
        settings(author, id, "fr", COUNTRY + "/" + region).statusCode(200);
        text(author, id, "fr", "Parcours sûrs", "Partir n'est pas le seul chemin.").statusCode(200);
        action(author, id, "submit").statusCode(200);
        approve(reviewer(NATIONAL), id, FULL_CHECKLIST).statusCode(200);
        org.beacon.campaign.campaign.CampaignFixtures.help(region, Map.of("languages", List.of("fr"),
                "names", Map.of("fr", "Ligne nationale")));
        // Wolof and Pulaar (Fula) are BCP-47 tags like any other: the directory takes them as typed.
        org.beacon.campaign.campaign.CampaignFixtures.help(region, Map.of("kind", "referral",
                "languages", List.of("wo", "ff-Latn-SN"), "names", Map.of("wo", "Dimbali ci wolof"),
                "contact", "Guichet de Kolda"));
        action(reviewer(NATIONAL), id, "publish").statusCode(200);

        given().when().get("/campaigns/public/" + slug + "/fr")
                .then().statusCode(200)
                .body(containsString("Ligne nationale"))
                .body(containsString("Dimbali ci wolof</strong> <small>(Wolof, Peul)</small>"))
                .body(containsString("De l’aide est aussi proposée en : Wolof, Peul"));
    }

    @Test
    void theFrenchPageSaysHelpIsAlsoOfferedInTheOtherLanguageItsHelpSpeaks() {
        String slug = slug();
        org.beacon.campaign.campaign.CampaignFixtures.publishedCampaign(slug);
        // The fixture's help speaks the campaign's two languages: the French page names English as also offered,
        // and nothing else.
        given().when().get("/campaigns/public/" + slug + "/fr")
                .then().statusCode(200)
                .body(containsString("De l’aide est aussi proposée en : Anglais"));
    }

    @Test
    void aPublicPageIsCacheableHasNoScriptAndWeighsUnder60KilobytesWithAllItsMaterials() {
        String slug = slug();
        long id = publishedCampaign(slug);
        String paragraph = "Check every job offer, scholarship or agency with official services before paying. ";
        for (int m = 0; m < 6; m++) {
            given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON)
                    .body(Map.of("slug", "m" + m, "kind", "leaflet"))
                    .when().post("/campaigns/api/campaigns/" + id + "/materials").then().statusCode(201);
            given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON)
                    .body(Map.of("title", "Leaflet " + m, "markdown", ("## Part\n\n" + paragraph.repeat(6) + "\n\n")
                            .repeat(5)))
                    .when().put("/campaigns/api/campaigns/" + id + "/materials/m" + m + "/variants/en")
                    .then().statusCode(200);
            String variant = "/campaigns/api/campaigns/" + id + "/materials/m" + m + "/variants/en/";
            given().auth().oauth2(author(NATIONAL)).when().post(variant + "submit").then().statusCode(200);
            given().auth().oauth2(reviewer(NATIONAL)).contentType(ContentType.JSON).body(FULL_CHECKLIST)
                    .when().post(variant + "approve").then().statusCode(200);
            given().auth().oauth2(reviewer(NATIONAL)).when().post(variant + "publish").then().statusCode(200);
        }

        String page = given().when().get("/campaigns/public/" + slug + "/en")
                .then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=300"))
                .body(containsString("Leaflet 5"))
                .extract().asString();
        int bytes = page.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes > 15_000, "the page carries the materials' text: " + bytes + " bytes");
        assertTrue(bytes < 60 * 1024, "public page weighs " + bytes + " bytes");
        assertTrue(!page.contains("<script"), "no JavaScript on a public page");
    }

    @Test
    void aRadioScriptShowsItsTableAndNoSourceReferenceToThePublicWhileItsManagersReadThem() {
        String slug = slug();
        long id = publishedCampaign(slug);
        String variant = CampaignFixtures.approvedVariant(id, "radio-script", "en", """
                **PRESENTER:** Domestic work is real work. (000 L7346, 000 L3141)

                | Sign | What to do |
                | --- | --- |
                | Papers kept by the employer (003 L1332) | Call the hotline |
                """);
        given().auth().oauth2(reviewer(NATIONAL)).when().post(variant + "/publish").then().statusCode(200);

        String page = given().when().get("/campaigns/public/" + slug + "/en").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Domestic work is real work.</p>"), page);
        assertTrue(page.contains("<div class=\"table-scroll\"><table>"), page);
        assertTrue(page.contains("<td>Papers kept by the employer</td>"), page);
        assertTrue(!page.matches("(?s).*\\d{3} L\\d+.*"), "a source reference reached the public: " + page);
        given().auth().oauth2(author(NATIONAL)).when().get(variant.substring(0, variant.indexOf("/variants/")))
                .then().statusCode(200).body(containsString("(000 L7346, 000 L3141)"));
    }

    @Test
    void noTokenIsNeededEvenWhenAnInvalidOneIsSent() {
        String slug = slug();
        publishedCampaign(slug);
        given().auth().oauth2(TestTokens.forgedToken("mallory", NATIONAL, "admin"))
                .when().get("/campaigns/public/" + slug + "/en")
                .then().statusCode(200);
    }
}
