package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.beacon.devstack.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin's journey (issue 14, "Admins"): from the start page to the organizations and their users, read live
 * from the real Keycloak by the view-only service account, then the audit log of both services filtered by action
 * and date, and its CSV. The service account itself is tried against Keycloak: it may read users, never change them.
 */
class AdminJourneyIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static Stack stack;
    static Browser browser;

    @BeforeAll
    static void start() {
        stack = E2EStack.get();
        browser = new Browser(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void anAdminReadsOrganizationsAndFiltersTheAuditLog() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login");
        browser.signInOnKeycloak("admin", "beacon-demo");
        browser.waitFor(By.id("welcome"));
        for (String area : List.of("/admin/organizations", "/admin/audit", "/training/reports", "/training/author",
                "/training/cohorts", "/campaigns/manage", "/campaigns/surveys")) {
            assertFalse(browser.driver.findElements(By.cssSelector("main a[href='" + area + "']")).isEmpty(),
                    "the admin's start page links to " + area);
        }

        browser.clickAndWait(By.cssSelector("header a[href='/admin/organizations']"));
        WebElement academy = browser.waitFor(By.id("org-police-academy"));
        assertTrue(academy.getText().contains("training academy"), academy.getText());
        assertTrue(rowOf(academy, "trainee").contains("Trainee"), academy.getText());
        assertTrue(rowOf(academy, "reviewer").contains("Author"), academy.getText());
        WebElement national = browser.driver.findElement(By.id("org-national-coordination"));
        assertTrue(rowOf(national, "admin").contains("Administrator"), national.getText());
        assertTrue(rowOf(national, "manager").contains("Campaign manager"), national.getText());
        // the realm's kind of body is a code, named in the reader's language
        browser.open("/lang?l=fr&back=/admin/organizations");
        WebElement academie = browser.waitFor(By.id("org-police-academy"));
        assertTrue(academie.getText().contains("Type d’organisme: académie de formation"), academie.getText());
        browser.open("/lang?l=en&back=/admin/organizations");
        browser.waitFor(By.id("org-police-academy"));

        browser.clickAndWait(By.cssSelector("header a[href='/admin/audit']"));
        browser.waitFor(By.id("audit-entries"));
        assertFalse(actionsShown().isEmpty(), browser.text());

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        // Acts are chosen from a list and shown in words, one name for both services' codes.
        new Select(browser.driver.findElement(By.name("action"))).selectByValue("publish");
        setDate("from", today);
        setDate("to", today);
        browser.clickAndWait(By.id("audit-apply"));
        assertTrue(browser.path().contains("action=publish"), browser.path());
        assertTrue(browser.path().contains("from=" + today), browser.path());
        List<String> actions = actionsShown();
        assertFalse(actions.isEmpty(), browser.text());
        assertTrue(actions.stream().allMatch("Published"::equals), "only the act asked for: " + actions);
        assertTrue(browser.driver.findElements(By.cssSelector("#audit-entries td.action")).stream()
                .map(cell -> cell.getAttribute("data-action")).allMatch(Set.of("version.publish",
                        "translation.publish", "publish")::contains), browser.text());

        String csv = download(browser.driver.findElement(By.id("audit-csv")).getAttribute("href"));
        List<String> lines = csv.lines().toList();
        assertEquals("time_utc,service,organization,actor_name,actor,action,subject_type,subject_id,summary",
                lines.get(0));
        // The page shows the first page of the entries; the export holds every entry of the filter.
        assertTrue(lines.size() - 1 >= actions.size(), csv);
        assertTrue(lines.stream().skip(1).allMatch(line -> line.startsWith(today)
                && line.matches(".*,(version\\.publish|translation\\.publish|publish),.*")), csv);

        // The campaign side of the same log: the shipped content's import is one act in both services' entries.
        browser.open("/admin/audit?action=import");
        assertFalse(actionsShown().isEmpty(), browser.text());
        assertTrue(actionsShown().stream().allMatch("Imported"::equals), browser.text());
        assertTrue(browser.driver.findElements(By.cssSelector("#audit-entries tr.audit-entry td:nth-child(2)"))
                .stream().anyMatch(cell -> cell.getText().equals("Campaigns")), browser.text());

        // In French, with the header's language chooser: each service writes its summaries in the reader's language.
        browser.open("/lang?l=fr&back=/admin/audit");
        browser.open("/admin/audit?action=import");
        List<String> summaries = browser.driver.findElements(By.cssSelector("#audit-entries bdi.summary")).stream()
                .map(WebElement::getText).toList();
        try {
            assertFalse(summaries.isEmpty(), browser.text());
            // "Campagne … importée depuis …", "Ressources d’aide importées : …", "Cours …, version 1 importée : …"
            assertTrue(summaries.stream().anyMatch(summary -> summary.contains("importé")), summaries.toString());
            assertTrue(summaries.stream().noneMatch(summary -> summary.contains(" imported")), summaries.toString());
            assertTrue(actionsShown().stream().allMatch("Importé"::equals), browser.text());
        } finally {
            browser.open("/lang?l=en&back=/");
        }
    }

    @Test
    void theDirectoryAccountMayReadUsersButChangeNothing() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=client_credentials&client_id=beacon-directory&client_secret="
                + URLEncoder.encode(stack.directoryClientSecret(), StandardCharsets.UTF_8);
        HttpResponse<String> tokenAnswer = http.send(HttpRequest.newBuilder(
                URI.create(stack.keycloakUrl() + "/realms/beacon/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tokenAnswer.statusCode(), tokenAnswer.body());
        String token = JSON.readTree(tokenAnswer.body()).path("access_token").asText();
        String admin = stack.keycloakUrl() + "/admin/realms/beacon";

        HttpResponse<String> groups = http.send(HttpRequest.newBuilder(URI.create(admin + "/groups"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, groups.statusCode(), groups.body());
        assertTrue(groups.body().contains("\"police-academy\""), groups.body());

        HttpResponse<String> newUser = http.send(HttpRequest.newBuilder(URI.create(admin + "/users"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"intruder\",\"enabled\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, newUser.statusCode(), "the directory account may not create users");
        HttpResponse<String> realm = http.send(HttpRequest.newBuilder(URI.create(admin + "/clients"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, realm.statusCode(), "nor read the realm's clients and their secrets");
        HttpResponse<String> services = http.send(HttpRequest.newBuilder(
                URI.create(stack.trainingUrl() + "/training/api/audit"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, services.statusCode(), "nor call Beacon's services: its tokens are not for them");
    }

    private static String rowOf(WebElement organization, String username) {
        return organization.findElements(By.cssSelector("tr.member")).stream().map(WebElement::getText)
                .filter(text -> text.startsWith(username + " ") || text.equals(username)).findFirst()
                .orElse("(no row for " + username + ")");
    }

    private static List<String> actionsShown() {
        return browser.driver.findElements(By.cssSelector("#audit-entries tr.audit-entry td.action")).stream()
                .map(WebElement::getText).toList();
    }

    /** A date field takes the date as its value; typing into it depends on the browser's locale. */
    private static void setDate(String name, String isoDate) {
        WebElement field = browser.driver.findElement(By.name(name));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];", field, isoDate);
    }

    /** What the browser downloads from the CSV link, with the admin's session. */
    private static String download(String href) {
        Object text = ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done,"
                        + " e => done('failed: ' + e));", href);
        return String.valueOf(text);
    }
}
