package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.beacon.devstack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser collector of a collection link, offline as field teams use it, in real Chromium behind the gateway
 * (its Content-Security-Policy included). The page is opened once online, in French; then the network is cut for
 * the page and its service worker alike: the gateway, the only origin the browser reaches, is stopped (Chromium's
 * offline emulation, which covers the page's own requests but not its service worker's, is set as well, so the page
 * hears its {@code offline} and {@code online} events). Two interviews are finished and wait on the device, the
 * engine flagging a contradictory answer with the form's French message on the way; the page reloaded while the
 * gateway is still down can only come from its service worker's cache (the page and form are {@code no-cache}) and
 * still shows 2 waiting; when the gateway is back and the network returns the page sends them by itself and each
 * instanceID is stored exactly once, under the link.
 */
public class CollectorOfflineIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_HEARD_ALONE =
            "« Je n'en ai pas entendu parler » ne peut pas être coché avec une autre réponse.";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Stack stack;

    @BeforeAll
    static void start() {
        stack = E2EStack.get();
    }

    @Test
    void twoInterviewsFinishedOfflineSurviveAReloadAndAreStoredOnceWhenTheNetworkReturns() throws Exception {
        String manager = OdkEngineIT.token("manager");
        long surveyId = OdkEngineIT.surveyId(manager);
        JsonNode link = JSON.readTree(OdkEngineIT.send(HttpRequest.newBuilder(
                URI.create(stack.campaignUrl() + "/campaigns/api/surveys/" + surveyId + "/collection-links"))
                .header("Authorization", "Bearer " + manager).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("wave", "endline", "name", "Équipe Kolda, navigateur")))), 201).body());
        long linkId = link.path("id").asLong();
        String page = "/campaigns/collect/" + link.path("token").asText() + "/web";

        try (Browser browser = new Browser(stack.gatewayUrl())) {
            ChromeDriver driver = (ChromeDriver) browser.driver;
            JavascriptExecutor script = driver;
            // The language chooser of the page's header, as a field worker would use it.
            browser.open("/lang?l=fr&back=" + page);
            assertEquals(page, browser.path());
            waitForForm(browser);
            assertEquals("0", waiting(browser));
            // Ready for offline use: the service worker controls the page and the page, bundle and form are kept.
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(script.executeAsyncScript(
                    "const done = arguments[0]; caches.open('beacon-collector').then(c => c.keys())"
                            + ".then(k => done(!!navigator.serviceWorker.controller && k.length >= 3), () => done(false));")));

            // Offline for the page and its service worker: the origin is gone, not just the page's network.
            stack.stop("gateway");
            List<String> instanceIds;
            try {
                offline(driver, true);
                assertUnreachable(stack.gatewayUrl());
                instanceIds = finishOffline(browser, linkId);
            } finally {
                stack.resume("gateway");
            }
            awaitReady(stack.managementUrl("gateway") + "/q/health/ready");
            offline(driver, false);
            new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> "0".equals(waiting(browser)));
            assertEquals(2, stored(linkId, null), "both interviews are stored under the link");
            for (String instanceId : instanceIds) {
                assertEquals(1, stored(linkId, instanceId), instanceId + " is stored exactly once");
            }
            assertTrue(driver.findElement(By.id("collector-refused")).getAttribute("hidden") != null,
                    "nothing was refused");
        }
    }

    /**
     * With the gateway down: two interviews finished and queued, then the page reloaded from the service worker's
     * cache with its queue; the instanceIDs waiting.
     */
    private static List<String> finishOffline(Browser browser, long linkId) throws Exception {
        ChromeDriver driver = (ChromeDriver) browser.driver;
        JavascriptExecutor script = driver;
        interview(browser, List.of("family", "friends"), true);
        assertEquals("1", waiting(browser));
        interview(browser, List.of("family"), false);
        assertEquals("2", waiting(browser));
        @SuppressWarnings("unchecked")
        List<String> instanceIds = (List<String>) script.executeAsyncScript("const done = arguments[0];"
                + "const open = indexedDB.open('beacon-collector');"
                + "open.onsuccess = () => { const get = open.result.transaction('waiting').objectStore('waiting')"
                + ".getAll(); get.onsuccess = () => done(get.result.map(r => r.instanceID)); };");
        assertEquals(2, instanceIds.size(), instanceIds.toString());
        assertEquals(0, stored(linkId, null), "nothing reached Beacon while offline");

        // Reloaded without an origin: the page, its engine and the form can only come from the worker's cache.
        driver.navigate().refresh();
        waitForForm(browser);
        assertEquals("2", waiting(browser), "the queue outlives the page");
        assertEquals(Boolean.TRUE, script.executeScript("return !!navigator.serviceWorker.controller"
                + " && performance.getEntriesByType('navigation')[0].workerStart > 0"),
                "the reloaded page was answered by its service worker");
        assertUnreachable(stack.gatewayUrl());
        assertEquals(0, stored(linkId, null));
        return instanceIds;
    }

    /** Answers the whole form as a field worker would and finishes it; the first time with a contradiction fixed. */
    private static void interview(Browser browser, List<String> toldWhom, boolean contradictionFirst) {
        SurveyJourneyIT.ANSWERS.forEach((field, choices) -> {
            if (!field.equals("heard_from")) {
                choices.forEach(choice -> choose(browser, field, choice));
            }
        });
        choose(browser, "heard_from", "radio");
        if (contradictionFirst) {
            choose(browser, "heard_from", "not_heard");
            WebElement error = question(browser, "heard_from").findElement(By.cssSelector(".error"));
            assertEquals(NOT_HEARD_ALONE, error.getText(), "the engine flags the contradiction in French");
            choose(browser, "heard_from", "not_heard");
        }
        choose(browser, "heard_from", "community_meetings");
        assertTrue(question(browser, "people_told").getText()
                .contains("Avec combien de personnes avez-vous parlé des messages de la campagne ?"),
                "asked of who heard of it, in French");
        WebElement told = question(browser, "people_told").findElement(By.tagName("input"));
        told.clear();
        told.sendKeys("2", Keys.TAB);
        toldWhom.forEach(choice -> choose(browser, "told_whom", choice));
        browser.driver.findElement(By.cssSelector("#collector button[type=submit]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("collector-status"))
                .getText().contains("nouveau formulaire vierge"));
    }

    private static WebElement question(Browser browser, String field) {
        return browser.driver.findElement(By.cssSelector("[data-reference$='/" + field + "']"));
    }

    /** Ticks (or unticks, for a box already ticked) one choice of a question. */
    private static void choose(Browser browser, String field, String choice) {
        WebElement option = question(browser, field).findElement(By.cssSelector("input[value='" + choice + "']"));
        option.click();
    }

    private static void waitForForm(Browser browser) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(120)).until(d -> {
            String status = d.findElement(By.id("collector-status")).getText();
            if (status.contains("problème")) {
                throw new AssertionError("the collector failed: " + status);
            }
            return d.findElement(By.id("collector")).isDisplayed();
        });
    }

    private static String waiting(Browser browser) {
        return browser.driver.findElement(By.id("collector-waiting")).getText().trim();
    }

    /** Nothing answers at the gateway's address: the page and its service worker have no origin to reach. */
    private static void assertUnreachable(String url) throws InterruptedException {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(url + "/")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            throw new AssertionError("the gateway still answers at " + url);
        } catch (IOException refused) {
            // Connection refused: the origin is down.
        }
    }

    /** Waits until the restarted gateway says it is ready. */
    private static void awaitReady(String url) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.getLong("beacon.stack.ready-seconds", 180))
                .toNanos();
        while (true) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway was not ready again at " + url);
            }
            Thread.sleep(250);
        }
    }

    /** Chromium's network emulation, as DevTools' "Offline" sets it. */
    private static void offline(ChromeDriver driver, boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Responses stored under the link, all of them or those of one instanceID. */
    private static long stored(long linkId, String instanceId) throws Exception {
        String sql = "select count(*) from campaign.survey_response where collector = ?"
                + (instanceId == null ? "" : " and idempotency_key = ?::uuid");
        try (Connection connection = DriverManager.getConnection(stack.databaseUrl(), "postgres", "postgres");
                PreparedStatement count = connection.prepareStatement(sql)) {
            count.setLong(1, linkId);
            if (instanceId != null) {
                count.setString(2, instanceId.replaceFirst("^uuid:", ""));
            }
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
