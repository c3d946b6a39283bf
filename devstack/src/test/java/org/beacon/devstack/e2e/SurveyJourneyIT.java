package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.beacon.devstack.Stack;
import org.beacon.devstack.content.DemoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An anonymous answer and what evaluators may see of it. The shipped campaign Safe Journeys is published at start and
 * its survey's endline wave is open, with synthetic baseline and endline answers whose background groups are skewed
 * (DemoData, SyntheticAnswers): a respondent with no account follows the survey link from the French campaign page,
 * answers in French and is thanked; the evaluator of the campaign's organization sees the endline count grow by that
 * one answer, and a region breakdown in which a small region is shown as "< 10"; an evaluator of another
 * organization is refused the same page.
 */
public class SurveyJourneyIT {

    public static final String SURVEY = "safe-journeys";

    /** The respondent's answers by form field (a question in a group is named by its path); Ziguinchor is one of the rarest regions of the synthetic answers. */
    public static final Map<String, List<String>> ANSWERS = Map.ofEntries(
            Map.entry("age_band", List.of("age_18_24")),
            Map.entry("gender", List.of("woman")),
            Map.entry("region", List.of("ziguinchor")),
            Map.entry("k_smuggling", List.of("paid_crossing")),
            Map.entry("k_internal", List.of("yes")),
            Map.entry("k_consent", List.of("consent_irrelevant")),
            Map.entry("k_child", List.of("yes")),
            Map.entry("k_smuggled_liable", List.of("no")),
            Map.entry("attitudes/l_only_way", List.of("2")),
            Map.entry("attitudes/l_local_future", List.of("4")),
            Map.entry("attitudes/l_can_verify", List.of("4")),
            Map.entry("attitudes/l_family_support", List.of("5")),
            Map.entry("heard_from", List.of("radio", "community_meetings")));

    /** The button that sends a page: "Next", or on the last page "Send my answers". */
    private static final By NEXT = By.cssSelector("form button[name=_go][value=next]");

    static Stack stack;

    @BeforeAll
    static void start() {
        stack = E2EStack.get();
    }

    @Test
    void anAnonymousFrenchAnswerCountsForTheOwnEvaluatorWithSmallGroupsHidden() {
        try (Browser evaluator = new Browser(stack.gatewayUrl())) {
            String results = openResultsAsEvaluator(evaluator);
            String note = evaluator.driver.findElement(By.cssSelector("main p.muted")).getText();
            assertTrue(note.contains("Figures from fewer than 10 respondents are shown as “< 10”"), note);
            long before = endlineRespondents(evaluator);

            try (Browser respondent = new Browser(stack.gatewayUrl())) {
                answerInFrench(respondent);
            }

            evaluator.open(results);
            assertEquals(before + 1, endlineRespondents(evaluator),
                    "the endline count includes the answer just given");

            new Select(evaluator.driver.findElement(By.name("by"))).selectByValue("region");
            new Select(evaluator.driver.findElement(By.name("wave"))).selectByValue("endline");
            evaluator.submit(By.cssSelector("form[action^='/campaigns/results/'] button[type=submit]"));
            assertTrue(evaluator.path().startsWith(results + "?") && evaluator.path().contains("by=region")
                    && evaluator.path().contains("wave=endline"), evaluator.path());
            WebElement breakdown = evaluator.driver.findElement(
                    By.xpath("//h2[@id='breakdown']/following::table[1]"));
            assertEquals("Respondents", breakdown.findElement(By.tagName("caption")).getText());
            List<String> columns = breakdown.findElements(By.cssSelector("thead th")).stream()
                    .map(WebElement::getText).toList();
            assertFalse(columns.contains("Ziguinchor"), "a region with fewer than 10 respondents is not shown on its "
                    + "own: " + columns);
            String pool = columns.stream().filter(c -> c.startsWith("Other (")).findFirst().orElseThrow(
                    () -> new AssertionError("the small regions are pooled into one column: " + columns));
            WebElement pooled = cell(breakdown, pool);
            assertTrue("suppressed".equals(pooled.getAttribute("class")) ? pooled.getText().equals("< 10")
                    : count(pooled.getText()) >= 10, "the pool is shown from 10 respondents, else \"< 10\": "
                    + pooled.getText());
            WebElement large = cell(breakdown, "Dakar");
            assertFalse("suppressed".equals(large.getAttribute("class")), large.getText());
            assertTrue(count(large.getText()) >= 10, "large groups are shown: " + large.getText());
            assertEquals(before + 1, count(cell(breakdown, "All").getText()));

            try (Browser outsider = new Browser(stack.gatewayUrl())) {
                outsider.open(results);
                outsider.signInOnKeycloak("ngo-evaluator", DemoData.DEMO_PASSWORD);
                outsider.waitFor(By.tagName("h1"));
                assertEquals(results, outsider.path(), "back on the results address after the login");
                assertTrue(outsider.driver.getTitle().startsWith("403"), outsider.driver.getTitle());
                assertTrue(outsider.text().contains("Not allowed"), outsider.text());
                assertTrue(outsider.driver.findElements(By.cssSelector("table.results")).isEmpty(),
                        "no figure reaches another organization: " + outsider.text());
            }
        }
    }

    /**
     * An evaluator's menu (issue 14, "Navigation offers only what the role may open"): the header and the start page
     * offer no campaign management, and every area they do offer opens for the evaluator, none with "Not allowed".
     */
    @Test
    void anEvaluatorsMenuOffersOnlyWhatTheRoleMayOpen() {
        try (Browser evaluator = new Browser(stack.gatewayUrl())) {
            evaluator.open("/login");
            evaluator.signInOnKeycloak("evaluator", DemoData.DEMO_PASSWORD);
            evaluator.waitFor(By.id("welcome"));
            List<String> menu = links(evaluator, "header nav.areas a");
            assertEquals(List.of("/", "/campaigns/surveys"), menu, "the header offers the evaluator's areas");
            List<String> offered = new java.util.ArrayList<>(menu);
            links(evaluator, "main a").stream().filter(href -> !offered.contains(href)).forEach(offered::add);
            assertFalse(offered.contains("/campaigns/manage"), "no campaign management: " + offered);

            for (String href : offered) {
                evaluator.open(href);
                String title = evaluator.driver.getTitle();
                assertFalse(title.matches("[45]\\d\\d .*"), href + " opens for an evaluator: " + title);
                assertFalse(evaluator.text().contains("Not allowed"), href + ": " + evaluator.text());
                assertEquals("Esi Evaluator", evaluator.waitFor(By.id("user-name")).getText(), href);
                assertEquals(menu, links(evaluator, "header nav.areas a"), "the same menu on " + href);
            }
        }
    }

    /** The addresses of the page's links under {@code selector} that stay on this site. */
    private static List<String> links(Browser browser, String selector) {
        return browser.driver.findElements(By.cssSelector(selector)).stream().map(a -> a.getDomAttribute("href"))
                .filter(href -> href != null && href.startsWith("/")).toList();
    }

    /** Signs in as the evaluator of national-coordination and walks from the survey list to the results. */
    private static String openResultsAsEvaluator(Browser evaluator) {
        evaluator.open("/campaigns/surveys");
        assertTrue(evaluator.driver.getCurrentUrl().startsWith(stack.keycloakUrl() + "/realms/beacon/"),
                evaluator.driver.getCurrentUrl());
        evaluator.signInOnKeycloak("evaluator", DemoData.DEMO_PASSWORD);
        evaluator.waitFor(By.tagName("h1"));
        evaluator.clickAndWait(By.xpath("//tr[td/span[normalize-space()='" + SURVEY + "']]//a"));
        WebElement endline = evaluator.driver.findElement(By.xpath("//tr[th[normalize-space()='Endline']]"));
        assertTrue(endline.getText().contains("open"), "the endline wave is open: " + endline.getText());
        evaluator.clickAndWait(By.cssSelector("a[href^='/campaigns/results/']"));
        String results = evaluator.path();
        assertTrue(results.matches("/campaigns/results/\\d+"), results);
        assertTrue(evaluator.waitFor(By.tagName("h1")).getText().startsWith("Results: "), evaluator.text());
        return results;
    }

    /** The endline figure of the first table (respondents per wave). */
    private static long endlineRespondents(Browser evaluator) {
        WebElement table = evaluator.waitFor(By.cssSelector("table.results"));
        assertEquals("Respondents", table.findElement(By.tagName("caption")).getText());
        return count(cell(table, "Endline").getText());
    }

    /** A count as the English results page writes it, with its thousands separator ("1,500"). */
    private static long count(String shown) {
        return Long.parseLong(shown.replace(",", ""));
    }

    /** The figure of a results table's first row in the column with this heading. */
    private static WebElement cell(WebElement table, String column) {
        List<String> headings = table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText)
                .toList();
        int index = headings.indexOf(column);
        assertTrue(index > 0, column + " is a column of " + headings);
        return table.findElements(By.cssSelector("tbody tr:first-child td")).get(index - 1);
    }

    /** A fresh browser: the French campaign page, its survey link, the form answered by clicks and typing. */
    private static void answerInFrench(Browser respondent) {
        respondent.open("/campaigns/public/safe-journeys/fr");
        assertEquals("/campaigns/public/safe-journeys/fr", respondent.path(), "no login is asked for");
        assertEquals("Parcours sûrs : ton avenir, ton choix", respondent.waitFor(By.tagName("h1")).getText());
        assertTrue(respondent.text().contains("Donnez-nous votre avis"), respondent.text());
        WebElement survey = respondent.driver.findElement(
                By.cssSelector("a[href^='/campaigns/public/surveys/" + SURVEY + "/endline']"));
        assertEquals("Répondre à l’enquête", survey.getText(), "the link says what it does");
        respondent.clickAndWait(survey);
        // The form's first address carries its idempotency key, so Back and reload keep it (and store once).
        assertTrue(respondent.path().matches("/campaigns/public/surveys/" + SURVEY + "/endline\\?k=[0-9a-f-]{36}&lang=fr"),
                respondent.path());

        assertEquals("fr", respondent.driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(respondent.driver.findElements(By.tagName("script")).isEmpty(), "the form needs no JavaScript");
        String form = respondent.text();
        assertTrue(form.contains("Quel âge avez-vous ?") && form.contains("Dans quelle région vivez-vous ?")
                && form.contains("Hors du Sénégal"), form);
        ANSWERS.forEach((question, choices) -> choices.forEach(choice -> {
            WebElement option = respondent.driver.findElement(
                    By.cssSelector("input[name='q." + question + "'][value='" + choice + "']"));
            option.click();
            assertTrue(option.isSelected(), question + " = " + choice);
        }));
        respondent.fill(By.cssSelector("textarea[name='q.suggestion']"),
                "Des émissions de radio le soir, en pulaar et en wolof.");
        // Having heard of the campaign opens the next pages: how many people the respondent told, then who they were.
        respondent.submit(NEXT);
        respondent.fill(By.cssSelector("input[name='q.people_told']"), "3");
        respondent.submit(NEXT);
        assertTrue(respondent.text().contains("Nombre de personnes avec qui vous en avez parlé : 3. Qui étaient-elles ?"),
                "the label repeats the number given: " + respondent.text());
        respondent.driver.findElement(By.cssSelector("input[name='q.told_whom'][value='family']")).click();
        WebElement send = respondent.driver.findElement(NEXT);
        assertEquals("Envoyer mes réponses", send.getText());
        respondent.submit(NEXT);

        assertEquals("/campaigns/public/surveys/" + SURVEY + "/endline/thanks?lang=fr", respondent.path(),
                "accepted and redirected: " + respondent.text());
        assertEquals("Merci", respondent.waitFor(By.tagName("h1")).getText());
        assertTrue(respondent.text().contains("Vos réponses ont été enregistrées."), respondent.text());
        assertTrue(respondent.driver.manage().getCookies().isEmpty(),
                "answering sets no cookie: " + respondent.driver.manage().getCookies());
    }
}
