package org.beacon.devstack.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless system Chromium driven through chromedriver, with the helpers every journey needs. */
public final class Browser implements AutoCloseable {

    public final WebDriver driver;
    private final String gatewayUrl;

    public Browser(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("beacon.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--lang=en-US",
                    "--user-data-dir=" + Files.createTempDirectory("beacon-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("beacon.chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void open(String path) {
        driver.get(gatewayUrl + path);
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(gatewayUrl) ? url.substring(gatewayUrl.length()) : url;
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Replaces what a form field holds with {@code text} (a text area takes line breaks as typed). */
    public void fill(By field, String text) {
        WebElement element = waitFor(field);
        element.clear();
        element.sendKeys(text);
    }

    /** Clicks a button or link that loads another page, and waits until that page has replaced this one. */
    public void clickAndWait(By target) {
        clickAndWait(driver.findElement(target));
    }

    /** The same for an element already found. */
    public void clickAndWait(WebElement target) {
        WebElement current = driver.findElement(By.tagName("html"));
        target.click();
        // While Chromium swaps documents, asking about the old node can fail with an "unknown error" ("Node with
        // given id does not belong to the document") instead of a stale-element error: that only means "not yet
        // decided", so the wait asks again rather than failing the journey.
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(current));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(WebDriverException.class)
                .until(page -> "complete".equals(
                        ((JavascriptExecutor) page).executeScript("return document.readyState")));
    }

    /**
     * Clicks a form's button as a user would and waits for the next page. Fails at once, naming the fields, when the
     * browser itself refuses the form (required, pattern...), and with the address it stayed on when no new page came
     * (a form post or redirect the browser blocked, e.g. by the Content-Security-Policy's form-action).
     */
    public void submit(By button) {
        WebElement element = driver.findElement(button);
        List<String> refused = element.findElements(By.xpath("ancestor::form//*[self::input or self::select or "
                + "self::textarea]")).stream()
                .filter(field -> field.getDomProperty("validationMessage") != null
                        && !field.getDomProperty("validationMessage").isEmpty())
                .map(field -> field.getAttribute("name") + " = '" + field.getDomProperty("value") + "': "
                        + field.getDomProperty("validationMessage") + " " + field.getAttribute("outerHTML"))
                .toList();
        if (!refused.isEmpty()) {
            throw new AssertionError("the browser refuses to send the form on " + path() + ": " + refused);
        }
        try {
            clickAndWait(element);
        } catch (TimeoutException e) {
            throw new AssertionError("sending the form on " + path() + " led to no new page within 30 s "
                    + "(a post or redirect the browser blocked?)", e);
        }
    }

    /** Fills the real Keycloak login form, which the gateway redirected the browser to. */
    public void signInOnKeycloak(String username, String password) {
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
