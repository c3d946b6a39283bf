package org.beacon.campaign.campaign;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.FULL_CHECKLIST;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.action;
import static org.beacon.campaign.campaign.CampaignFixtures.admin;
import static org.beacon.campaign.campaign.CampaignFixtures.approve;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.helpResource;
import static org.beacon.campaign.campaign.CampaignFixtures.reviewer;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.campaign.audit.AuditEntry;
import org.beacon.campaign.help.HelpResource;
import org.beacon.campaign.material.MaterialVariant;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class CampaignImportResourceTests {

    /** The repository's shipped content, next to this module. */
    static final Path CONTENT = Path.of("..", "content");

    static byte[] zipOf(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                entries.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            return zip(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static io.restassured.response.ValidatableResponse importZip(String what, byte[] zip) {
        return given().auth().oauth2(admin()).contentType("application/zip").body(zip)
                .when().post("/campaigns/api/import/" + what).then();
    }

    /** Where the test campaigns are: a place of their own, whose real help the tests that publish add. */
    static final String IMPORT_REGION = "Import-tests";

    static String campaignYaml(String slug, String keyMessage) {
        return """
                slug: %s
                organization: national-coordination
                defaultLanguage: en
                languages: [en, fr]
                title: {en: "Safe journeys test", fr: "Parcours sûrs test"}
                keyMessages:
                  - {en: "%s", fr: "Vérifie chaque offre."}
                objectives: {en: "Objectives", fr: "Objectifs"}
                targetGroups: [young-people]
                places: [{country: ZZ, region: %s}]
                channels: [radio]
                period: {start: 2027-02-01, end: 2027-07-31}
                sources: ["(000 L5866)"]
                materials:
                  - slug: sms
                    type: sms
                    title: {en: "SMS", fr: "SMS"}
                surveys:
                  - slug: ignored-here
                    waves: [baseline]
                """.formatted(slug, keyMessage, IMPORT_REGION);
    }

    static Map<String, byte[]> campaignFiles(String slug, String keyMessage, String smsText) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(slug + "/campaign.yaml", campaignYaml(slug, keyMessage).getBytes(StandardCharsets.UTF_8));
        files.put(slug + "/materials/sms.en.md", ("# SMS\n\n" + smsText).getBytes(StandardCharsets.UTF_8));
        files.put(slug + "/materials/sms.fr.md", "# SMS\n\nVérifie l'offre.".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    static long count(Class<?> entity) {
        return QuarkusTransaction.requiringNew().call(() -> switch (entity.getSimpleName()) {
            case "Campaign" -> Campaign.count();
            case "CampaignVersion" -> CampaignVersion.count();
            case "MaterialVariant" -> MaterialVariant.count();
            case "HelpResource" -> HelpResource.count();
            default -> AuditEntry.count();
        });
    }

    static List<Long> counts() {
        return Stream.of(Campaign.class, CampaignVersion.class, MaterialVariant.class, HelpResource.class,
                AuditEntry.class).map(CampaignImportResourceTests::count).toList();
    }

    @Test
    void theShippedContentImportsAndImportingItAgainChangesNothing() {
        importZip("help", zipOf(CONTENT.resolve("help"))).statusCode(200);
        importZip("campaigns", zipOf(CONTENT.resolve("campaigns"))).statusCode(200);
        List<Long> before = counts();

        importZip("help", zipOf(CONTENT.resolve("help")))
                .statusCode(200)
                .body("created", empty())
                .body("updated", empty())
                .body("unchanged", hasItem("sn-demo-hotline"));
        importZip("campaigns", zipOf(CONTENT.resolve("campaigns")))
                .statusCode(200)
                .body("campaigns.slug", hasItem("safe-journeys"))
                .body("campaigns.outcome", everyItem(equalTo("unchanged")))
                .body("campaigns.changes.flatten()", empty());
        assertEquals(before, counts());
    }

    @Test
    void theShippedCampaignKeepsItsLanguagesPlacesAndMaterialsButItsDemoHelpOpensNoGate() {
        importZip("help", zipOf(CONTENT.resolve("help"))).statusCode(200);
        importZip("campaigns", zipOf(CONTENT.resolve("campaigns"))).statusCode(200);
        long id = QuarkusTransaction.requiringNew().call(() -> Campaign.bySlug("safe-journeys").orElseThrow().id);

        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/campaigns/" + id)
                .then().statusCode(200)
                .body("organization", equalTo(NATIONAL))
                .body("current.languages", equalTo(List.of("en", "fr", "es", "pt", "ar")))
                .body("current.places.label", equalTo(List.of("SN")))
                .body("current.translations.find { it.language == 'ar' }.keyMessages", hasSize(4))
                // The shipped help is demo data: in a real installation it opens no gate (the demo stack's does).
                .body("current.missingHelp", hasItem("SN × en (only demo help)"))
                .body("current.missingHelp", hasSize(5));
        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/campaigns/" + id + "/materials")
                .then().statusCode(200)
                .body("slug", hasItem("radio-spot"))
                .body("find { it.slug == 'radio-spot' }.kind", equalTo("radio-script"))
                .body("find { it.slug == 'radio-spot' }.variants", hasSize(5))
                .body("find { it.slug == 'radio-spot' }.variants.find { it.language == 'en' }.title",
                        equalTo("Radio spot: staying or going, choose with care"))
                .body("find { it.slug == 'radio-spot' }.variants.find { it.language == 'en' }.bodyMarkdown",
                        not(startsWith("#")))
                .body("find { it.slug == 'radio-spot' }.variants.find { it.language == 'fr' }.translationStatus",
                        equalTo("translated"));
    }

    @Test
    void changedContentBecomesANewDraftAndThePublishedTextStays() {
        importZip("help", zipOf(CONTENT.resolve("help"))).statusCode(200);
        String slug = "import-" + UUID.randomUUID().toString().substring(0, 8);
        importZip("campaigns", zip(campaignFiles(slug, "Go the safe way.", "Keep your passport.")))
                .statusCode(200)
                .body("campaigns[0].outcome", equalTo("created"));
        long id = QuarkusTransaction.requiringNew().call(() -> Campaign.bySlug(slug).orElseThrow().id);

        helpResource(author(NATIONAL), "ZZ", IMPORT_REGION, true, "en", "fr");
        // Imported by the admin, so a campaign manager may approve it.
        action(admin(), id, "submit").statusCode(200);
        approve(reviewer(NATIONAL), id, FULL_CHECKLIST).statusCode(200);
        action(reviewer(NATIONAL), id, "publish").statusCode(200);
        for (String language : List.of("en", "fr")) {
            String variant = "/campaigns/api/campaigns/" + id + "/materials/sms/variants/" + language + "/";
            given().auth().oauth2(admin()).when().post(variant + "submit").then().statusCode(200);
            given().auth().oauth2(reviewer(NATIONAL)).contentType("application/json").body(FULL_CHECKLIST)
                    .when().post(variant + "approve").then().statusCode(200);
            given().auth().oauth2(reviewer(NATIONAL)).when().post(variant + "publish").then().statusCode(200);
        }

        importZip("campaigns", zip(campaignFiles(slug, "Go the safe way, with a contract.", "Keep your own passport.")))
                .statusCode(200)
                .body("campaigns[0].outcome", equalTo("new-version"))
                .body("campaigns[0].changes", equalTo(List.of("campaign version 2", "sms en variant 2")));

        given().auth().oauth2(author(NATIONAL)).when().get("/campaigns/api/campaigns/" + id)
                .then().body("published.number", equalTo(1))
                .body("current.number", equalTo(2))
                .body("current.review.status", equalTo("draft"));
        given().when().get("/campaigns/public/" + slug + "/en")
                .then().statusCode(200)
                .body(containsString("Go the safe way."))
                .body(containsString("Keep your passport."))
                .body(not(containsString("with a contract")));

        importZip("campaigns", zip(campaignFiles(slug, "Go the safe way, with a contract.", "Keep your own passport.")))
                .statusCode(200)
                .body("campaigns[0].outcome", equalTo("unchanged"));
    }

    @Test
    void aBadFileImportsNothingAndSaysWhereTheProblemIs() {
        String good = "import-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, byte[]> files = campaignFiles(good, "Fine.", "Fine.");
        files.put("broken/campaign.yaml", "slug: Not A Slug\norganization: x\ndefaultLanguage: en\ntitle: {en: ''}\n"
                .getBytes(StandardCharsets.UTF_8));
        List<Long> before = counts();

        importZip("campaigns", zip(files))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("nothing changed"))
                .body("errors", hasItem(startsWith("broken/campaign.yaml: slug")))
                .body("errors", hasItem(startsWith("broken/campaign.yaml: title")));
        assertEquals(before, counts());

        importZip("campaigns", "not a zip".getBytes(StandardCharsets.UTF_8)).statusCode(400);
        importZip("help", zip(Map.of("help/ZZ.yaml", "country: ZZ\nresources:\n  - slug: x\n    kind: embassy\n"
                .getBytes(StandardCharsets.UTF_8))))
                .statusCode(400)
                .body("errors", hasItem(containsString("kind")));
    }

    @Test
    void onlyAnAdminImports() {
        given().auth().oauth2(author(NATIONAL)).contentType("application/zip")
                .body(zip(campaignFiles("x-" + UUID.randomUUID().toString().substring(0, 8), "a", "b")))
                .when().post("/campaigns/api/import/campaigns")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.token("eve", NATIONAL, "evaluator")).contentType("application/zip")
                .body(zip(Map.of("help/ZZ.yaml", "country: ZZ".getBytes(StandardCharsets.UTF_8))))
                .when().post("/campaigns/api/import/help")
                .then().statusCode(403);
    }

    @Test
    void aSmallArchiveWhoseFileInflatesFarPastTheLimitIsRefusedWith413AndImportsNothing() {
        List<Long> before = counts();
        Map<String, byte[]> files = campaignFiles(slug(), "Go the safe way.", "Keep your passport.");
        // 8 MB of zeros packs into a few kilobytes; the test limit per file is 1 MB.
        files.put("padding/zeros.md", new byte[8 * 1024 * 1024]);
        byte[] archive = zip(files);
        assertTrue(archive.length < 64 * 1024, "the archive is small: " + archive.length);
        importZip("campaigns", archive)
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("padding/zeros.md unpacks to more than 1 MB, the limit for one file of a"
                        + " content archive"));
        importZip("help", archive).statusCode(413);
        assertEquals(before, counts(), "nothing is imported");
    }

    @Test
    void anArchiveWithAFileNameThatIsNotUtf8IsRefusedWith400() {
        List<Long> before = counts();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Latin-1 "ÿ" (0xFF) can never appear in UTF-8.
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.ISO_8859_1)) {
            zip.putNextEntry(new ZipEntry("c\u00ff/campaign.yaml"));
            zip.write(campaignYaml(slug(), "Go the safe way.").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        importZip("campaigns", bytes.toByteArray())
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("is not valid UTF-8"));
        importZip("help", bytes.toByteArray()).statusCode(400);
        assertEquals(before, counts(), "nothing is imported");
    }

    @Test
    void moreMaterialsThanTheLimitInOneArchiveAreRefusedNamingTheLimit() {
        List<Long> before = counts();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int c = 0; c < 3; c++) {
            String slug = slug();
            String yaml = campaignYaml(slug, "Go the safe way.")
                    .replace("materials:\n  - slug: sms\n    type: sms\n    title: {en: \"SMS\", fr: \"SMS\"}\n",
                            "materials:\n");
            String materials = java.util.stream.IntStream.range(0, 7)
                    .mapToObj(m -> "  - slug: sms-" + m + "\n    type: sms\n").reduce("", String::concat);
            files.put(slug + "/campaign.yaml", yaml.replace("materials:\n", "materials:\n" + materials)
                    .getBytes(StandardCharsets.UTF_8));
        }
        importZip("campaigns", zip(files))
                .statusCode(400)
                .body("errors", hasItem(containsString("materials: the archive names 21 materials, more than 20, the "
                        + "limit (beacon.limits.archive.materials)")));
        assertEquals(before, counts(), "nothing is imported");
    }

    static io.restassured.response.ValidatableResponse dryRun(String what, byte[] zip) {
        return given().auth().oauth2(admin()).contentType("application/zip").body(zip)
                .when().post("/campaigns/api/import/" + what + "?dryRun=true").then();
    }

    @Test
    void aDryRunSaysWhatTheImportWouldDoAndWhatThePublishingGateWouldRefuseAndStoresNothing() {
        String slug = "dry-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> before = counts();
        dryRun("campaigns", zip(campaignFiles(slug, "Go the safe way.", "Call {help.hotline.contact} or {help.phone}.")))
                .statusCode(200)
                .body("campaigns[0].slug", equalTo(slug))
                .body("campaigns[0].outcome", equalTo("created"))
                .body("campaigns[0].publishing", hasItem(containsString("ZZ/" + IMPORT_REGION + " × fr")))
                .body("campaigns[0].publishing", hasItem(startsWith("material 'sms' (en): {help.phone} is not a help "
                        + "placeholder")))
                .body("campaigns[0].publishing", hasItem(startsWith("material 'sms' (en): {help.hotline.contact} for ZZ/"
                        + IMPORT_REGION)));
        String helpSlug = "dry-help-" + UUID.randomUUID().toString().substring(0, 8);
        dryRun("help", zip(Map.of("help/ZZ.yaml", ("country: ZZ\nresources:\n  - slug: " + helpSlug + "\n"
                + "    kind: hotline\n    region: " + IMPORT_REGION + "\n    languages: [en, fr]\n"
                + "    name: {en: Dry hotline}\n    contact: \"Dry run desk\"\n").getBytes(StandardCharsets.UTF_8))))
                .statusCode(200)
                .body("created", equalTo(List.of(helpSlug)));
        assertEquals(before, counts(), "a dry run stores no campaign, version, material, help entry or audit entry");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Campaign.bySlug(slug).isEmpty()));

        importZip("campaigns", zip(campaignFiles(slug, "Go the safe way.", "Keep your passport."))).statusCode(200);
        List<Long> imported = counts();
        dryRun("campaigns", zip(campaignFiles(slug, "Go the safe way, with a contract.", "Keep your passport.")))
                .statusCode(200)
                .body("campaigns[0].outcome", equalTo("updated-draft"));
        assertEquals(imported, counts());
    }

    @Test
    void aDryRunRefusesWhatTheImportRefusesWithTheSameProblems() {
        Map<String, byte[]> files = campaignFiles("dry-" + UUID.randomUUID().toString().substring(0, 8), "Fine.", "Fine.");
        files.put("broken/campaign.yaml", "slug: Not A Slug\norganization: x\ndefaultLanguage: en\ntitle: {en: ''}\n"
                .getBytes(StandardCharsets.UTF_8));
        List<Long> before = counts();
        List<String> dry = dryRun("campaigns", zip(files)).statusCode(400).contentType("application/problem+json")
                .extract().jsonPath().getList("errors", String.class);
        List<String> real = importZip("campaigns", zip(files)).statusCode(400)
                .extract().jsonPath().getList("errors", String.class);
        assertEquals(real, dry);
        assertTrue(dry.stream().anyMatch(e -> e.startsWith("broken/campaign.yaml: slug")), dry.toString());
        assertEquals(before, counts());
    }
}
