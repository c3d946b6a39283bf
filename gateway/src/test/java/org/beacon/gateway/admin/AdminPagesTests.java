package org.beacon.gateway.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.beacon.commons.web.ReaderFormats;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
// Only for this class (as the echo upstream is only for the classes that name it): each sets the upstreams.
@QuarkusTestResource(value = AuditUpstreams.class, restrictToAnnotatedClass = true)
public class AdminPagesTests {

    public static String token(String... roles) {
        return Jwt.preferredUserName("ada").groups(Set.of(roles)).issuer("https://server.example.com")
                .audience("https://service.example.com").subject("ada-subject")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .jws().keyId("1").sign("privateKey.jwk");
    }

    @Test
    void onlyAdminsOpenTheAdminPages() {
        for (String role : List.of("trainee", "trainer", "author", "campaign-manager", "evaluator")) {
            for (String path : List.of("/admin/organizations", "/admin/audit", "/admin/audit.csv")) {
                given().auth().oauth2(token(role)).when().get(path).then().statusCode(403);
            }
        }
        given().redirects().follow(false).when().get("/admin/audit").then().statusCode(302);
    }

    @Test
    void theAuditPageMergesBothServicesNewestFirstWithTimesInTheReadersFormat() {
        String admin = token("admin");
        String page = given().auth().oauth2(admin).header("Accept-Language", "fr")
                .when().get("/admin/audit")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body(containsString("Journal d’audit"))
                .body(containsString(ReaderFormats.dateTime(OffsetDateTime.parse("2026-11-03T09:00:00Z"),
                        Locale.FRENCH)))
                .body(not(containsString(">2026-11-03T09:00")))
                .extract().asString();
        int newest = page.indexOf("Version 2 de la campagne winter publiée");
        int middle = page.indexOf("HYPERLINK");
        int oldest = page.indexOf("Version 2 de la campagne winter approuvée");
        assertTrue(newest > 0 && newest < middle && middle < oldest, "newest first across both services");
        assertTrue(page.contains("3 nov. 2026"), "a French date: " + page);
        for (String path : List.of("/training/api/audit", "/campaigns/api/audit")) {
            assertEquals("Bearer " + admin, AuditUpstreams.AUTHORIZATIONS.get(path),
                    "the admin's own token goes to " + path + ", which checks the role itself");
        }
    }

    @Test
    void summariesAreInTheReadersLanguageOnThePageAndInTheCsv() throws IOException {
        String page = given().auth().oauth2(token("admin")).cookie("beacon-lang", "fr")
                .when().get("/admin/audit")
                .then().statusCode(200).extract().asString();
        // Each service is asked in the reader's language, since only it has the words of its own acts.
        assertEquals("fr", AuditUpstreams.LANGUAGES.get("/training/api/audit"));
        assertEquals("fr", AuditUpstreams.LANGUAGES.get("/campaigns/api/audit"));
        assertTrue(page.contains("<bdi class=\"summary\">Version 2 de la campagne winter publiée en anglais, français."
                + "</bdi>"), page);
        assertTrue(page.contains("Version 2 de la campagne winter approuvée avec la liste de contrôle complète."), page);
        assertFalse(page.contains("Published the winter campaign."), page);

        String csv = given().auth().oauth2(token("admin")).header("Accept-Language", "fr-FR,fr;q=0.9")
                .when().get("/admin/audit.csv")
                .then().statusCode(200).extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv)).getRecords();
        assertEquals("Version 2 de la campagne winter publiée en anglais, français.", rows.get(0).get("summary"));
        assertEquals("publish", rows.get(0).get("action"), "codes stay as stored");

        String english = given().auth().oauth2(token("admin")).header("Accept-Language", "en")
                .when().get("/admin/audit.csv").then().statusCode(200).extract().asString();
        assertEquals("en", AuditUpstreams.LANGUAGES.get("/campaigns/api/audit"));
        assertTrue(english.contains("Published the winter campaign."), english);
    }

    @Test
    void filtersAreAppliedByEachService() {
        given().auth().oauth2(token("admin"))
                .when().get("/admin/audit?organization=national-coordination&action=publish&from=2026-11-01"
                        + "&to=2026-11-30")
                .then().statusCode(200)
                .body(containsString("Published the winter campaign."))
                .body(not(containsString("Approved the winter campaign.")))
                .body(containsString("value=\"national-coordination\""))
                .body(containsString("href=\"/admin/audit.csv?organization=national-coordination&amp;action=publish"
                        + "&amp;from=2026-11-01&amp;to=2026-11-30\""));
        // One act, asked of each service by the codes it stores for it.
        assertTrue(AuditUpstreams.QUERIES.get("/training/api/audit")
                .contains("action=version.publish%2Ctranslation.publish"), AuditUpstreams.QUERIES.toString());
        assertTrue(AuditUpstreams.QUERIES.get("/campaigns/api/audit").contains("action=publish&"),
                AuditUpstreams.QUERIES.toString());
        for (String path : List.of("/training/api/audit", "/campaigns/api/audit")) {
            String query = AuditUpstreams.QUERIES.get(path);
            assertTrue(query.contains("organization=national-coordination")
                    && query.contains("from=2026-11-01") && query.contains("to=2026-11-30"), path + "?" + query);
        }
    }

    @Test
    void actsAreWordsInTheReadersLanguageOneNamePerActAcrossServices() {
        String french = given().auth().oauth2(token("admin")).header("Accept-Language", "fr")
                .when().get("/admin/audit?action=publish")
                .then().statusCode(200).extract().asString();
        // training-service's "version.publish" and campaign-service's "publish" are the same act, in words.
        assertTrue(french.contains("data-action=\"version.publish\">Publié</td>"), french);
        assertTrue(french.contains("data-action=\"publish\">Publié</td>"), french);
        assertTrue(french.contains("<option value=\"publish\" selected>Publié</option>"), french);
        assertTrue(french.contains("<option value=\"legal-change\">Marqué comme changement juridique</option>"), french);
        String arabic = given().auth().oauth2(token("admin")).cookie("beacon-lang", "ar")
                .when().get("/admin/audit")
                .then().statusCode(200).extract().asString();
        assertTrue(arabic.contains("data-action=\"approve\">تمت الموافقة</td>"), arabic);
        assertTrue(arabic.contains("<option value=\"publish\">نُشر</option>"), arabic);
        // An act one service never records is not asked of it.
        AuditUpstreams.QUERIES.clear();
        given().auth().oauth2(token("admin")).when().get("/admin/audit?action=approve").then().statusCode(200)
                .body(containsString("Approved the winter campaign."));
        assertEquals(Set.of("/campaigns/api/audit"), AuditUpstreams.QUERIES.keySet());
    }

    @Test
    void theCsvHasEveryMatchingEntryWithFormulasNeutralised() throws IOException {
        String csv = given().auth().oauth2(token("admin"))
                .when().get("/admin/audit.csv")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(List.of("publish", "version.publish", "approve"),
                rows.stream().map(row -> row.get("action")).toList());
        assertEquals("2026-11-02T14:05:00Z", rows.get(1).get("time_utc"));
        assertEquals("training", rows.get(1).get("service"));
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"open\")", rows.get(1).get("summary"),
                "a spreadsheet must not run a summary as a formula");
    }

    @Test
    void badFiltersAreRefusedReadably() {
        given().auth().oauth2(token("admin")).header("Accept", "text/html")
                .when().get("/admin/audit?from=last-week")
                .then().statusCode(400).contentType(containsString("text/html"));
    }

    @Test
    void aServiceOrKeycloakThatDoesNotAnswerIsAReadable503() {
        given().auth().oauth2(token("admin")).header("Accept-Language", "fr")
                .when().get("/admin/audit?organization=down")
                .then().statusCode(503).header("Retry-After", notNullValue())
                .contentType(containsString("text/html"))
                .body(containsString("training-service"));
        given().auth().oauth2(token("admin"))
                .when().get("/admin/organizations")
                .then().statusCode(503).header("Retry-After", notNullValue())
                .contentType(containsString("text/html"));
    }
}
