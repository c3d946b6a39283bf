package org.beacon.campaign.campaign;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.COUNTRY;
import static org.beacon.campaign.campaign.CampaignFixtures.FULL_CHECKLIST;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.NGO;
import static org.beacon.campaign.campaign.CampaignFixtures.action;
import static org.beacon.campaign.campaign.CampaignFixtures.approvedCampaign;
import static org.beacon.campaign.campaign.CampaignFixtures.approvedVariant;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.campaign;
import static org.beacon.campaign.campaign.CampaignFixtures.helpResource;
import static org.beacon.campaign.campaign.CampaignFixtures.region;
import static org.beacon.campaign.campaign.CampaignFixtures.reviewer;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.beacon.campaign.campaign.CampaignImportResourceTests.CONTENT;
import static org.beacon.campaign.campaign.CampaignImportResourceTests.importZip;
import static org.beacon.campaign.campaign.CampaignImportResourceTests.zipOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * What a campaign manager reads on the pages: statuses that say what happened, why Publish is disabled, help
 * coverage only once a place is entered, every help entry reachable, and the material's file seen inline by its
 * reviewer.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class ManagerPagesTests {

    private static final String DISABLED_PUBLISH = "<button disabled aria-describedby=\"publish-blocked\">Publish</button>";

    private static String page(String token, String path, String language) {
        return given().auth().oauth2(token).header("Accept-Language", language).when().get(path)
                .then().statusCode(200).extract().asString();
    }

    @Test
    void anApprovedCampaignReadsApprovedReadyToPublishNotInReview() {
        long id = approvedCampaign(slug(), region());
        String campaignPage = page(reviewer(NATIONAL), "/campaigns/manage/" + id, "en");
        assertTrue(campaignPage.contains("Status: <strong>approved, ready to publish</strong>"), campaignPage);
        assertTrue(campaignPage.contains("Version 1: approved, ready to publish"), campaignPage);
        assertFalse(campaignPage.contains("<strong>in review</strong>"), campaignPage);
        assertFalse(campaignPage.contains("Version 1: in review"), campaignPage);
        String list = page(reviewer(NATIONAL), "/campaigns/manage", "en");
        assertTrue(list.contains("/campaigns/manage/" + id + "\">Safe journeys</a></td><td>" + NATIONAL
                + "</td><td>approved, ready to publish</td>"), list);
        assertTrue(page(reviewer(NATIONAL), "/campaigns/manage/" + id, "fr").contains("approuvé, prêt à publier"));
    }

    @Test
    void anApprovedMaterialReadsApprovedReadyToPublish() {
        long id = approvedCampaign(slug(), region());
        String variant = approvedVariant(id, "sms", "en", "Check every offer.");
        String material = variant.substring(variant.indexOf("/materials/") + 11, variant.indexOf("/variants/"));
        String variantPage = page(author(NATIONAL), "/campaigns/manage/materials/" + id + "/" + material + "/en", "en");
        assertTrue(variantPage.contains("Status: <strong>approved, ready to publish</strong>"), variantPage);
        assertTrue(variantPage.contains("<button>Publish</button>"), "nothing blocks the approved variant");
        assertTrue(page(author(NATIONAL), "/campaigns/manage/materials/" + id + "/" + material, "en")
                .contains("<td>approved, ready to publish</td>"));
        assertTrue(page(author(NATIONAL), "/campaigns/manage/" + id, "en")
                .contains("en: approved, ready to publish"));
    }

    @Test
    void publishIsDisabledWithEachReasonAndEnabledOnceNothingBlocksIt() {
        String author = author(NATIONAL);
        String region = region();
        long id = campaign(author, slug(), "en");
        CampaignFixtures.settings(author, id, "en", COUNTRY + "/" + region).statusCode(200);
        CampaignFixtures.text(author, id, "en", "Safe journeys", "Check every offer.").statusCode(200);

        String draft = page(author, "/campaigns/manage/" + id, "en");
        assertTrue(draft.contains(DISABLED_PUBLISH), draft);
        assertTrue(draft.contains("<li data-block=\"NOT_SUBMITTED\">not sent for review yet</li>"), draft);
        assertTrue(draft.contains("<li data-block=\"MISSING_HELP\">missing help coverage"), draft);

        action(author, id, "submit").statusCode(200);
        String inReview = page(reviewer(NATIONAL), "/campaigns/manage/" + id, "en");
        assertTrue(inReview.contains(DISABLED_PUBLISH));
        assertTrue(inReview.contains("<li data-block=\"NOT_APPROVED\">missing approval: a campaign manager who did not"
                + " write it must approve it</li>"), inReview);
        assertTrue(page(reviewer(NATIONAL), "/campaigns/manage/" + id, "es").contains("falta la aprobación"));
        // The page only explains: the service refuses as before.
        CampaignPageTests.form(reviewer(NATIONAL)).when().post("/campaigns/manage/" + id + "/publish")
                .then().statusCode(409);

        CampaignFixtures.approve(reviewer(NATIONAL), id, FULL_CHECKLIST).statusCode(200);
        String approved = page(reviewer(NATIONAL), "/campaigns/manage/" + id, "en");
        assertTrue(approved.contains(DISABLED_PUBLISH), "help is still missing");
        assertFalse(approved.contains("NOT_APPROVED"), approved);
        assertTrue(approved.contains("MISSING_HELP"));

        helpResource(author, COUNTRY, region, true, "en");
        String ready = page(reviewer(NATIONAL), "/campaigns/manage/" + id, "en");
        assertTrue(ready.contains("<button>Publish</button>"), ready);
        assertFalse(ready.contains("publish-blocked"), ready);
        CampaignPageTests.form(reviewer(NATIONAL)).when().post("/campaigns/manage/" + id + "/publish")
                .then().statusCode(303);
    }

    @Test
    void helpCoverageIsNotShownAsSatisfiedWithoutAPlace() {
        long id = campaign(author(NATIONAL), slug(), "en");
        String html = page(author(NATIONAL), "/campaigns/manage/" + id, "en");
        assertFalse(html.contains("Every place and language has an active help resource."), html);
        assertTrue(html.contains("No place entered yet: help coverage cannot be checked."), html);
        assertTrue(html.contains("<li data-block=\"NO_PLACE\">no place entered</li>"), html);
        assertTrue(page(author(NATIONAL), "/campaigns/manage/" + id, "ar").contains("لم يُدخل أي مكان بعد"));
    }

    @Test
    void theHelpListLinksEveryEntryToItsPageAndSharedEntriesReadOnly() {
        importZip("help", zipOf(CONTENT.resolve("help"))).statusCode(200);
        long ngoEntry = helpResource(author(NGO), COUNTRY, region(), true, "en");
        String list = page(author(NATIONAL), "/campaigns/manage/help", "en");
        List<Integer> ids = given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/help")
                .then().statusCode(200).extract().path("id");
        assertTrue(ids.size() > 5, "the shipped demo entries are listed");
        for (Integer entry : ids) {
            assertTrue(list.contains("<a href=\"/campaigns/manage/help/" + entry + "\">"), "entry " + entry);
        }
        long shipped = given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/help")
                .then().extract().<Integer>path("find { it.slug == 'sn-demo-hotline' }.id").longValue();
        String shippedPage = page(author(NATIONAL), "/campaigns/manage/help/" + shipped, "en");
        assertTrue(shippedPage.contains("only an admin changes it"), shippedPage);
        assertTrue(shippedPage.contains("<fieldset disabled>"), shippedPage);
        String otherPage = page(author(NATIONAL), "/campaigns/manage/help/" + ngoEntry, "fr");
        assertTrue(otherPage.contains("appartient à une autre organisation"), otherPage);
        assertFalse(page(author(NGO), "/campaigns/manage/help/" + ngoEntry, "en").contains("<fieldset disabled>"));
        CampaignPageTests.form(author(NATIONAL)).formParam("slug", "sn-demo-hotline")
                .formParam("kind", "hotline").formParam("country", "SN").formParam("languages", "fr")
                .formParam("names", "fr: x").formParam("contact", "x")
                .when().post("/campaigns/manage/help/" + shipped)
                .then().statusCode(403);
    }

    @Test
    void theReviewerSeesTheImageInlineAndAnotherOrganizationGets403() {
        long id = approvedCampaign(slug(), region());
        long media = materialWithFile(id, "poster", "en", "poster.png", png(), "image/png");

        String review = page(reviewer(NATIONAL), "/campaigns/manage/materials/" + id + "/poster/en", "en");
        assertTrue(review.contains("<img src=\"/campaigns/api/media/" + media
                + "\" alt=\"Image of the material under review: poster\">"), review);
        assertTrue(review.contains("name=\"noIdentifyingImage\""), "the checklist is on the same page");
        given().auth().oauth2(reviewer(NATIONAL)).when().get("/campaigns/api/media/" + media)
                .then().statusCode(200).contentType("image/png");
        given().auth().oauth2(author(NGO)).when().get("/campaigns/api/media/" + media).then().statusCode(403);
        given().auth().oauth2(author(NGO)).when().get("/campaigns/manage/materials/" + id + "/poster/en")
                .then().statusCode(403);
    }

    @Test
    void theReviewerSeesEachPageOfAPdfAsAnImageAndAnotherOrganizationGets403() {
        long id = approvedCampaign(slug(), region());
        materialWithFile(id, "leaflet", "fr", "leaflet.pdf", pdf(2), "application/pdf");

        String pages = "/campaigns/manage/materials/" + id + "/leaflet/fr/preview/";
        String review = page(reviewer(NATIONAL), "/campaigns/manage/materials/" + id + "/leaflet/fr", "en");
        assertTrue(review.contains("<img src=\"" + pages + "1\" alt=\"Page 1 of 2: leaflet\""), review);
        assertTrue(review.contains("<img src=\"" + pages + "2\" alt=\"Page 2 of 2: leaflet\""), review);
        assertFalse(review.contains(pages + "3\""), review);

        byte[] png = given().auth().oauth2(reviewer(NATIONAL)).when().get(pages + "2")
                .then().statusCode(200).contentType("image/png").header("Cache-Control", containsString("no-store"))
                .extract().asByteArray();
        BufferedImage image = read(png);
        // An A5 page at screen resolution, drawn: the black box of page 2 is there.
        assertEquals(Math.round(PDRectangle.A5.getWidth() * 96 / 72), image.getWidth(), 1);
        assertEquals(0x000000, image.getRGB(image.getWidth() / 2, image.getHeight() / 2) & 0xFFFFFF);
        given().auth().oauth2(reviewer(NATIONAL)).when().get(pages + "3").then().statusCode(404);
        given().auth().oauth2(author(NGO)).when().get(pages + "1").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("eve", NATIONAL, "evaluator")).when().get(pages + "1")
                .then().statusCode(403);
    }

    @Test
    void aPdfThatCannotBeDrawnSaysSoInsteadOfFailing() {
        long id = approvedCampaign(slug(), region());
        materialWithFile(id, "leaflet", "en", "broken.pdf", "%PDF-1.7\nnot really a pdf".getBytes(), "application/pdf");
        String review = page(reviewer(NATIONAL), "/campaigns/manage/materials/" + id + "/leaflet/en", "en");
        assertTrue(review.contains("This PDF cannot be shown here"), review);
        given().auth().oauth2(reviewer(NATIONAL)).when().get("/campaigns/manage/materials/" + id
                + "/leaflet/en/preview/1").then().statusCode(422)
                .contentType(startsWith("text/html"))
                .body(containsString("open the file to check it"));
        assertTrue(review.contains("broken.pdf"), "the file stays one click away");
    }

    /** A material (its slug is its kind) whose variant is a file the author uploaded and sent for review; the file's id. */
    private static long materialWithFile(long campaignId, String kind, String language, String fileName, byte[] file,
            String contentType) {
        String base = "/campaigns/api/campaigns/" + campaignId + "/materials";
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("slug", kind, "kind", kind)).when().post(base).then().statusCode(201);
        long media = given().auth().oauth2(author(NATIONAL))
                .multiPart("file", fileName, file, contentType)
                .when().post(base + "/" + kind + "/variants/" + language + "/file")
                .then().statusCode(200).extract().<Integer>path("media.id").longValue();
        given().auth().oauth2(author(NATIONAL)).when().post(base + "/" + kind + "/variants/" + language + "/submit")
                .then().statusCode(200);
        return media;
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PDF of A5 pages, each with a black box in the middle. */
    static byte[] pdf(int pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int n = 0; n < pages; n++) {
                PDPage page = new PDPage(PDRectangle.A5);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.addRect(100, 200, 220, 200);
                    content.fill();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage read(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
