package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beacon.devstack.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A trainee's first visit: real Keycloak login through the gateway, role checks by the services, logout. */
class FoundationJourneyIT {

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
    void aTraineeSignsInStudiesIsRefusedManagerPagesAndSignsOut() {
        browser.open("/");
        browser.waitFor(By.id("sign-in"));
        browser.clickAndWait(By.id("sign-in"));

        assertTrue(browser.driver.getCurrentUrl().startsWith(stack.keycloakUrl() + "/realms/beacon/"),
                "sent to the Keycloak login page, was " + browser.driver.getCurrentUrl());
        browser.signInOnKeycloak("trainee", "beacon-demo");

        String welcome = browser.waitFor(By.id("welcome")).getText();
        assertEquals("Welcome, Tariq Trainee", welcome);
        assertTrue(browser.text().contains("My courses"), "the trainee's task is offered");
        assertTrue(!browser.text().contains("Audit log"), "admin tasks are not offered to a trainee");

        browser.open("/training");
        assertTrue(browser.text().contains("Signed in as Tariq Trainee"), browser.text());
        assertTrue(browser.text().contains("police-academy"), browser.text());

        browser.open("/campaigns/manage");
        assertTrue(browser.text().contains("Not allowed"), "the campaign service refuses a trainee: " + browser.text());

        browser.open("/");
        browser.waitFor(By.id("sign-out")).click();
        browser.waitFor(By.id("sign-in"));
        // Keycloak returns to the post-logout path with the logout request's state attached.
        assertTrue(browser.path().matches("/(\\?state=[-0-9a-f]+)?"), browser.path());

        browser.open("/training");
        assertTrue(browser.driver.getCurrentUrl().startsWith(stack.keycloakUrl()),
                "after logout a protected page asks for a login again");
    }

    @Test
    void publicPagesOpenWithoutLogin() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/campaigns/public");
        assertTrue(browser.path().startsWith("/campaigns/public"), "no redirect to a login: " + browser.path());
        assertTrue(browser.text().contains("Awareness campaigns"), browser.text());

        browser.open("/training/public/verify?code=UNKNOWN-1");
        assertTrue(browser.text().contains("No certificate has the code UNKNOWN-1"), browser.text());
    }

    @Test
    void theLanguageChoiceIsRememberedAndReachesTheServices() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/");
        browser.clickAndWait(By.cssSelector("a[hreflang='fr']"));
        assertTrue(browser.text().contains("Ouvert à toutes et à tous"), browser.text());

        browser.open("/campaigns/public");
        assertTrue(browser.text().contains("Campagnes de sensibilisation"), browser.text());

        browser.open("/lang?l=ar&back=/campaigns/public");
        assertEquals("rtl", browser.driver.findElement(By.tagName("html")).getAttribute("dir"));
        browser.open("/lang?l=en&back=/");
    }
}
