package org.beacon.campaign.campaign;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.COUNTRY;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.approvedCampaign;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.campaign;
import static org.beacon.campaign.campaign.CampaignFixtures.helpResource;
import static org.beacon.campaign.campaign.CampaignFixtures.region;
import static org.beacon.campaign.campaign.CampaignFixtures.reviewer;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The manager pages: forms post, redirect on success, and show the reasons with a 4xx when refused. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class CampaignPageTests {

    static RequestSpecification form(String token) {
        return given().auth().oauth2(token).contentType(ContentType.URLENC).redirects().follow(false);
    }

    @Test
    void creatingACampaignRedirectsToItsPage() {
        String slug = slug();
        String location = form(author(NATIONAL))
                .formParam("slug", slug).formParam("title", "Know the signs").formParam("defaultLanguage", "fr")
                .when().post("/campaigns/manage")
                .then().statusCode(303)
                .header("Location", matchesRegex(".*/campaigns/manage/\\d+"))
                .extract().header("Location");
        given().auth().oauth2(author(NATIONAL)).when().get(location)
                .then().statusCode(200)
                .body(containsString("Know the signs"))
                .body(containsString(slug));
    }

    @Test
    void anInvalidFormIsShownAgainWith400AndWhatWasTyped() {
        form(author(NATIONAL))
                .formParam("slug", "Not A Slug").formParam("title", "Typed title").formParam("defaultLanguage", "fr")
                .when().post("/campaigns/manage")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("Address: &#39;Not A Slug&#39;: use lower-case letters, digits and dashes"))
                .body(containsString("value=\"Typed title\""));
    }

    @Test
    void textsAndSettingsAreSavedFromTheirForms() {
        long id = campaign(author(NATIONAL), slug(), "en");
        form(author(NATIONAL))
                .formParam("language", "fr").formParam("title", "Parcours sûrs").formParam("objectives", "Informer")
                .formParam("keyMessages", "Premier message\n\nDeuxième message\n")
                .when().post("/campaigns/manage/" + id + "/translations")
                .then().statusCode(303).header("Location", endsWith("/campaigns/manage/" + id));
        form(author(NATIONAL))
                .formParam("defaultLanguage", "en").formParam("targetGroups", "parents")
                .formParam("targetGroups", "returnees").formParam("otherTargetGroups", "fishermen")
                .formParam("channels", "radio").formParam("places", "sn/Dakar\nSN")
                .formParam("periodStart", "2027-01-01").formParam("periodEnd", "2027-03-01")
                .when().post("/campaigns/manage/" + id + "/settings")
                .then().statusCode(303);

        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/campaigns/" + id)
                .then().body("current.translations.find { it.language == 'fr' }.keyMessages",
                        equalTo(List.of("Premier message", "Deuxième message")))
                .body("current.targetGroups", equalTo(List.of("parents", "returnees", "fishermen")))
                .body("current.places.label", equalTo(List.of("SN/Dakar", "SN")));
        // The page names the offered groups, channels and kinds in the reader's language; a typed-in group as typed.
        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/manage/" + id)
                .then().statusCode(200)
                .body(containsString("value=\"returnees\" checked> Personnes de retour</label>"))
                .body(containsString("value=\"radio\" checked> Radio</label>"))
                .body(containsString("value=\"social-media\"> Réseaux sociaux</label>"))
                .body(containsString("<option value=\"radio-script\">Script radio</option>"))
                .body(containsString("value=\"fishermen,\""));
        form(author(NATIONAL))
                .formParam("defaultLanguage", "en").formParam("places", "SN")
                .formParam("periodStart", "2027-05-01").formParam("periodEnd", "2027-01-01")
                .when().post("/campaigns/manage/" + id + "/settings")
                .then().statusCode(400)
                .body(containsString("the period must not end before it starts"));
    }

    @Test
    void thePageShowsTheMissingHelpAndPublishingIsRefusedOnThePageToo() {
        String region = region();
        long id = approvedCampaign(slug(), region);
        given().auth().oauth2(reviewer(NATIONAL)).when().get("/campaigns/manage/" + id)
                .then().statusCode(200)
                .body(containsString(COUNTRY + "/" + region + " × fr"))
                .body(containsString("action=\"/campaigns/manage/" + id + "/publish\""));
        form(reviewer(NATIONAL)).when().post("/campaigns/manage/" + id + "/publish")
                .then().statusCode(409)
                .contentType(containsString("text/html"))
                .body(containsString("Publishing is refused"))
                .body(containsString(COUNTRY + "/" + region + " × en"));

        helpResource(author(NATIONAL), COUNTRY, region, true, "en", "fr");
        form(reviewer(NATIONAL)).when().post("/campaigns/manage/" + id + "/publish")
                .then().statusCode(303);
        given().auth().oauth2(reviewer(NATIONAL)).when().get("/campaigns/manage/" + id)
                .then().body(containsString("Every place and language has an active help resource."));
    }

    @Test
    void theReviewerApprovesWithTheChecklistFormAndTheAuthorIsNotOfferedIt() {
        String author = author(NATIONAL);
        long id = campaign(author, slug(), "en");
        CampaignFixtures.settings(author, id, "en", COUNTRY + "/" + region()).statusCode(200);
        CampaignFixtures.text(author, id, "en", "Title", "A message").statusCode(200);
        form(author).when().post("/campaigns/manage/" + id + "/submit").then().statusCode(303);

        given().auth().oauth2(author).when().get("/campaigns/manage/" + id)
                .then().body(containsString("Another campaign manager must approve what you wrote."))
                .body(not(containsString("name=\"safeAlternatives\"")));
        form(author).formParam("safeAlternatives", "true").formParam("thbSomDistinction", "true")
                .formParam("sensitivity", "true").formParam("noIdentifyingImage", "true")
                .when().post("/campaigns/manage/" + id + "/approve")
                .then().statusCode(403);

        form(reviewer(NATIONAL)).formParam("safeAlternatives", "true")
                .when().post("/campaigns/manage/" + id + "/approve")
                .then().statusCode(400)
                .body(containsString("not confirmed: no identifying image of a victim"));
        form(reviewer(NATIONAL)).formParam("safeAlternatives", "true").formParam("thbSomDistinction", "true")
                .formParam("sensitivity", "true").formParam("noIdentifyingImage", "true")
                .when().post("/campaigns/manage/" + id + "/approve")
                .then().statusCode(303);
        given().auth().oauth2(reviewer(NATIONAL)).when().get("/campaigns/manage/review")
                .then().statusCode(200)
                .body(containsString("/campaigns/manage/" + id));
    }

    @Test
    void aMaterialVariantIsWrittenAndPreviewedSanitizedOnItsPage() {
        long id = campaign(author(NATIONAL), slug(), "en");
        form(author(NATIONAL)).formParam("slug", "poster").formParam("kind", "poster")
                .when().post("/campaigns/manage/" + id + "/materials")
                .then().statusCode(303).header("Location", endsWith("/campaigns/manage/materials/" + id + "/poster"));
        form(author(NATIONAL)).formParam("title", "Poster").formParam("markdown", "**Bold** <script>x()</script>")
                .when().post("/campaigns/manage/materials/" + id + "/poster/fr/text")
                .then().statusCode(303);
        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/manage/materials/" + id + "/poster/fr")
                .then().statusCode(200)
                .body(containsString("<strong>Bold</strong>"))
                .body(not(containsString("<script>x()")));
        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/manage/materials/" + id + "/poster")
                .then().statusCode(200)
                .body(containsString("translation in progress"));
    }

    @Test
    void pagesFollowTheInterfaceLanguage() {
        long id = campaign(author(NATIONAL), slug(), "en");
        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "ar")
                .when().get("/campaigns/manage/" + id)
                .then().statusCode(200)
                .body(containsString("dir=\"rtl\""))
                .body(containsString("الإصدار ١"));
    }

    @Test
    void aNulInAFormFieldIsRefusedNamingTheFieldAndNothingIsStored() {
        String slug = slug();
        form(author(NATIONAL))
                .formParam("slug", slug).formParam("title", "Know\u0000the signs").formParam("defaultLanguage", "fr")
                .when().post("/campaigns/manage")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("title: " + org.beacon.commons.text.UntrustedText.NUL_MESSAGE));
        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/campaigns")
                .then().statusCode(200)
                .body("slug", not(org.hamcrest.Matchers.hasItem(slug)));
    }
}
