package org.beacon.campaign.campaign;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.COUNTRY;
import static org.beacon.campaign.campaign.CampaignFixtures.FULL_CHECKLIST;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.action;
import static org.beacon.campaign.campaign.CampaignFixtures.admin;
import static org.beacon.campaign.campaign.CampaignFixtures.approve;
import static org.beacon.campaign.campaign.CampaignFixtures.approvedCampaign;
import static org.beacon.campaign.campaign.CampaignFixtures.approvedVariant;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.help;
import static org.beacon.campaign.campaign.CampaignFixtures.region;
import static org.beacon.campaign.campaign.CampaignFixtures.reviewer;
import static org.beacon.campaign.campaign.CampaignFixtures.settings;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.beacon.campaign.campaign.CampaignImportResourceTests.IMPORT_REGION;
import static org.beacon.campaign.campaign.CampaignImportResourceTests.campaignFiles;
import static org.beacon.campaign.campaign.CampaignImportResourceTests.zip;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.beacon.campaign.input.ContentArchive;
import org.beacon.campaign.input.InputLimits;
import org.beacon.commons.web.ProblemException;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The publishing gate's lists (places × languages without help, help placeholders the directory cannot fill), the
 * help directory's list of campaigns that would lose help, the import's gate list and the content archive's name in
 * a zip limit are in the reader's language; the API keeps its English lists (issue 14).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class GateListsLanguageTests {

    @Inject
    InputLimits limits;

    @Test
    void theMissingHelpListIsInFrenchAndArabicOnThePagesAndInEnglishInTheApi() {
        String region = region();
        long id = approvedCampaign(slug(), region);
        help(region, Map.of("demo", true));
        String place = COUNTRY + "/" + region;

        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "fr").when().get("/campaigns/manage/" + id)
                .then().statusCode(200)
                .body(containsString(place + " × en (seulement une aide de démonstration)"))
                .body(not(containsString("only demo help")));
        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "ar").when().get("/campaigns/manage/" + id)
                .then().statusCode(200)
                .body(containsString(place + " × fr (مساعدة تجريبية فقط)"));
        given().auth().oauth2(reviewer(NATIONAL)).header("Accept-Language", "fr")
                .contentType(ContentType.URLENC).redirects().follow(false)
                .when().post("/campaigns/manage/" + id + "/publish")
                .then().statusCode(409)
                .body(containsString(place + " × fr (seulement une aide de démonstration)"))
                .body(not(containsString("only demo help")));
        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/api/campaigns/" + id)
                .then().statusCode(200)
                .body("current.missingHelp", hasItem(place + " × en (only demo help)"));
    }

    @Test
    void theUnfilledPlaceholderListIsInFrenchAndArabicOnTheCampaignPage() {
        String regionA = region();
        String regionB = region();
        String author = author(NATIONAL);
        long id = approvedCampaign(slug(), regionA);
        help(regionA, Map.of());
        action(reviewer(NATIONAL), id, "publish").statusCode(200);
        String variant = approvedVariant(id, "sms", "en", "Call {help.hotline.contact}.");
        given().auth().oauth2(reviewer(NATIONAL)).when().post(variant + "/publish").then().statusCode(200);
        String material = variant.split("/")[6];
        help(regionB, Map.of("kind", "shelter"));
        settings(author, id, "en", COUNTRY + "/" + regionA, COUNTRY + "/" + regionB).statusCode(200);
        action(author, id, "submit").statusCode(200);
        approve(reviewer(NATIONAL), id, FULL_CHECKLIST).statusCode(200);

        given().auth().oauth2(author).header("Accept-Language", "fr").when().get("/campaigns/manage/" + id)
                .then().statusCode(200)
                .body(containsString("support « " + material + " » (en) : {help.hotline.contact} pour " + COUNTRY
                        + "/" + regionB + " : aucune ressource « hotline » autre qu&#39;une entrée de démonstration"
                        + " ne le remplit en en"));
        given().auth().oauth2(author).header("Accept-Language", "ar").when().get("/campaigns/manage/" + id)
                .then().statusCode(200)
                .body(containsString("المادة «" + material + "» (en): {help.hotline.contact} لـ " + COUNTRY + "/"
                        + regionB + ": لا يملؤه أي مورد «hotline» غير المدخلات التجريبية بلغة en"));
        given().auth().oauth2(author).when().get("/campaigns/api/campaigns/" + id)
                .then().body("current.unfilledPlaceholders", hasItem("material '" + material
                        + "' (en): {help.hotline.contact} for " + COUNTRY + "/" + regionB
                        + ": no hotline other than a demo entry serves it in en"));
    }

    @Test
    void aHelpChangeThatTakesHelpFromAPublishedCampaignNamesItInFrench() {
        String region = region();
        String slug = slug();
        long id = approvedCampaign(slug, region);
        long helpId = help(region, Map.of());
        action(reviewer(NATIONAL), id, "publish").statusCode(200);

        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "fr")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("slug", slugOf(helpId)).formParam("kind", "hotline").formParam("country", COUNTRY)
                .formParam("region", region).formParam("languages", "en, fr")
                .formParam("names", "en: Test hotline\nfr: Ligne de test").formParam("contact", "Dial the test line")
                .formParam("active", "false")
                .when().post("/campaigns/manage/help/" + helpId)
                .then().statusCode(409)
                .body(containsString("campagne « " + slug + " » : " + COUNTRY + "/" + region + " × en"))
                .body(not(containsString("campaign '" + slug + "'")));
    }

    @Test
    void theImportDryRunGivesTheGateListInTheRequestsLanguageBesideTheEnglishOne() {
        String slug = "dry-" + UUID.randomUUID().toString().substring(0, 8);
        // A region of its own: other tests give the import tests' region real help.
        String region = region();
        Map<String, byte[]> files = campaignFiles(slug, "Go the safe way.", "Call {help.phone}.");
        String yaml = slug + "/campaign.yaml";
        files.put(yaml, new String(files.get(yaml), StandardCharsets.UTF_8)
                .replace("region: " + IMPORT_REGION, "region: " + region).getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(admin()).header("Accept-Language", "fr").contentType("application/zip")
                .body(zip(files))
                .when().post("/campaigns/api/import/campaigns?dryRun=true")
                .then().statusCode(200)
                .body("campaigns[0].publishing", hasItem(containsString("serves ZZ/" + region + " × fr")))
                .body("campaigns[0].publishingText", hasItem("aucune ressource d'aide prise en compte pour la"
                        + " publication ne dessert ZZ/" + region + " × fr"))
                .body("campaigns[0].publishingText", hasItem(startsWith("support « sms » (en) : {help.phone} n'est"
                        + " pas un espace réservé d'aide")));
    }

    @Test
    void aZipLimitNamesTheContentArchiveInTheReadersLanguage() {
        Map<String, byte[]> files = campaignFiles(slug(), "Go the safe way.", "Keep your passport.");
        files.put("padding/zeros.md", new byte[8 * 1024 * 1024]);
        byte[] archive = zip(files);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> ContentArchive.read(new ByteArrayInputStream(archive), limits.archive()));
        assertTrue(refused.getMessage().contains("the limit for one file of a content archive"), refused.getMessage());
        assertTrue(refused.text("fr").contains("la limite pour un fichier d'une archive de contenu"),
                refused.text("fr"));
        assertTrue(refused.text("ar").contains("أرشيف محتوى"), refused.text("ar"));
    }

    private static String slugOf(long helpId) {
        return given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/help/" + helpId)
                .then().statusCode(200).extract().path("slug");
    }
}
