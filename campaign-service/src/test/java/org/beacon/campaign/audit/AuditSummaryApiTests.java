package org.beacon.campaign.audit;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.campaign.CampaignFixtures.COUNTRY;
import static org.beacon.campaign.campaign.CampaignFixtures.NATIONAL;
import static org.beacon.campaign.campaign.CampaignFixtures.admin;
import static org.beacon.campaign.campaign.CampaignFixtures.author;
import static org.beacon.campaign.campaign.CampaignFixtures.helpResource;
import static org.beacon.campaign.campaign.CampaignFixtures.publishedCampaign;
import static org.beacon.campaign.campaign.CampaignFixtures.region;
import static org.beacon.campaign.campaign.CampaignFixtures.slug;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Audit summaries are stored as a key and its arguments and read in the language the audit API is asked in
 * ({@code Accept-Language}, as the gateway's admin page sends the admin's), the arguments too: numbers in the
 * reader's digits, content languages by their names, a help resource's kind and state in the reader's words.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class AuditSummaryApiTests {

    @Inject
    EntityManager em;

    private static String summary(String language, String action, long subjectId) {
        return given().auth().oauth2(admin()).header("Accept-Language", language)
                .when().get("/campaigns/api/audit?organization=" + NATIONAL + "&action=" + action + "&size=500")
                .then().statusCode(200).extract().jsonPath()
                .getString("find { it.subjectId == " + subjectId + " }.summary");
    }

    @Test
    void aPublicationIsReadInTheLanguageAskedWithItsLanguagesNamed() {
        String slug = slug();
        long id = publishedCampaign(slug);

        assertEquals("Campaign " + slug + " created.", summary("en", "create", id));
        assertEquals("Campagne " + slug + " créée.", summary("fr", "create", id));
        assertEquals("أُنشئت الحملة \u2068" + slug + "\u2069.", summary("ar", "create", id));

        assertEquals("Version 1 of campaign " + slug + " published in English, French.", summary("en", "publish", id));
        assertEquals("Version 1 de la campagne " + slug + " publiée en anglais, français.",
                summary("fr-SN, en;q=0.5", "publish", id));
        assertEquals("نُشرت النسخة ١ من الحملة \u2068" + slug + "\u2069 باللغات: الإنجليزية، الفرنسية.",
                summary("ar", "publish", id));
    }

    @Test
    void aHelpResourceIsDescribedInTheReadersWords() {
        String region = region();
        long id = helpResource(author(NATIONAL), COUNTRY, region, false, "fr", "pt");
        String slug = given().auth().oauth2(admin()).when().get("/campaigns/api/help/" + id)
                .then().statusCode(200).extract().path("slug");
        String place = COUNTRY + "/" + region;

        assertEquals("Help resource " + slug + " added: hotline, " + place + ", in French, Portuguese (inactive).",
                summary("en", "help-create", id));
        assertEquals("Ressource d’aide " + slug + " ajoutée : ligne d’assistance, " + place
                + ", en français, portugais (inactive).", summary("fr", "help-create", id));
        assertEquals("أُضيف مورد المساعدة \u2068" + slug + "\u2069: خط المساعدة، \u2068" + place
                + "\u2069، باللغات: الفرنسية، البرتغالية (غير نشط).", summary("ar", "help-create", id));
    }

    @Test
    void anEntryWrittenBeforeSummaryKeysReadsAsItWasWritten() {
        long subject = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into audit_entry (actor, actor_name,"
                + " organization, action, subject_type, subject_id, summary) values ('someone', 'Some One', ?1,"
                + " 'create', 'campaign', ?2, 'Created old-campaign.')")
                .setParameter(1, NATIONAL).setParameter(2, subject).executeUpdate());
        assertEquals("Created old-campaign.", summary("fr", "create", subject));
        assertEquals("Created old-campaign.", summary("ar", "create", subject));
    }
}
