package org.beacon.campaign.web;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.action;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.campaign;
import static org.beacon.campaign.campaign.CampaignFixtures.region;
import static org.beacon.campaign.campaign.CampaignFixtures.reviewer;
import static org.beacon.campaign.campaign.CampaignFixtures.settings;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.beacon.campaign.campaign.CampaignFixtures.text;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The service's own refusals on a page are in the reader's language, numbers in the reader's digits; the API keeps
 * its English detail (issue 14).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class RefusalPagesTests {

    @Test
    void aMissingCampaignIsExplainedInFrenchAndArabicAndInEnglishToPrograms() {
        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/manage/987654321")
                .then().statusCode(404)
                .body(containsString("<html lang=\"fr\""))
                .body(containsString("Aucune campagne 987654321."))
                .body(not(containsString("No campaign")));
        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "ar")
                .when().get("/campaigns/manage/987654321")
                .then().statusCode(404)
                .body(containsString("dir=\"rtl\""))
                .body(containsString("لا توجد حملة 987654321."));
        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "fr")
                .when().get("/campaigns/api/campaigns/987654321")
                .then().statusCode(404)
                .body("detail", equalTo("No campaign 987654321."));
    }

    @Test
    void publishingADraftIsRefusedInArabicWithArabicDigits() {
        String slug = slug();
        long id = campaign(author(NATIONAL), slug, "en");
        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "ar")
                .contentType(ContentType.URLENC).redirects().follow(false)
                .when().post("/campaigns/manage/" + id + "/publish")
                .then().statusCode(409)
                .body(containsString("الإصدار ١ من الحملة «" + slug + "»: يجب أن يعتمده مدير حملة ثانٍ قبل النشر."))
                .body(not(containsString("must be approved")));
    }

    @Test
    void approvingOnesOwnCampaignIsRefusedInFrench() {
        String slug = slug();
        String author = author(NATIONAL);
        long id = campaign(author, slug, "en");
        settings(author, id, "en", "ZZ/" + region()).statusCode(200);
        text(author, id, "en", "Safe journeys", "Leaving is not the only road to success.").statusCode(200);
        action(author, id, "submit").statusCode(200);
        given().auth().oauth2(author).header("Accept-Language", "fr")
                .contentType(ContentType.URLENC).redirects().follow(false)
                .formParam("safeAlternatives", "true").formParam("thbSomDistinction", "true")
                .formParam("sensitivity", "true").formParam("noIdentifyingImage", "true")
                .when().post("/campaigns/manage/" + id + "/approve")
                .then().statusCode(403)
                .body(containsString("Accès refusé"))
                .body(containsString("La version 1 de la campagne « " + slug + " » : vous"))
                .body(containsString("(principe des quatre yeux)"))
                .body(not(containsString("four eyes")));
    }

    @Test
    void theUntickedChecklistItemsAreListedInArabicOnTheApprovePageAndInEnglishToPrograms() {
        String author = author(NATIONAL);
        long id = campaign(author, slug(), "en");
        settings(author, id, "en", "ZZ/" + region()).statusCode(200);
        text(author, id, "en", "Safe journeys", "Leaving is not the only road to success.").statusCode(200);
        action(author, id, "submit").statusCode(200);
        given().auth().oauth2(reviewer(NATIONAL)).header("Accept-Language", "ar")
                .contentType(ContentType.URLENC).redirects().follow(false)
                .formParam("safeAlternatives", "true").formParam("thbSomDistinction", "true")
                .when().post("/campaigns/manage/" + id + "/approve")
                .then().statusCode(400)
                .body(containsString("غير مؤكَّد: مراعاة النوع الاجتماعي والأطفال ومجتمع الميم"))
                .body(containsString("غير مؤكَّد: لا صورة تكشف هوية ضحية"))
                .body(not(containsString("not confirmed")));
        given().auth().oauth2(reviewer(NATIONAL)).header("Accept-Language", "ar")
                .contentType(ContentType.JSON).body("{\"safeAlternatives\":true,\"thbSomDistinction\":true}")
                .when().post("/campaigns/api/campaigns/" + id + "/approve")
                .then().statusCode(400)
                .body("errors", equalTo(List.of("not confirmed: gender, child and LGBTI sensitivity",
                        "not confirmed: no identifying image of a victim")));
    }

    @Test
    void whatACampaignLacksForReviewIsListedInFrench() {
        String author = author(NATIONAL);
        long id = campaign(author, slug(), "en");
        given().auth().oauth2(author).header("Accept-Language", "fr")
                .contentType(ContentType.URLENC).redirects().follow(false)
                .when().post("/campaigns/manage/" + id + "/submit")
                .then().statusCode(400)
                .body(containsString("indiquez au moins un lieu où la campagne se déroule"))
                .body(not(containsString("name at least one place")));
    }
}
