package org.beacon.campaign.material;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.FULL_CHECKLIST;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.NGO;
import static org.beacon.campaign.campaign.CampaignFixtures.admin;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.campaign;
import static org.beacon.campaign.campaign.CampaignFixtures.publishedCampaign;
import static org.beacon.campaign.campaign.CampaignFixtures.reviewer;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Base64;
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
class MaterialResourceTests {

    /** A 1x1 transparent PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    static String base(long campaignId) {
        return "/campaigns/api/campaigns/" + campaignId + "/materials";
    }

    static void addMaterial(String token, long campaignId, String slug, String kind) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("slug", slug, "kind", kind))
                .when().post(base(campaignId))
                .then().statusCode(201);
    }

    static ValidatableResponse write(String token, long campaignId, String slug, String language, String title,
            String markdown) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("title", title, "markdown", markdown))
                .when().put(base(campaignId) + "/" + slug + "/variants/" + language)
                .then();
    }

    static ValidatableResponse act(String token, long campaignId, String slug, String language, String action) {
        return given().auth().oauth2(token).when()
                .post(base(campaignId) + "/" + slug + "/variants/" + language + "/" + action).then();
    }

    static void publishVariant(long campaignId, String slug, String language) {
        act(author(NATIONAL), campaignId, slug, language, "submit").statusCode(200);
        given().auth().oauth2(reviewer(NATIONAL)).contentType(ContentType.JSON).body(FULL_CHECKLIST)
                .when().post(base(campaignId) + "/" + slug + "/variants/" + language + "/approve")
                .then().statusCode(200);
        act(reviewer(NATIONAL), campaignId, slug, language, "publish").statusCode(200);
    }

    @Test
    void markdownIsRenderedAndScriptsHandlersAndImagesAreStripped() {
        long id = campaign(author(NATIONAL), slug(), "en");
        addMaterial(author(NATIONAL), id, "leaflet", "leaflet");
        write(author(NATIONAL), id, "leaflet", "en", "Leaflet",
                "## Know the signs\n\n**Keep your passport.** [Hotline](https://example.org/help)\n\n"
                        + "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n"
                        + "[click](javascript:alert(2)) <a href=\"#\" onclick=\"steal()\">here</a>")
                .statusCode(200)
                .body("bodyHtml", containsString("<strong>Keep your passport.</strong>"))
                .body("bodyHtml", containsString("<h4>Know the signs</h4>"))
                .body("bodyHtml", containsString("href=\"https://example.org/help\""))
                .body("bodyHtml", not(containsString("<script")))
                .body("bodyHtml", not(containsString("alert")))
                .body("bodyHtml", not(containsString("onerror")))
                .body("bodyHtml", not(containsString("onclick")))
                .body("bodyHtml", not(containsString("<img")))
                .body("bodyHtml", not(containsString("javascript:")))
                .body("translationStatus", equalTo("original"));
    }

    @Test
    void eachLanguageVariantHasATranslationStatusAndTranslationsFallBehindAChangedOriginal() {
        long id = campaign(author(NATIONAL), slug(), "en");
        addMaterial(author(NATIONAL), id, "sms", "sms");
        write(author(NATIONAL), id, "sms", "en", "SMS", "Check every job offer.").statusCode(200);
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("title", "SMS", "markdown", "Vérifiez chaque offre.", "translationStatus", "translated"))
                .when().put(base(id) + "/sms/variants/fr")
                .then().statusCode(200).body("translationStatus", equalTo("translated"));

        write(author(NATIONAL), id, "sms", "en", "SMS", "Check every job offer with official services.")
                .statusCode(200);
        given().auth().oauth2(author(NATIONAL)).when().get(base(id) + "/sms")
                .then().statusCode(200)
                .body("variants.find { it.language == 'fr' }.translationStatus", equalTo("outdated"))
                .body("variants.find { it.language == 'en' }.translationStatus", equalTo("original"));
    }

    @Test
    void aPublishedVariantIsNeverOverwrittenAChangeStartsTheNextVariant() {
        String slug = slug();
        long id = publishedCampaign(slug);
        addMaterial(author(NATIONAL), id, "radio-spot", "radio-script");
        write(author(NATIONAL), id, "radio-spot", "en", "Radio spot", "Staying or going: choose with care.")
                .statusCode(200).body("number", equalTo(1));
        publishVariant(id, "radio-spot", "en");

        write(author(NATIONAL), id, "radio-spot", "en", "Radio spot", "A new script.")
                .statusCode(200)
                .body("number", equalTo(2))
                .body("review.status", equalTo("draft"))
                .body("publishedNumber", equalTo(1));
        given().when().get("/campaigns/public/" + slug + "/en")
                .then().statusCode(200)
                .body(containsString("Staying or going: choose with care."))
                .body(not(containsString("A new script.")));

        publishVariant(id, "radio-spot", "en");
        given().when().get("/campaigns/public/" + slug + "/en")
                .then().body(containsString("A new script."))
                .body(not(containsString("Staying or going")));
    }

    @Test
    void theAuthorOfAVariantCannotApproveItAndTheChecklistMustBeComplete() {
        long id = campaign(author(NATIONAL), slug(), "en");
        addMaterial(author(NATIONAL), id, "poster", "poster");
        write(author(NATIONAL), id, "poster", "en", "Poster", "Your future, your choice.").statusCode(200);
        act(author(NATIONAL), id, "poster", "en", "submit").statusCode(200);

        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON).body(FULL_CHECKLIST)
                .when().post(base(id) + "/poster/variants/en/approve")
                .then().statusCode(403);
        given().auth().oauth2(reviewer(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("safeAlternatives", true))
                .when().post(base(id) + "/poster/variants/en/approve")
                .then().statusCode(400)
                .body("errors.size()", equalTo(3));
        act(reviewer(NATIONAL), id, "poster", "en", "publish").statusCode(409);
    }

    @Test
    void whoeverChangedAVariantCannotApproveItThoughSomeoneElseChangedItLast() {
        long id = campaign(author(NATIONAL), slug(), "en");
        addMaterial(author(NATIONAL), id, "leaflet", "leaflet");
        write(author(NATIONAL), id, "leaflet", "en", "Leaflet", "Started by the first manager.").statusCode(200);
        write(reviewer(NATIONAL), id, "leaflet", "en", "Leaflet", "Rewritten by the second.").statusCode(200);
        write(author(NATIONAL), id, "leaflet", "en", "Leaflet", "Rewritten by the second, then by the first.")
                .statusCode(200);
        act(author(NATIONAL), id, "leaflet", "en", "submit").statusCode(200);

        given().auth().oauth2(reviewer(NATIONAL)).contentType(ContentType.JSON).body(FULL_CHECKLIST)
                .when().post(base(id) + "/leaflet/variants/en/approve")
                .then().statusCode(403)
                .body("detail", containsString("four eyes"));
        given().auth().oauth2(TestTokens.token("third", NATIONAL, "campaign-manager")).contentType(ContentType.JSON)
                .body(FULL_CHECKLIST)
                .when().post(base(id) + "/leaflet/variants/en/approve")
                .then().statusCode(200);
    }

    @Test
    void anImageIsStoredOnTheVariantAndServedPubliclyOnlyOncePublished() {
        String slug = slug();
        long id = publishedCampaign(slug);
        addMaterial(author(NATIONAL), id, "poster", "poster");
        int mediaId = given().auth().oauth2(author(NATIONAL))
                .multiPart("file", "poster.png", PNG, "image/png")
                .when().post(base(id) + "/poster/variants/en/file")
                .then().statusCode(200)
                .body("media.contentType", equalTo("image/png"))
                .body("title", equalTo("poster"))
                .extract().path("media.id");

        given().when().get("/campaigns/public/media/" + mediaId).then().statusCode(404);
        given().auth().oauth2(author(NGO)).when().get("/campaigns/api/media/" + mediaId).then().statusCode(403);
        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/media/" + mediaId)
                .then().statusCode(200)
                .contentType("image/png")
                .header("Cache-Control", containsString("private"));

        publishVariant(id, "poster", "en");
        byte[] served = given().when().get("/campaigns/public/media/" + mediaId)
                .then().statusCode(200)
                .contentType("image/png")
                .header("Cache-Control", containsString("public"))
                .header("Cache-Control", containsString("max-age=86400"))
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertArrayEquals(PNG, served);
        given().when().get("/campaigns/public/" + slug + "/en")
                .then().body(containsString("/campaigns/public/media/" + mediaId));
    }

    @Test
    void aFileOfTheWrongTypeIsRefusedAndLeavesNoVariant() {
        long id = campaign(author(NATIONAL), slug(), "en");
        addMaterial(author(NATIONAL), id, "video", "video");
        given().auth().oauth2(author(NATIONAL))
                .multiPart("file", "spot.mp4", "<html><script>alert(1)</script></html>".getBytes(), "video/mp4")
                .when().post(base(id) + "/video/variants/en/file")
                .then().statusCode(400)
                .body("detail", equalTo("The file's content is not video/mp4."));
        given().auth().oauth2(author(NATIONAL))
                .multiPart("file", "page.html", "<html></html>".getBytes(), "text/html")
                .when().post(base(id) + "/video/variants/en/file")
                .then().statusCode(400)
                .body("detail", containsString("'text/html' are not accepted"));
        given().auth().oauth2(author(NATIONAL)).when().get(base(id) + "/video")
                .then().statusCode(200).body("variants.size()", equalTo(0));
    }

    @Test
    void anOversizedFileIsRefusedWith413() {
        long id = campaign(author(NATIONAL), slug(), "en");
        addMaterial(author(NATIONAL), id, "poster", "poster");
        byte[] big = new byte[70_000];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        given().auth().oauth2(author(NATIONAL))
                .multiPart("file", "poster.png", big, "image/png")
                .when().post(base(id) + "/poster/variants/en/file")
                .then().statusCode(413)
                .contentType("application/problem+json");
        given().auth().oauth2(author(NATIONAL)).when().get(base(id) + "/poster")
                .then().body("variants.size()", equalTo(0));
    }

    @Test
    void anotherOrganizationCannotReadOrChangeMaterials() {
        long id = campaign(author(NATIONAL), slug(), "en");
        addMaterial(author(NATIONAL), id, "poster", "poster");
        given().auth().oauth2(author(NGO)).when().get(base(id)).then().statusCode(403);
        write(author(NGO), id, "poster", "en", "Hijack", "Not ours").statusCode(403);
        given().auth().oauth2(admin()).when().get(base(id)).then().statusCode(200);
        given().auth().oauth2(TestTokens.token("eve", NATIONAL, "evaluator")).when().get(base(id) + "/poster")
                .then().statusCode(200).body("variants.size()", equalTo(0));
        write(TestTokens.token("eve", NATIONAL, "evaluator"), id, "poster", "en", "x", "y").statusCode(403);
    }

    @Test
    void anUnknownKindOrMaterialIsRefused() {
        long id = campaign(author(NATIONAL), slug(), "en");
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("slug", "flyer", "kind", "billboard"))
                .when().post(base(id))
                .then().statusCode(400)
                .body("errors[0]", containsString("kind"));
        write(author(NATIONAL), id, "no-such-material", "en", "x", "y").statusCode(404);
        given().auth().oauth2(author(NATIONAL)).when().get(base(id) + "/no-such-material")
                .then().statusCode(404).body("detail", containsString("no-such-material"));
        given().auth().oauth2(author(NATIONAL)).when().get(base(id))
                .then().body("find { it.slug == 'flyer' }", nullValue());
    }

    @Test
    void aMaterialTitleAndAFileNameLoseCharactersThatReorderOrHideText() {
        long id = campaign(author(NATIONAL), slug(), "en");
        addMaterial(author(NATIONAL), id, "poster", "poster");
        write(author(NATIONAL), id, "poster", "en", "\u2067Poster\u2069\u200B", "Text")
                .statusCode(200)
                .body("title", equalTo("Poster"));
        // "post\u202Eer.png" is a file name whose end is shown reversed; what others see is the name without it.
        // Written by hand: browsers send a file name as UTF-8 bytes, which REST Assured's multipart builder does not.
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"post\u202Eer.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(PNG);
        body.writeBytes("\r\n--XyZ--\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().auth().oauth2(author(NATIONAL)).contentType("multipart/form-data; boundary=XyZ")
                .body(body.toByteArray())
                .when().post(base(id) + "/poster/variants/en/file")
                .then().statusCode(200)
                .body("media.fileName", equalTo("poster.png"));
    }
}
