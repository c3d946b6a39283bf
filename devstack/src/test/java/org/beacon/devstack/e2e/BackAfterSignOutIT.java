package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.beacon.devstack.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
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

    /**
     * Error pages keep the frame (issue 14, "One frame for every page"): a refused page (403) and a missing one (404)
     * of each service show the brand, the signed-in user's name, Sign out and the language chooser, and say what
     * happened entirely in the reader's language, French or Arabic (right to left).
     */
    @Test
    void errorPagesOfBothServicesKeepTheFrameInFrenchAndArabic() {
        try (Browser trainee = new Browser(stack.gatewayUrl())) {
            trainee.open("/login");
            trainee.signInOnKeycloak("trainee", "beacon-demo");
            trainee.waitFor(By.id("welcome"));

            trainee.open("/lang?l=fr&back=/");
            String refusedFr = "Votre rôle ne permet pas cette action.";
            framedError(trainee, "/training/cohorts", "fr", "ltr", "403 Accès refusé", refusedFr, "Se déconnecter");
            framedError(trainee, "/campaigns/manage", "fr", "ltr", "403 Accès refusé", refusedFr, "Se déconnecter");
            framedError(trainee, "/training/courses/no-such-course", "fr", "ltr", "404 Page introuvable",
                    "Aucun cours « no-such-course ».", "Se déconnecter");
            framedError(trainee, "/campaigns/public/no-such-campaign/fr", "fr", "ltr", "404 Page introuvable",
                    "Il n'y a aucune campagne publiée à cette adresse.", "Se déconnecter");

            trainee.open("/lang?l=ar&back=/");
            String refusedAr = "دورك لا يسمح بهذا الإجراء.";
            framedError(trainee, "/training/cohorts", "ar", "rtl", "403 غير مسموح", refusedAr, "تسجيل الخروج");
            framedError(trainee, "/campaigns/manage", "ar", "rtl", "403 غير مسموح", refusedAr, "تسجيل الخروج");
            framedError(trainee, "/training/courses/no-such-course", "ar", "rtl", "404 الصفحة غير موجودة",
                    "لا توجد دورة «no-such-course».", "تسجيل الخروج");
            framedError(trainee, "/campaigns/public/no-such-campaign/ar", "ar", "rtl", "404 الصفحة غير موجودة",
                    "لا توجد حملة منشورة في هذا العنوان.", "تسجيل الخروج");
        }
    }

    private static void framedError(Browser browser, String path, String language, String direction, String title,
            String explanation, String signOut) {
        browser.open(path);
        String where = path + " in " + language + ": " + browser.text();
        assertEquals(title + " · Beacon", browser.driver.getTitle(), where);
        WebElement html = browser.driver.findElement(By.tagName("html"));
        assertEquals(language, html.getAttribute("lang"), where);
        assertEquals(direction, html.getAttribute("dir"), where);
        WebElement header = browser.driver.findElement(By.cssSelector("header.bar"));
        assertEquals("Beacon", header.findElement(By.cssSelector("a.brand")).getText(), where);
        assertEquals("Tariq Trainee", header.findElement(By.id("user-name")).getText(), where);
        assertEquals(signOut, header.findElement(By.id("sign-out")).getText(), where);
        WebElement languages = header.findElement(By.cssSelector("nav.languages"));
        assertEquals(language, languages.findElement(By.tagName("strong")).getAttribute("lang"), where);
        assertEquals(4, languages.findElements(By.cssSelector("a[hreflang]")).size(), "the other four languages: "
                + where);
        WebElement main = browser.driver.findElement(By.cssSelector("main.error"));
        assertEquals(title.substring(4), main.findElement(By.tagName("h1")).getText(), where);
        assertEquals(explanation, main.findElement(By.tagName("p")).getText(), where);
    }
}
