package org.beacon.campaign.publicpage;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.approvedCampaign;
import static org.beacon.campaign.campaign.CampaignFixtures.approvedVariant;
import static org.beacon.campaign.campaign.CampaignFixtures.help;
import static org.beacon.campaign.campaign.CampaignFixtures.publishedCampaign;
import static org.beacon.campaign.campaign.CampaignFixtures.region;
import static org.beacon.campaign.campaign.CampaignFixtures.reviewer;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.campaign.campaign.CampaignFixtures;
import org.beacon.campaign.survey.SurveyFixtures;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** What a reader of a public campaign page can do with it: call the hotline, answer the survey, read every material. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class PublicCampaignReadingTests {

    private static String publicPage(String slug, String language) {
        return given().when().get("/campaigns/public/" + slug + "/" + language)
                .then().statusCode(200).extract().asString();
    }

    @Test
    void hotlineNumbersAreTelLinksWithTheirDigitsAndPlus() {
        String region = region();
        help(region, Map.of("contact", "+221 (33) 800-00.11 22, free; or 116 (8:00-18:00 on 06/12)",
                "languages", List.of("en", "fr")));
        String slug = slug();
        long id = approvedCampaign(slug, region);
        CampaignFixtures.action(reviewer(NATIONAL), id, "publish").statusCode(200);

        String html = publicPage(slug, "en");
        assertTrue(html.contains("<a href=\"tel:+22133800001122\" class=\"tel\">+221 (33) 800-00.11 22</a>, free; or "
                + "<a href=\"tel:116\" class=\"tel\">116</a> (8:00-18:00 on 06/12)"), html);
    }

    @Test
    void theSurveyLinkSaysWhatItDoesInTheReadersLanguage() {
        String slug = slug();
        long id = publishedCampaign(slug);
        long survey = SurveyFixtures.importXlsx(SurveyFixtures.manager(NATIONAL), id,
                SurveyFixtures.evaluationForm("pub_" + slug.replace('-', '_')))
                .then().statusCode(201).extract().<Integer>path("survey.id").longValue();
        SurveyFixtures.openWave(NATIONAL, survey, Wave.CONTINUOUS);

        String english = publicPage(slug, "en");
        assertTrue(english.contains("class=\"button\" aria-describedby=\"survey-1\">Answer the survey</a>"), english);
        assertTrue(english.contains("<span id=\"survey-1\">"), english);
        assertTrue(publicPage(slug, "fr").contains(">Répondre à l’enquête</a>"));
    }

    @Test
    void aMaterialWithoutATranslationIsShownInItsOwnLanguageAndMarked() {
        String slug = PublicCampaignPageTests.publishedInThreeLanguages(region(), region());
        long id = given().auth().oauth2(reviewer(NATIONAL)).when().get("/campaigns/api/campaigns")
                .then().extract().<Integer>path("campaigns.find { it.slug == '" + slug + "' }.id").longValue();
        String french = approvedVariant(id, "leaflet", "fr", "Vérifie chaque offre d'emploi.");
        given().auth().oauth2(reviewer(NATIONAL)).when().post(french + "/publish").then().statusCode(200);
        String everywhere = approvedVariant(id, "sms", "en", "Check every job offer.");
        given().auth().oauth2(reviewer(NATIONAL)).when().post(everywhere + "/publish").then().statusCode(200);

        String english = publicPage(slug, "en");
        assertTrue(english.contains("<article class=\"card\" lang=\"fr\" dir=\"ltr\">\n"
                + "<p class=\"only-in\" lang=\"en\" dir=\"ltr\">Only in French</p>"), english);
        assertTrue(english.contains("Vérifie chaque offre d"), english);
        assertTrue(english.matches("(?s).*<article class=\"card\">\\s*<h3>SMS</h3>.*"), "the English material is not marked");

        String arabic = publicPage(slug, "ar");
        assertTrue(arabic.contains("<p class=\"only-in\" lang=\"ar\" dir=\"rtl\">باللغة الفرنسية فقط</p>"), arabic);
        assertTrue(arabic.contains("<p class=\"only-in\" lang=\"ar\" dir=\"rtl\">باللغة الإنجليزية فقط</p>"), arabic);

        String frenchPage = publicPage(slug, "fr");
        assertTrue(frenchPage.contains("Vérifie chaque offre"), frenchPage);
        assertTrue(frenchPage.contains("<p class=\"only-in\" lang=\"fr\" dir=\"ltr\">Seulement en anglais</p>"), frenchPage);
        assertFalse(frenchPage.contains("Seulement en français"), frenchPage);
    }
}
