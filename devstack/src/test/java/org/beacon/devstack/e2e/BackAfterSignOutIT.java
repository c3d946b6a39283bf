package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.beacon.devstack.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One header on every page, and no signed-in page after Sign out (issue 14, "One frame for every page"): the
 * services' pages carry the user's name and Sign out, and Back after Sign out shows no signed-in page, because
 * signed-in pages are sent with {@code Cache-Control: no-store}.
 */
class BackAfterSignOutIT {

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
    void backAfterSignOutShowsNoSignedInPage() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login");
        browser.signInOnKeycloak("trainee", "beacon-demo");
        browser.waitFor(By.id("welcome"));

        browser.open("/training");
        assertTrue(browser.waitFor(By.id("user-name")).getText().contains("Tariq Trainee"), browser.text());
        assertTrue(browser.driver.findElements(By.cssSelector("header a[href='/campaigns/manage']")).isEmpty(),
                "a trainee's menu offers no campaigns");
        browser.open("/training/public/verify");
        assertTrue(browser.driver.findElements(By.id("user-name")).stream()
                .anyMatch(name -> name.getText().contains("Tariq Trainee")),
                "a public page shows who is signed in too: " + browser.text());

        browser.open("/training");
        browser.clickAndWait(By.id("sign-out"));
        browser.waitFor(By.id("sign-in"));

        browser.driver.navigate().back();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .ignoring(WebDriverException.class)
                .until(driver -> driver.getCurrentUrl().startsWith(stack.keycloakUrl())
                        || !driver.findElements(By.id("sign-in")).isEmpty()
                        || !driver.findElements(By.id("username")).isEmpty());
        assertFalse(browser.text().contains("Tariq Trainee"),
                "Back after Sign out shows no signed-in page: " + browser.driver.getCurrentUrl() + " "
                        + browser.text());
        assertTrue(browser.driver.findElements(By.id("sign-out")).isEmpty(), "no Sign out after signing out");
    }
}
