package org.beacon.campaign.campaign;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.admin;
import static org.beacon.campaign.campaign.CampaignImportResourceTests.campaignFiles;
import static org.beacon.campaign.campaign.CampaignImportResourceTests.counts;
import static org.beacon.campaign.campaign.CampaignImportResourceTests.zip;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The campaign import's report and refusals are said in the request's language beside the English and the codes the
 * API always gives (issue 14): {@code outcomeText} and {@code changesText} beside {@code outcome} and
 * {@code changes}; {@code detailText} and {@code errorsText} beside problem+json's {@code detail} and
 * {@code errors}, a YAML parser's English sentence replaced by the place of the problem.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class CampaignImportLanguageTests {

    private static ValidatableResponse importIn(String language, byte[] zip, boolean dryRun) {
        return given().auth().oauth2(admin()).header("Accept-Language", language).contentType("application/zip")
                .body(zip).when().post("/campaigns/api/import/campaigns" + (dryRun ? "?dryRun=true" : "")).then();
    }

    private static String slug() {
        return "import-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theReportSaysWhatWasWrittenInFrenchBesideTheEnglishAndTheCodes() {
        String slug = slug();

        importIn("fr", zip(campaignFiles(slug, "Go the safe way.", "Keep your passport.")), false)
                .statusCode(200)
                .body("campaigns[0].outcome", equalTo("created"))
                .body("campaigns[0].outcomeText", equalTo("créée"))
                .body("campaigns[0].changes", hasItem("campaign version 1"))
                .body("campaigns[0].changes", hasItem("sms fr variant 1"))
                .body("campaigns[0].changesText", hasItem("version 1 de la campagne"))
                .body("campaigns[0].changesText", hasItem("support « sms », variante fr n° 1"));
        importIn("fr", zip(campaignFiles(slug, "Go the safe way, with a contract.", "Keep your passport.")), false)
                .statusCode(200)
                .body("campaigns[0].outcome", equalTo("updated-draft"))
                .body("campaigns[0].outcomeText", equalTo("brouillon mis à jour"))
                .body("campaigns[0].changesText", equalTo(List.of("version 1 de la campagne")));
        importIn("ar", zip(campaignFiles(slug, "Go the safe way, with a contract.", "Keep your passport.")), true)
                .statusCode(200)
                .body("campaigns[0].outcome", equalTo("unchanged"))
                .body("campaigns[0].outcomeText", equalTo("دون تغيير"))
                .body("campaigns[0].changesText", equalTo(List.of()));
    }

    @Test
    void aRefusedImportListsItsProblemsInArabicAndTheEnglishStays() {
        Map<String, byte[]> files = campaignFiles(slug(), "Fine.", "Fine.");
        files.put("broken/campaign.yaml", "slug: Not A Slug\norganization: x\ndefaultLanguage: en\ntitle: {en: ''}\n"
                .getBytes(StandardCharsets.UTF_8));
        List<Long> before = counts();

        importIn("ar", zip(files), true)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The content was not imported; nothing changed."))
                .body("detailText", equalTo("لم يُستورد المحتوى؛ لم يتغير شيء."))
                .body("errors", hasItem("broken/campaign.yaml: slug: use lower-case letters, digits and dashes"))
                .body("errorsText", hasItem("broken/campaign.yaml: slug: استخدم أحرفًا لاتينية صغيرة وأرقامًا وشرطات"))
                .body("errorsText", hasItem("broken/campaign.yaml: title: القيمة مطلوبة"))
                .body("errorsText", not(hasItem(containsString("must not be blank"))));
        importIn("ar", zip(files), false).statusCode(400);
        assertEquals(before, counts());
    }

    @Test
    void aYamlFileThatCannotBeReadIsPlacedInFrenchWithoutTheParsersEnglish() {
        Map<String, byte[]> files = campaignFiles(slug(), "Fine.", "Fine.");
        files.put("bad/campaign.yaml", "slug: bad\ntitle: {en: \"open\n  fr: x\n".getBytes(StandardCharsets.UTF_8));
        List<Long> before = counts();

        importIn("fr", zip(files), false)
                .statusCode(400)
                .body("detailText", equalTo("Le contenu n'a pas été importé ; rien n'a changé."))
                .body("errors", hasItem(startsWith("bad/campaign.yaml: not valid YAML: ")))
                .body("errorsText", hasItem(matchesPattern("bad/campaign\\.yaml : YAML non valide à la ligne \\d+,"
                        + " colonne \\d+ : vérifiez l'indentation et les guillemets à cet endroit")));
        assertEquals(before, counts());
    }

    @Test
    void aRefusedHelpImportListsItsProblemsInFrenchBesideTheEnglish() {
        byte[] zip = zip(Map.of("help/ZZ.yaml", "country: ZZ\nresources:\n  - slug: x\n    kind: embassy\n"
                .getBytes(StandardCharsets.UTF_8)));
        List<Long> before = counts();

        given().auth().oauth2(admin()).header("Accept-Language", "fr").contentType("application/zip").body(zip)
                .when().post("/campaigns/api/import/help").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasItem("help/ZZ.yaml x: kind: must be hotline, shelter or referral"))
                .body("errorsText", hasItem("help/ZZ.yaml x : kind : doit être hotline, shelter ou referral"))
                .body("errorsText", hasItem("help/ZZ.yaml x : contact : une valeur est obligatoire"))
                .body("errorsText", not(hasItem(containsString("must not be blank"))))
                .body("detailText", equalTo("Les ressources d'aide n'ont pas été importées ; rien n'a changé."));
        assertEquals(before, counts());
    }
}
