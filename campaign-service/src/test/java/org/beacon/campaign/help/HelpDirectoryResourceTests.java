package org.beacon.campaign.help;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.COUNTRY;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.NGO;
import static org.beacon.campaign.campaign.CampaignFixtures.action;
import static org.beacon.campaign.campaign.CampaignFixtures.admin;
import static org.beacon.campaign.campaign.CampaignFixtures.approvedCampaign;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.helpResource;
import static org.beacon.campaign.campaign.CampaignFixtures.region;
import static org.beacon.campaign.campaign.CampaignFixtures.reviewer;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class HelpDirectoryResourceTests {

    static Map<String, Object> body(String slug, String region) {
        Map<String, Object> body = new HashMap<>(Map.of("slug", slug, "kind", "referral", "country", "zz",
                "region", region, "languages", List.of("en", "pt"), "names", Map.of("en", "Referral desk"),
                "contact", "Town hall, ground floor", "active", true, "demo", true, "lastVerified", "2026-10-01"));
        return body;
    }

    static long created(String slug, String region) {
        return given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON).body(body(slug, region))
                .when().post("/campaigns/api/help").then().statusCode(201)
                .extract().<Integer>path("id").longValue();
    }

    static ValidatableResponse put(String token, long id, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/campaigns/api/help/" + id).then();
    }

    @Test
    void aManagerAddsAResourceForTheirOrganizationThatEveryManagerSees() {
        String region = region();
        long id = given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON)
                .body(body("referral-" + region.toLowerCase(), region))
                .when().post("/campaigns/api/help")
                .then().statusCode(201)
                .body("organization", equalTo(NATIONAL))
                .body("country", equalTo("ZZ"))
                .body("lastVerified", equalTo("2026-10-01"))
                .body("demo", equalTo(true))
                .extract().<Integer>path("id").longValue();

        given().auth().oauth2(author(NGO)).when().get("/campaigns/api/help")
                .then().statusCode(200)
                .body("find { it.id == " + id + " }.mayChange", equalTo(false))
                .body("find { it.id == " + id + " }.names.en", equalTo("Referral desk"));
        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/help/" + id)
                .then().body("mayChange", equalTo(true));
    }

    @Test
    void onlyTheOwningOrganizationOrAnAdminChangesAResourceAndEveryChangeIsAudited() {
        String region = region();
        String slug = "referral-" + region.toLowerCase();
        long id = created(slug, region);

        Map<String, Object> deactivated = body(slug, region);
        deactivated.put("active", false);
        put(author(NGO), id, deactivated).statusCode(403);
        put(admin(), id, deactivated).statusCode(200).body("active", equalTo(false));
        put(admin(), id, deactivated).statusCode(200);

        String entries = "findAll { it.subjectType == 'help-resource' && it.subjectId == " + id + " }";
        given().auth().oauth2(admin()).when().get("/campaigns/api/audit")
                .then().statusCode(200)
                .body(entries + ".action", contains("help-update", "help-create"))
                .body(entries + ".actor", contains(TestTokens.subjectOf("ada"),
                        TestTokens.subjectOf("amina-" + NATIONAL)))
                .body(entries + ".organization", everyItem(equalTo(NATIONAL)))
                .body(entries + ".summary", everyItem(containsString(slug)))
                .body(entries + "[0].summary", containsString("inactive"));
    }

    @Test
    void theLastResourceServingAPublishedCampaignCannotBeDeactivatedOrMovedAway() {
        String region = region();
        String campaignSlug = slug();
        long campaign = approvedCampaign(campaignSlug, region);
        long help = helpResource(author(NATIONAL), COUNTRY, region, true, "en", "fr");
        action(reviewer(NATIONAL), campaign, "publish").statusCode(200);
        String helpSlug = given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/help/" + help)
                .then().extract().path("slug");
        Map<String, Object> entry = new HashMap<>(Map.of("slug", helpSlug, "kind", "hotline", "country", COUNTRY,
                "region", region, "languages", List.of("en", "fr"), "names", Map.of("en", "Test hotline"),
                "contact", "Dial the test line", "active", true, "demo", false, "lastVerified", "2026-11-01"));

        Map<String, Object> deactivated = new HashMap<>(entry);
        deactivated.put("active", false);
        put(author(NATIONAL), help, deactivated).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(campaignSlug))
                .body("errors", containsInAnyOrder(
                        "campaign '" + campaignSlug + "': " + COUNTRY + "/" + region + " × en",
                        "campaign '" + campaignSlug + "': " + COUNTRY + "/" + region + " × fr"));
        Map<String, Object> moved = new HashMap<>(entry);
        moved.put("region", region());
        put(author(NATIONAL), help, moved).statusCode(409);
        Map<String, Object> englishOnly = new HashMap<>(entry);
        englishOnly.put("languages", List.of("en"));
        put(admin(), help, englishOnly).statusCode(409)
                .body("errors", containsInAnyOrder(
                        "campaign '" + campaignSlug + "': " + COUNTRY + "/" + region + " × fr"));
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.URLENC)
                .formParam("slug", helpSlug).formParam("kind", "hotline").formParam("country", COUNTRY)
                .formParam("region", region).formParam("languages", "en, fr")
                .formParam("names", "en: Test hotline").formParam("contact", "Dial the test line")
                .formParam("lastVerified", "2026-11-01")
                .when().post("/campaigns/manage/help/" + help)
                .then().statusCode(409)
                .contentType(containsString("text/html"))
                .body(containsString(campaignSlug));
        given().when().get("/campaigns/public/" + campaignSlug + "/fr")
                .then().statusCode(200).body(containsString("Dial the test line"));

        // Once another resource serves the place in both languages, the first may go.
        helpResource(author(NATIONAL), COUNTRY, region, true, "en", "fr");
        put(author(NATIONAL), help, deactivated).statusCode(200).body("active", equalTo(false));
    }

    @Test
    void invalidEntriesAreRefusedNamingTheFields() {
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("slug", "Bad Slug", "kind", "embassy", "country", "Senegal", "languages", List.of(),
                        "names", Map.of(), "contact", "", "active", true, "demo", false,
                        "lastVerified", "2999-01-01"))
                .when().post("/campaigns/api/help")
                .then().statusCode(400)
                .body("errors", hasItem(containsString("kind")))
                .body("errors", hasItem(containsString("country")))
                .body("errors", hasItem(containsString("languages")))
                .body("errors", hasItem(containsString("lastVerified")));
    }

    @Test
    void anEntryNobodyVerifiedHasNoDateAndTheDirectoryAsksToVerifyItAndOldChecksAgain() {
        String region = region();
        Map<String, Object> unverified = body("never-" + region.toLowerCase(), region);
        unverified.remove("lastVerified");
        long never = given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON).body(unverified)
                .when().post("/campaigns/api/help")
                .then().statusCode(201)
                .body("lastVerified", org.hamcrest.Matchers.nullValue())
                .body("verificationDue", equalTo(true))
                .extract().<Integer>path("id").longValue();
        Map<String, Object> old = body("old-" + region.toLowerCase(), region);
        old.put("lastVerified", java.time.LocalDate.now().minusMonths(6).minusDays(1).toString());
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON).body(old)
                .when().post("/campaigns/api/help").then().statusCode(201).body("verificationDue", equalTo(true));
        Map<String, Object> fresh = body("fresh-" + region.toLowerCase(), region);
        fresh.put("lastVerified", java.time.LocalDate.now().minusMonths(5).toString());
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON).body(fresh)
                .when().post("/campaigns/api/help").then().statusCode(201).body("verificationDue", equalTo(false));

        String page = given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/manage/help")
                .then().statusCode(200)
                .body(containsString("Help entries to check:"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(rowOf(page, "never-" + region.toLowerCase())
                .contains("never verified"), page);
        org.junit.jupiter.api.Assertions.assertTrue(rowOf(page, "old-" + region.toLowerCase())
                .contains("verified over six months ago: re-verify"));
        org.junit.jupiter.api.Assertions.assertFalse(rowOf(page, "fresh-" + region.toLowerCase())
                .contains("verif"));
        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/manage/help")
                .then().body(containsString("jamais vérifiée"));
        // The form of a new entry carries no date: only the person who checked enters one.
        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/manage/help/" + never)
                .then().statusCode(200).body(containsString("name=\"lastVerified\" type=\"date\" value=\"\""));
    }

    /** The table row of the entry whose edit link ends with the slug's resource, found by its slug in the names. */
    static String rowOf(String page, String slug) {
        long id = given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/help")
                .then().extract().<Integer>path("find { it.slug == '" + slug + "' }.id").longValue();
        int link = page.indexOf("/campaigns/manage/help/" + id + "\"");
        return page.substring(link, page.indexOf("</tr>", link));
    }

    @Test
    void theHelpFormTakesAnyBcp47LanguageAndNoDate() {
        String slug = "wolof-" + region().toLowerCase();
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.URLENC).redirects().follow(false)
                .formParam("slug", slug).formParam("kind", "hotline").formParam("country", "ZZ")
                .formParam("region", region()).formParam("languages", "wo, ff-Latn-SN, fr")
                .formParam("names", "wo: Dimbali\nfr: Ligne d'aide").formParam("contact", "Dial 0")
                .formParam("active", "true").formParam("lastVerified", "")
                .when().post("/campaigns/manage/help")
                .then().statusCode(303);
        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/help")
                .then().body("find { it.slug == '" + slug + "' }.languages", equalTo(List.of("wo", "ff-Latn-SN", "fr")))
                .body("find { it.slug == '" + slug + "' }.names.wo", equalTo("Dimbali"))
                .body("find { it.slug == '" + slug + "' }.lastVerified", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anEvaluatorReadsTheDirectoryButCannotAddToIt() {
        String evaluator = TestTokens.token("eve", NATIONAL, "evaluator");
        given().auth().oauth2(evaluator).when().get("/campaigns/api/help").then().statusCode(200);
        given().auth().oauth2(evaluator).contentType(ContentType.JSON).body(body("x-" + region().toLowerCase(), "X"))
                .when().post("/campaigns/api/help").then().statusCode(403);
    }

    @Test
    void theHelpPageListsResourcesAndRefusesABadFormWith400() {
        long id = helpResource(author(NATIONAL), "ZZ", region(), true, "en");
        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/manage/help")
                .then().statusCode(200)
                .body(containsString("/campaigns/manage/help/" + id));
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.URLENC)
                .formParam("slug", "form-" + region().toLowerCase()).formParam("kind", "hotline")
                .formParam("country", "ZZ").formParam("languages", "en").formParam("names", "no colon here")
                .formParam("contact", "x").formParam("lastVerified", "2026-11-01")
                .when().post("/campaigns/manage/help")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("Write each name as"));
        String slug = "form-" + region().toLowerCase();
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.URLENC).redirects().follow(false)
                .formParam("slug", slug).formParam("kind", "hotline").formParam("country", "ZZ")
                .formParam("region", "Kolda").formParam("languages", "en, fr")
                .formParam("names", "en: Kolda hotline\nfr: Ligne de Kolda").formParam("contact", "Dial 0")
                .formParam("active", "true").formParam("lastVerified", "2026-11-01")
                .when().post("/campaigns/manage/help")
                .then().statusCode(303);
        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/help")
                .then().body("find { it.slug == '" + slug + "' }.names.fr", equalTo("Ligne de Kolda"))
                .body("find { it.slug == '" + slug + "' }.languages", equalTo(List.of("en", "fr")));
    }
}
