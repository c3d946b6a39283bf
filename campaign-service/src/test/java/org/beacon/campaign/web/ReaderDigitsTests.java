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
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.campaign.survey.SurveyFixtures;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Numbers in messages are written in the reader's digits: Arabic-Indic on Arabic pages (issue 14). */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class ReaderDigitsTests {

    @Test
    void theVersionOfACampaignIsNumberedInArabicDigitsOnItsPageAndInTheReviewQueue() {
        String author = author(NATIONAL);
        long id = campaign(author, slug(), "en");
        settings(author, id, "en", "ZZ/" + region()).statusCode(200);
        text(author, id, "en", "Safe journeys", "Leaving is not the only road to success.").statusCode(200);
        given().auth().oauth2(author).header("Accept-Language", "ar").when().get("/campaigns/manage/" + id)
                .then().statusCode(200)
                .body(containsString("الإصدار ١"))
                .body(not(containsString("الإصدار 1")));
        action(author, id, "submit").statusCode(200);
        given().auth().oauth2(reviewer(NATIONAL)).header("Accept-Language", "ar").when().get("/campaigns/manage/review")
                .then().statusCode(200)
                .body(containsString("الإصدار ١"));
        given().auth().oauth2(reviewer(NATIONAL)).header("Accept-Language", "en").when().get("/campaigns/manage/review")
                .then().statusCode(200)
                .body(containsString("Version 1"));
    }

    @Test
    void theSurveyPageCountsItsProblemsInArabicDigitsAndReadsAnArabicNumber() throws IOException {
        String slug = SurveyFixtures.shippedSurvey("digits");
        // Numbers follow the page's language: the survey opened in Arabic, from an Arabic or a French browser.
        for (String browser : new String[] { "ar", "fr" }) {
            String page = given().redirects().follow(false).header("Accept-Language", browser)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("_key", UUID.randomUUID().toString()).formParam("_lang", "ar")
                    .formParam("q.people_told", "١٢")
                    .when().post("/campaigns/public/surveys/" + slug + "/endline")
                    .then().extract().asString();
            Matcher problems = Pattern.compile("<p class=\"problem\" role=\"alert\">([^<]*)</p>").matcher(page);
            assertTrue(problems.find(), page);
            assertTrue(problems.group(1).matches("[^0-9]*[\u0660-\u0669]+[^0-9]*"), browser + ": " + problems.group(1));
            // The Arabic-Indic number was read, and is shown back as the reader wrote it, not refused.
            assertTrue(page.contains("name=\"q.people_told\" value=\"١٢\""), page);
        }
    }
}
