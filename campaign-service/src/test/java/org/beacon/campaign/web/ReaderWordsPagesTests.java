package org.beacon.campaign.web;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.COUNTRY;
import static org.beacon.campaign.campaign.CampaignFixtures.FULL_CHECKLIST;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.action;
import static org.beacon.campaign.campaign.CampaignFixtures.approve;
import static org.beacon.campaign.campaign.CampaignFixtures.approvedVariant;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.campaign;
import static org.beacon.campaign.campaign.CampaignFixtures.helpResource;
import static org.beacon.campaign.campaign.CampaignFixtures.region;
import static org.beacon.campaign.campaign.CampaignFixtures.reviewer;
import static org.beacon.campaign.campaign.CampaignFixtures.settings;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.beacon.campaign.campaign.CampaignFixtures.text;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.beacon.campaign.survey.SurveyFixtures;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * What a new reader met in English, raw or incomplete on pages of other languages (issue 14): titles, question types,
 * counts, the help block of the survey pages, the material preview and the public radio script, the 404 of a
 * language a campaign lacks.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class ReaderWordsPagesTests {

    /** A campaign published in English, French and Arabic for a region of ZZ, its titles unique to it. */
    private static long published(String slug, String region) {
        String author = author(NATIONAL);
        long id = campaign(author, slug, "en");
        settings(author, id, "en", COUNTRY + "/" + region).statusCode(200);
        text(author, id, "en", "Safe " + slug, "Leaving is not the only road to success.").statusCode(200);
        text(author, id, "fr", "Sûr " + slug, "Partir n'est pas le seul chemin vers la réussite.").statusCode(200);
        text(author, id, "ar", "آمن " + slug, "الرحيل ليس الطريق الوحيد إلى النجاح").statusCode(200);
        action(author, id, "submit").statusCode(200);
        approve(reviewer(NATIONAL), id, FULL_CHECKLIST).statusCode(200);
        helpResource(author, COUNTRY, region, true, "en", "fr", "ar");
        action(reviewer(NATIONAL), id, "publish").statusCode(200);
        return id;
    }

    @Test
    void listsNameCampaignsInTheReadersLanguageWhereATranslationExists() {
        String slug = slug();
        long id = published(slug, region());
        given().header("Accept-Language", "ar").when().get("/campaigns/public")
                .then().statusCode(200)
                .body(containsString(">آمن " + slug + "</a>"))
                .body(not(containsString("Safe " + slug)));
        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "fr").when().get("/campaigns/manage")
                .then().statusCode(200)
                .body(containsString(">Sûr " + slug + "</a>"))
                .body(not(containsString("Safe " + slug)));
        // A language the campaign lacks: its default-language title, marked as in that language.
        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "es").when().get("/campaigns/manage")
                .then().statusCode(200)
                .body(containsString("lang=\"en\">Safe " + slug + "</a>"));
        SurveyFixtures.importXlsx(SurveyFixtures.manager(NATIONAL), id,
                SurveyFixtures.evaluationForm("titles_" + UUID.randomUUID().toString().substring(0, 8)))
                .then().statusCode(201);
        given().auth().oauth2(SurveyFixtures.manager(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/surveys")
                .then().statusCode(200)
                .body(containsString("<td>Sûr " + slug + "</td>"));
    }

    @Test
    void aLanguageTheCampaignLacksIsA404LinkingTheLanguagesItHas() {
        String slug = slug();
        published(slug, region());
        given().header("Accept-Language", "ar").when().get("/campaigns/public/" + slug + "/pt")
                .then().statusCode(404)
                .body(containsString("dir=\"rtl\""))
                .body(containsString("هذه الحملة غير منشورة باللغة «pt». اقرأها باللغة:"))
                .body(containsString("href=\"/campaigns/public/" + slug + "/en\""))
                .body(containsString("href=\"/campaigns/public/" + slug + "/fr\""))
                .body(containsString("href=\"/campaigns/public/" + slug + "/ar\""));
    }

    @Test
    void theSurveyPagesShowTheCampaignsHelpAndNameQuestionTypesInFrench() {
        String slug = slug();
        long campaign = published(slug, region());
        long survey = SurveyFixtures.importXlsx(SurveyFixtures.manager(NATIONAL), campaign,
                SurveyFixtures.evaluationForm("help_" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_')))
                .then().statusCode(201).extract().<Integer>path("survey.id").longValue();
        SurveyFixtures.openWave(NATIONAL, survey, Wave.BASELINE);
        String address = "/campaigns/public/surveys/" + SurveyFixtures.slug(survey) + "/baseline";
        given().when().get(address + "?lang=fr&k=" + UUID.randomUUID())
                .then().statusCode(200)
                .body(containsString("Où trouver de l’aide"))
                .body(containsString("<strong>Ligne de test</strong>"))
                .body(containsString("Dial the test line"));
        given().when().get(address + "/thanks?lang=fr")
                .then().statusCode(200)
                .body(containsString("Où trouver de l’aide"))
                .body(containsString("<strong>Ligne de test</strong>"));
        given().auth().oauth2(SurveyFixtures.manager(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/surveys/" + survey)
                .then().statusCode(200)
                .body(containsString("age_band · choix unique · Profil : tranche d’âge"))
                .body(containsString("l1 · échelle de Likert 1–5"))
                .body(containsString("people_told · nombre entier"))
                .body(containsString("heard_from · choix multiple"))
                .body(not(containsString("· single")))
                .body(not(containsString("· integer")));
    }

    @Test
    void anArabicCountTakesItsPluralFormAndLanguagesAreJoinedWithTheArabicComma() {
        long survey = SurveyFixtures.evaluationSurvey(NATIONAL, "plural_" + UUID.randomUUID().toString()
                .substring(0, 8), Wave.BASELINE);
        StringBuilder csv = new StringBuilder("age_band,gender,k1,l1\n");
        for (int i = 0; i < 13; i++) {
            csv.append("age_15_24,woman,yes,3\n");
        }
        given().auth().oauth2(SurveyFixtures.manager(NATIONAL)).header("Accept-Language", "ar")
                .multiPart("wave", "baseline")
                .multiPart("file", "a.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/campaigns/surveys/" + survey + "/answers")
                .then().statusCode(200)
                .body(containsString("حُفظت ١٣ إجابة؛"));

        String slug = slug();
        String region = region();
        published(slug, region);
        // help at the place speaking only Wolof and Fula besides: named in Arabic, joined with "، "
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("slug", "wo-" + UUID.randomUUID().toString().substring(0, 8), "kind", "referral",
                        "country", COUNTRY, "region", region, "languages", java.util.List.of("wo", "ff"),
                        "names", Map.of("wo", "Ndimbal"), "contact", "Ask at the town hall", "active", true,
                        "demo", false))
                .when().post("/campaigns/api/help").then().statusCode(201);
        given().when().get("/campaigns/public/" + slug + "/ar")
                .then().statusCode(200)
                .body(matchesRegex("(?s).*<p class=\"also-in\">[^<,]*الولوفية[^<,]*</p>.*"))
                .body(matchesRegex("(?s).*<p class=\"also-in\">[^<]*، [^<]*</p>.*"));
    }

    @Test
    void thePreviewFillsHelpAsThePublicPageWouldAndTheRadioScriptsProductionNoteStaysWithStaff() {
        String slug = slug();
        String region = region();
        long id = published(slug, region);
        String script = approvedVariant(id, "radio-script", "en",
                "*Production note: about 60 seconds, two neighbours and a presenter.*\n\n"
                        + "**PRESENTER:** Call {help.hotline.name} on {help.hotline.contact}.\n\n"
                        + "**PRESENTER:** Or ask {help.shelter.name}.");
        given().auth().oauth2(reviewer(NATIONAL)).when().post(script + "/publish").then().statusCode(409);
        String material = script.replaceAll(".*/materials/([^/]+)/variants/.*", "$1");
        given().auth().oauth2(author(NATIONAL)).when()
                .get("/campaigns/manage/materials/" + id + "/" + material + "/en")
                .then().statusCode(200)
                .body(containsString("Call Test hotline on Dial the test line."))
                .body(containsString("<mark class=\"to-fill\">{help.shelter.name}</mark>"))
                .body(containsString(COUNTRY + "/" + region))
                .body(containsString("Production note"));

        String spoken = approvedVariant(id, "radio-script", "en",
                "*Production note: about 60 seconds, two neighbours and a presenter.*\n\n"
                        + "**PRESENTER:** Domestic work is real work. Call {help.hotline.contact}.");
        given().auth().oauth2(reviewer(NATIONAL)).when().post(spoken + "/publish").then().statusCode(200);
        given().when().get("/campaigns/public/" + slug + "/en")
                .then().statusCode(200)
                .body(containsString("Domestic work is real work. Call Dial the test line."))
                .body(not(containsString("Production note")));
    }
}
