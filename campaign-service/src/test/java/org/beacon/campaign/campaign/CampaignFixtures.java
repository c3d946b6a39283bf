package org.beacon.campaign.campaign;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.beacon.testing.TestTokens;

/**
 * Campaigns in a given state, built through the API as a manager would. Every test works in a place of its own (a
 * fresh region of the user-assigned country ZZ) so that help resources created by one test never open the gate for
 * another.
 */
public final class CampaignFixtures {

    public static final String NATIONAL = "national-coordination";
    public static final String NGO = "civil-society-ngo";
    public static final String COUNTRY = "ZZ";

    public static final Map<String, Boolean> FULL_CHECKLIST = Map.of("safeAlternatives", true,
            "thbSomDistinction", true, "sensitivity", true, "noIdentifyingImage", true);

    private CampaignFixtures() {
    }

    public static String author(String organization) {
        return TestTokens.token("amina-" + organization, organization, "campaign-manager");
    }

    public static String reviewer(String organization) {
        return TestTokens.token("rui-" + organization, organization, "campaign-manager");
    }

    public static String admin() {
        return TestTokens.token("ada", NATIONAL, "admin");
    }

    public static String slug() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String region() {
        return "Region-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static long campaign(String token, String slug, String defaultLanguage) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "title", "Safe journeys " + slug, "defaultLanguage", defaultLanguage))
                .when().post("/campaigns/api/campaigns")
                .then().statusCode(201)
                .extract().<Integer>path("id").longValue();
    }

    public static ValidatableResponse settings(String token, long id, String defaultLanguage, String... places) {
        List<Map<String, String>> placeList = new ArrayList<>();
        for (String place : places) {
            int slash = place.indexOf('/');
            placeList.add(slash < 0 ? Map.of("country", place)
                    : Map.of("country", place.substring(0, slash), "region", place.substring(slash + 1)));
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("defaultLanguage", defaultLanguage, "targetGroups", List.of("young-people", "parents"),
                        "channels", List.of("radio"), "places", placeList,
                        "periodStart", "2027-01-15", "periodEnd", "2027-06-30"))
                .when().put("/campaigns/api/campaigns/" + id + "/settings")
                .then();
    }

    public static ValidatableResponse text(String token, long id, String language, String title, String... messages) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("title", title, "objectives", "Raise awareness", "keyMessages", List.of(messages)))
                .when().put("/campaigns/api/campaigns/" + id + "/translations/" + language)
                .then();
    }

    public static long helpResource(String token, String country, String region, boolean active, String... languages) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "slug", "help-" + UUID.randomUUID().toString().substring(0, 8),
                "kind", "hotline", "country", country, "languages", List.of(languages),
                "names", Map.of("en", "Test hotline", "fr", "Ligne de test"),
                "contact", "Dial the test line", "active", active, "demo", false, "lastVerified", "2026-11-01"));
        if (region != null) {
            body.put("region", region);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/campaigns/api/help")
                .then().statusCode(201)
                .extract().<Integer>path("id").longValue();
    }

    /**
     * A help resource of the author's organization in a region of ZZ, speaking English and French, not a demo,
     * never verified; {@code fields} override any of it (kind, contact, demo, languages, names, lastVerified...).
     */
    public static long help(String region, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "slug", "help-" + UUID.randomUUID().toString().substring(0, 8),
                "kind", "hotline", "country", COUNTRY, "region", region, "languages", List.of("en", "fr"),
                "names", Map.of("en", "Test hotline", "fr", "Ligne de test"),
                "contact", "Dial the test line", "active", true, "demo", false));
        body.putAll(fields);
        return given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON).body(body)
                .when().post("/campaigns/api/help")
                .then().statusCode(201)
                .extract().<Integer>path("id").longValue();
    }

    /** A material of the campaign with one variant, written by the author, approved by the reviewer, not published. */
    public static String approvedVariant(long campaignId, String kind, String language, String markdown) {
        String material = "m-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("slug", material, "kind", kind))
                .when().post("/campaigns/api/campaigns/" + campaignId + "/materials").then().statusCode(201);
        String variant = "/campaigns/api/campaigns/" + campaignId + "/materials/" + material + "/variants/" + language;
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("title", "SMS", "markdown", markdown))
                .when().put(variant).then().statusCode(200);
        given().auth().oauth2(author(NATIONAL)).when().post(variant + "/submit").then().statusCode(200);
        given().auth().oauth2(reviewer(NATIONAL)).contentType(ContentType.JSON).body(FULL_CHECKLIST)
                .when().post(variant + "/approve").then().statusCode(200);
        return variant;
    }

    public static ValidatableResponse action(String token, long id, String action) {
        return given().auth().oauth2(token).when().post("/campaigns/api/campaigns/" + id + "/" + action).then();
    }

    public static ValidatableResponse approve(String token, long id, Map<String, Boolean> checklist) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(checklist)
                .when().post("/campaigns/api/campaigns/" + id + "/approve").then();
    }

    /**
     * A campaign of {@link #NATIONAL} in English and French for one region of ZZ, written by the author, sent for
     * review and approved by the reviewer: only the gate stands between it and the public.
     */
    public static long approvedCampaign(String slug, String region) {
        String author = author(NATIONAL);
        long id = campaign(author, slug, "en");
        settings(author, id, "en", COUNTRY + "/" + region).statusCode(200);
        text(author, id, "en", "Safe journeys", "Leaving is not the only road to success.").statusCode(200);
        text(author, id, "fr", "Parcours sûrs", "Partir n'est pas le seul chemin vers la réussite.")
                .statusCode(200);
        action(author, id, "submit").statusCode(200);
        approve(reviewer(NATIONAL), id, FULL_CHECKLIST).statusCode(200);
        return id;
    }

    /** {@link #approvedCampaign} with help in both languages, published. */
    public static long publishedCampaign(String slug) {
        String region = region();
        long id = approvedCampaign(slug, region);
        helpResource(author(NATIONAL), COUNTRY, region, true, "en", "fr");
        action(reviewer(NATIONAL), id, "publish").statusCode(200);
        return id;
    }
}
