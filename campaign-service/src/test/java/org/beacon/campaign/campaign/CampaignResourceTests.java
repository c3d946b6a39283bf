package org.beacon.campaign.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class CampaignResourceTests {

    static final String NATIONAL = "national-coordination";
    static final String NGO = "civil-society-ngo";

    static String manager(String org) {
        return TestTokens.token("manon-" + org, org, "campaign-manager");
    }

    static long create(String token, String slug) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "title", "Safe journeys " + slug, "defaultLanguage", "fr"))
                .when().post("/campaigns/api/campaigns")
                .then().statusCode(201)
                .extract().<Integer>path("id").longValue();
    }

    static String slug() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void withoutATokenTheListIs401() {
        given().when().get("/campaigns/api/campaigns").then().statusCode(401);
    }

    @Test
    void aTraineeIsRefused() {
        given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee"))
                .when().get("/campaigns/api/campaigns")
                .then().statusCode(403);
    }

    @Test
    void aCampaignBelongsToTheCreatorsOrganizationWhateverTheRequestSays() {
        long id = create(manager(NATIONAL), slug());
        given().auth().oauth2(manager(NATIONAL))
                .when().get("/campaigns/api/campaigns/" + id)
                .then().statusCode(200)
                .body("organization", equalTo(NATIONAL))
                .body("status", equalTo("draft"));
    }

    @Test
    void aManagerOfAnotherOrganizationGets403OnTheCampaignAndDoesNotSeeItListed() {
        String slug = slug();
        long id = create(manager(NATIONAL), slug);

        given().auth().oauth2(manager(NGO))
                .when().get("/campaigns/api/campaigns/" + id)
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(manager(NGO))
                .when().get("/campaigns/api/campaigns")
                .then().statusCode(200)
                .body("campaigns.slug", not(hasItem(slug)))
                .body("campaigns.organization", everyItem(equalTo(NGO)))
                .body("user.organization", equalTo(NGO));
    }

    @Test
    void anAdminSeesEveryOrganization() {
        String slug = slug();
        create(manager(NGO), slug);
        given().auth().oauth2(TestTokens.token("ada", NATIONAL, "admin"))
                .when().get("/campaigns/api/campaigns")
                .then().statusCode(200)
                .body("campaigns.slug", hasItem(slug));
    }

    @Test
    void anEvaluatorMayReadButNotCreate() {
        given().auth().oauth2(TestTokens.token("eve", NATIONAL, "evaluator")).contentType(ContentType.JSON)
                .body(Map.of("slug", slug(), "title", "x", "defaultLanguage", "en"))
                .when().post("/campaigns/api/campaigns")
                .then().statusCode(403);
    }

    @Test
    void invalidInputIs400WithTheFieldsNamedAndCreatesNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> Campaign.count());
        given().auth().oauth2(manager(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("slug", "Not A Slug!", "title", "", "defaultLanguage", "english language"))
                .when().post("/campaigns/api/campaigns")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasItem(containsString("slug")))
                .body("errors", hasItem(containsString("title")))
                .body("errors", hasItem(containsString("defaultLanguage")));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Campaign.count()));
    }

    @Test
    void aDuplicateAddressIs409() {
        String slug = slug();
        create(manager(NATIONAL), slug);
        given().auth().oauth2(manager(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "title", "Again", "defaultLanguage", "en"))
                .when().post("/campaigns/api/campaigns")
                .then().statusCode(409);
    }

    @Test
    void theManagePageShowsTheSignedInManagerAndOnlyTheirOrganization() {
        String mine = slug();
        String theirs = slug();
        create(manager(NATIONAL), mine);
        create(manager(NGO), theirs);
        given().auth().oauth2(manager(NATIONAL))
                .when().get("/campaigns/manage")
                .then().statusCode(200)
                .body(containsString("Manon-national-coordination Tester"))
                .body(containsString("Safe journeys " + mine))
                .body(not(containsString("Safe journeys " + theirs)));
    }

    @Test
    void aTraineeGetsAReadable403PageOnTheManagePage() {
        given().auth().oauth2(TestTokens.token("tina", "police-academy", "trainee"))
                .when().get("/campaigns/manage")
                .then().statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("Not allowed"));
    }

    @Test
    void aUserWithoutOrganizationCannotSeeOrganizationScopedLists() {
        given().auth().oauth2(TestTokens.token("nobody", null, "campaign-manager"))
                .when().get("/campaigns/api/campaigns")
                .then().statusCode(403)
                .body("detail", equalTo("Your account belongs to no organization."))
                .body("errors", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aTitleLosesCharactersThatReorderOrHideText() {
        String slug = slug();
        given().auth().oauth2(manager(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "title", "Safe\u202E journeys\u200B\uFEFF", "defaultLanguage", "en"))
                .when().post("/campaigns/api/campaigns")
                .then().statusCode(201)
                .body("title", equalTo("Safe journeys"));
    }

    @Test
    void aNulInAJsonTextIsA400AndNothingIsStored() {
        String slug = slug();
        given().auth().oauth2(manager(NATIONAL)).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"title\":\"Safe\\u0000journeys\",\"defaultLanguage\":\"en\"}")
                .when().post("/campaigns/api/campaigns")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("U+0000"));
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/api/campaigns")
                .then().statusCode(200)
                .body("slug", not(hasItem(slug)));
    }
}
