package org.beacon.campaign.web;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.campaign;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A refused form field is named by its label and explained in the reader's language, the value kept as typed; the
 * API keeps bean validation's English with the record's field name (issue 14, point 1).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class FieldRefusalPagesTests {

    @Test
    void aNewCampaignWithABadAddressIsRefusedInFrenchNamingTheField() {
        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "fr").contentType(ContentType.URLENC)
                .redirects().follow(false)
                .formParam("slug", "Pas Une Adresse").formParam("title", "Titre tapé")
                .formParam("defaultLanguage", "fr")
                .when().post("/campaigns/manage")
                .then().statusCode(400)
                .body(containsString("Adresse : « Pas Une Adresse » : utilisez des minuscules, des chiffres et des tirets"))
                .body(not(containsString("slug:")))
                .body(containsString("value=\"Titre tapé\""));
        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body(Map.of("slug", "Pas Une Adresse", "title", "Titre", "defaultLanguage", "fr"))
                .when().post("/campaigns/api/campaigns")
                .then().statusCode(400)
                .body("errors", hasItem("slug: use lower-case letters, digits and dashes"));
    }

    @Test
    void settingsWithAPeriodEndingBeforeItStartsAreRefusedInArabicAndFrench() {
        long id = campaign(author(NATIONAL), slug(), "en");
        for (String[] language : new String[][] {
                { "ar", "الفترة: لا يمكن أن تنتهي الفترة قبل أن تبدأ" },
                { "fr", "Période : la période ne peut pas finir avant de commencer" } }) {
            given().auth().oauth2(author(NATIONAL)).header("Accept-Language", language[0])
                    .contentType(ContentType.URLENC).redirects().follow(false)
                    .formParam("defaultLanguage", "en").formParam("channels", "radio").formParam("places", "ZZ")
                    .formParam("periodStart", "2027-03-01").formParam("periodEnd", "2027-01-01")
                    .when().post("/campaigns/manage/" + id + "/settings")
                    .then().statusCode(400)
                    .body(containsString(language[1]))
                    .body(not(containsString("periodOrdered")));
        }
    }

    @Test
    void aHelpEntryWithABadCountryAndAFutureCheckIsRefusedInArabic() {
        given().auth().oauth2(author(NATIONAL)).header("Accept-Language", "ar").contentType(ContentType.URLENC)
                .redirects().follow(false)
                .formParam("slug", "field-refusal-help").formParam("kind", "hotline").formParam("country", "Senegal")
                .formParam("languages", "ar").formParam("names", "ar: خط المساعدة")
                .formParam("contact", "116").formParam("lastVerified", "2999-01-01")
                .when().post("/campaigns/manage/help")
                .then().statusCode(400)
                .body(containsString("البلد: «Senegal» ليس رمز بلد من حرفين وفق ISO 3166"))
                .body(containsString("آخر تحقق: التاريخ"))
                .body(containsString("في المستقبل"))
                .body(not(containsString("country:")))
                .body(not(containsString("lastVerified:")));
        given().auth().oauth2(author(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("slug", "field-refusal-help", "kind", "hotline", "country", "Senegal",
                        "languages", List.of("ar"), "names", Map.of("ar", "خط"), "contact", "116",
                        "active", true, "demo", false))
                .when().post("/campaigns/api/help")
                .then().statusCode(400)
                .body("errors", hasItem("country: must be an ISO 3166 two-letter country code"));
    }
}
