package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.beacon.devstack.Stack;
import org.beacon.devstack.content.DemoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A branching survey answered in Chromium with JavaScript turned off, as on a phone whose browser runs none: the form
 * is cut into pages on the server, the question asked on page 2 depends on page 1, a constraint refuses an answer
 * with the form's own message in the respondent's language, Previous keeps the answers, and coming back to the first
 * page after the thank-you page and sending everything again stores nothing more: one response per respondent.
 * Answered once in Portuguese and once in Arabic (right to left).
 */
class BranchingSurveyIT {

    static final String SURVEY = """
            type,name,label::Português (pt),label::العربية (ar),relevant,constraint,constraint_message::Português (pt),constraint_message::العربية (ar),required
            select_one yn,heard,Já ouviu falar da campanha?,هل سمعت عن الحملة؟,,,,,yes
            select_multiple channel,where,Onde ouviu falar dela?,أين سمعت عنها؟,${heard} = 'yes',"not(selected(., 'none') and count-selected(.) > 1)",«Em lado nenhum» não se junta a outro canal,«لا مكان» لا يُختار مع قناة أخرى,yes
            text,remember,O que lembra de ${where}?,ماذا تتذكر من ${where}؟,${heard} = 'yes',,,,
            """;
    static final String CHOICES = """
            list_name,name,label::Português (pt),label::العربية (ar)
            yn,yes,Sim,نعم
            yn,no,Não,لا
            channel,radio,Rádio,الراديو
            channel,poster,Cartaz,ملصق
            channel,none,Em lado nenhum,لا مكان
            """;

    static Stack stack;

    @BeforeAll
    static void start() {
        stack = E2EStack.get();
    }

    @Test
    void aBranchingSurveyAnsweredWithoutJavaScriptInPortugueseAndArabicStoresOneResponseEach() throws Exception {
        long survey = importBranchingSurvey();
        String form = "/campaigns/public/surveys/" + slugOf(survey) + "/baseline";

        try (NoScriptBrowser chromium = new NoScriptBrowser()) {
            WebDriver browser = chromium.driver;
            // Portuguese: the first view fixes the key in the address
            browser.get(stack.gatewayUrl() + form + "?lang=pt");
            String first = path(browser);
            assertTrue(first.matches(form.replace("/", "\\/") + "\\?k=[0-9a-f-]{36}&lang=pt"), first);
            assertEquals("pt", browser.findElement(By.tagName("html")).getAttribute("lang"));
            assertTrue(browser.findElements(By.tagName("script")).isEmpty(), "the form needs no JavaScript");
            assertFalse(text(browser).contains("Onde ouviu falar dela?"), "asked only after 'heard'");

            choose(browser, "heard", "yes");
            send(browser, "next");
            assertTrue(text(browser).contains("Onde ouviu falar dela?"), text(browser));
            assertTrue(text(browser).contains("Página 2 de 3"), text(browser));

            choose(browser, "where", "radio");
            choose(browser, "where", "none");
            send(browser, "next");
            assertTrue(text(browser).contains("«Em lado nenhum» não se junta a outro canal"), text(browser));
            assertTrue(option(browser, "where", "radio").isSelected(), "the answers are kept");

            option(browser, "where", "none").click();
            send(browser, "next");
            assertTrue(text(browser).contains("O que lembra de radio?"), text(browser));

            send(browser, "back");
            assertTrue(option(browser, "where", "radio").isSelected(), "Previous keeps the answers");
            send(browser, "next");
            browser.findElement(By.name("q.remember")).sendKeys("A canção da rádio");
            send(browser, "next");
            assertTrue(path(browser).startsWith(form + "/thanks?lang=pt"), path(browser));

            // Back to the first page (no-store: the browser asks again, with the same key) and everything again
            browser.get(stack.gatewayUrl() + first);
            assertEquals(first, path(browser), "the first page keeps its key");
            choose(browser, "heard", "yes");
            send(browser, "next");
            choose(browser, "where", "poster");
            send(browser, "next");
            send(browser, "next");
            assertTrue(path(browser).startsWith(form + "/thanks?lang=pt"), path(browser));
            assertEquals(1, responses(survey), "Back and resending store nothing more");
            assertTrue(browser.manage().getCookies().isEmpty(), "no cookie: " + browser.manage().getCookies());
        }

        try (NoScriptBrowser chromium = new NoScriptBrowser()) {
            WebDriver browser = chromium.driver;
            browser.get(stack.gatewayUrl() + form + "?lang=ar");
            assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"));
            choose(browser, "heard", "yes");
            send(browser, "next");
            assertTrue(text(browser).contains("أين سمعت عنها؟"), text(browser));
            choose(browser, "where", "poster");
            choose(browser, "where", "none");
            send(browser, "next");
            assertTrue(text(browser).contains("«لا مكان» لا يُختار مع قناة أخرى"), text(browser));
            send(browser, "back");
            assertTrue(option(browser, "heard", "yes").isSelected(), "Previous keeps the answers");
            choose(browser, "heard", "no");
            send(browser, "next");
            assertTrue(path(browser).startsWith(form + "/thanks?lang=ar"), "nothing more to ask: " + text(browser));
            assertEquals(2, responses(survey), "one response per respondent");
        }
    }

    /** A Chromium like the journeys' Browser, with JavaScript disabled for every page. */
    static final class NoScriptBrowser implements AutoCloseable {
        final WebDriver driver;

        @Override
        public void close() {
            driver.quit();
        }

        NoScriptBrowser() {
            try {
                ChromeOptions options = new ChromeOptions();
                options.setBinary(System.getProperty("beacon.chromium", "/usr/bin/chromium"));
                options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic", "--lang=en-US",
                        "--user-data-dir=" + Files.createTempDirectory("beacon-chromium"));
                options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(System.getProperty("beacon.chromedriver",
                                "/usr/bin/chromedriver")))
                        .usingAnyFreePort().build();
                driver = new ChromeDriver(service, options);
                driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static WebElement option(WebDriver browser, String question, String value) {
        return browser.findElement(By.cssSelector("input[name='q." + question + "'][value='" + value + "']"));
    }

    private static void choose(WebDriver browser, String question, String value) {
        WebElement option = option(browser, question, value);
        if (!option.isSelected()) {
            option.click();
        }
    }

    /** Presses Next/Send ("next") or Previous ("back") and waits for the page the server answers with. */
    private static void send(WebDriver browser, String button) {
        WebElement current = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector("button[name='_go'][value='" + button + "']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(current));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                By.tagName("h1")));
    }

    private static String text(WebDriver browser) {
        return browser.findElement(By.tagName("body")).getText();
    }

    private static String path(WebDriver browser) {
        String url = browser.getCurrentUrl();
        return url.startsWith(stack.gatewayUrl()) ? url.substring(stack.gatewayUrl().length()) : url;
    }

    // ---------------------------------------------------------------- the survey, through the API

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Imports the survey into the Safe Journeys campaign as its manager, and opens its baseline wave. */
    private static long importBranchingSurvey() throws Exception {
        String token = token("manager");
        String api = stack.campaignUrl() + "/campaigns/api/";
        long campaign = -1;
        for (JsonNode found : get(api + "campaigns", token).path("campaigns")) {
            if (found.path("slug").asText().equals("safe-journeys")) {
                campaign = found.path("id").asLong();
            }
        }
        assertTrue(campaign > 0, "the shipped campaign safe-journeys is there");
        String formId = "branching_" + UUID.randomUUID().toString().substring(0, 8);
        String boundary = "----beacon" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "campaign", null, Long.toString(campaign));
        // A survey's address lies within its campaign's.
        part(body, boundary, "slug", null, "safe-journeys-" + formId.replace('_', '-'));
        part(body, boundary, "survey", "survey.csv", SURVEY);
        part(body, boundary, "choices", "choices.csv", CHOICES);
        part(body, boundary, "settings", "settings.csv", "form_title,form_id,default_language\nBranching " + formId
                + "," + formId + ",Português (pt)\n");
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create(api + "surveys"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, imported.statusCode(), imported.body());
        long id = JSON.readTree(imported.body()).path("survey").path("id").asLong();
        HttpResponse<String> opened = HTTP.send(HttpRequest.newBuilder(URI.create(api + "surveys/" + id
                + "/waves/baseline/open")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, opened.statusCode(), opened.body());
        return id;
    }

    private static String slugOf(long survey) throws Exception {
        return get(stack.campaignUrl() + "/campaigns/api/surveys/" + survey, token("manager")).path("slug").asText();
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String file, String content)
            throws IOException {
        String headers = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (file == null ? "" : "; filename=\"" + file + "\"\r\nContent-Type: text/csv; charset=UTF-8")
                + "\r\n\r\n";
        body.write(headers.getBytes(StandardCharsets.UTF_8));
        body.write(content.getBytes(StandardCharsets.UTF_8));
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String token(String username) throws Exception {
        String form = "grant_type=password&client_id=beacon-tests&client_secret="
                + URLEncoder.encode(stack.testClientSecret(), StandardCharsets.UTF_8) + "&username=" + username
                + "&password=" + URLEncoder.encode(DemoData.DEMO_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                + "/realms/beacon/protocol/openid-connect/token")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static long responses(long survey) throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.databaseUrl(), "postgres", "postgres");
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from campaign.survey_response where survey_id = ?")) {
            count.setLong(1, survey);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
