package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;

import javax.imageio.ImageIO;
import java.util.regex.Pattern;

import org.beacon.devstack.Stack;
import org.beacon.devstack.content.DemoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A campaign from its first line to its public page, only through the manager pages: a campaign manager writes it in
 * English and French for a place that no help resource serves yet (a region of Guinea; the shipped help directory
 * covers Senegal only), with a leaflet in both languages, and sends it for review; a second manager approves it
 * with the checklist, seeing the poster's image inline where the checklist asks that no image identify a victim; the
 * campaign then reads "approved, ready to publish" and its Publish button is disabled with the reason (missing help
 * coverage) next to it; once the first manager has added a hotline for that place in both languages (the help list
 * links every entry, the shipped ones too), publishing succeeds and the public page opens without a login in both
 * languages, with the hotline as a {@code tel:} link and the French-only poster shown, marked "Only in French", on
 * the English page; the leaflet's source reference is in the managers' preview and on no public page. Slugs carry a
 * stamp so reruns never collide.
 */
class CampaignJourneyIT {

    static final String STAMP = Long.toString(System.currentTimeMillis(), 36);
    static final String SLUG = "e2e-check-first-" + STAMP;
    static final String PLACE = "GN/Kankan";
    static final String MATERIAL = "check-first-leaflet";

    static final String TITLE_EN = "Check first, then go";
    static final String TITLE_FR = "Vérifie d'abord, pars ensuite";
    static final List<String> MESSAGES_EN = List.of(
            "Check every job offer abroad with official services before you pay anything.",
            "Keep your own passport and ask for a written contract.");
    static final List<String> MESSAGES_FR = List.of(
            "Vérifie chaque offre d'emploi à l'étranger auprès des services officiels avant de payer quoi que ce soit.",
            "Garde toi-même ton passeport et exige un contrat écrit.");
    static final String LEAFLET_EN = "Before you sign: three checks";
    static final String LEAFLET_FR = "Avant de signer : trois vérifications";
    /** A source reference, as authors write them: the managers see it, the public page never does. */
    static final String SOURCE = "(003 L523)";
    static final String HELP_EN = "Kankan help line";
    static final String HELP_FR = "Ligne d'aide de Kankan";
    static final String HELP_CONTACT = "+224 620 00 00 00";
    static final String POSTER = "check-first-poster";
    static final String POSTER_FR = "Pars informé";

    static Stack stack;

    @BeforeAll
    static void start() {
        stack = E2EStack.get();
    }

    @Test
    void aCampaignIsPublishedOnlyOnceHelpServesEveryPlaceAndLanguage() {
        try (Browser manager = new Browser(stack.gatewayUrl())) {
            long id = writeCampaign(manager);
            writeLeaflet(manager, id);
            sendForReview(manager, id);

            try (Browser reviewer = new Browser(stack.gatewayUrl())) {
                approveAsSecondManager(reviewer, id);
            }

            manager.open("/campaigns/manage/" + id);
            assertTrue(manager.waitFor(By.tagName("main")).getText().contains("Approved by a second manager."),
                    manager.text());
            assertTrue(manager.text().contains("Status: approved, ready to publish"), manager.text());
            WebElement publish = manager.driver.findElement(
                    By.cssSelector("form[action='/campaigns/manage/" + id + "/publish'] button"));
            assertFalse(publish.isEnabled(), "publishing is blocked, so the button is disabled");
            String reasons = manager.driver.findElement(By.id(publish.getAttribute("aria-describedby"))).getText();
            assertTrue(reasons.contains("missing help coverage"), "the reason is next to the button: " + reasons);
            assertFalse(reasons.contains("missing approval"), reasons);
            String gate = manager.driver.findElement(By.cssSelector(".notice")).getText();
            assertTrue(gate.contains(PLACE + " × en") && gate.contains(PLACE + " × fr"), gate);

            try (Browser reader = new Browser(stack.gatewayUrl())) {
                reader.open("/campaigns/public/" + SLUG + "/en");
                assertTrue(reader.driver.getTitle().startsWith("404"),
                        "an unpublished campaign is not public: " + reader.driver.getTitle() + " " + reader.text());
            }

            addHelpResource(manager);

            manager.open("/campaigns/manage/" + id);
            assertTrue(manager.waitFor(By.tagName("main")).getText()
                    .contains("Every place and language has an active help resource."), manager.text());
            assertTrue(manager.driver.findElements(By.id("publish-blocked")).isEmpty(), manager.text());
            manager.submit(By.cssSelector("form[action='/campaigns/manage/" + id + "/publish'] button"));
            assertEquals("/campaigns/manage/" + id, manager.path(), "published, back on the campaign page");
            assertTrue(manager.text().contains("Status: published"), manager.text());
            assertTrue(manager.driver.findElements(By.cssSelector("[role=alert]")).isEmpty(), manager.text());
            manager.driver.findElement(By.cssSelector("a[href='/campaigns/public/" + SLUG + "']"));

            for (String variant : List.of(MATERIAL + "/en", MATERIAL + "/fr", POSTER + "/fr")) {
                manager.open("/campaigns/manage/materials/" + id + "/" + variant);
                assertTrue(manager.text().contains("Status: approved, ready to publish"), manager.text());
                manager.submit(By.cssSelector("form[action$='/" + variant + "/publish'] button"));
                assertTrue(manager.text().contains("Status: published"), manager.text());
            }
        }

        try (Browser reader = new Browser(stack.gatewayUrl())) {
            readPublicPages(reader);
        }
    }

    /** Signs in as the first manager and writes the campaign: both texts, audience, the place without help. */
    private static long writeCampaign(Browser manager) {
        manager.open("/campaigns/manage");
        assertTrue(manager.driver.getCurrentUrl().startsWith(stack.keycloakUrl() + "/realms/beacon/"),
                "the manager pages ask for a login on Keycloak: " + manager.driver.getCurrentUrl());
        manager.signInOnKeycloak("manager", DemoData.DEMO_PASSWORD);
        manager.waitFor(By.id("slug"));
        assertTrue(manager.text().contains("Signed in as Mariama Manager"), manager.text());
        assertTrue(manager.text().contains("national-coordination"), manager.text());

        manager.fill(By.id("slug"), SLUG);
        manager.fill(By.id("title"), TITLE_EN);
        manager.fill(By.id("defaultLanguage"), "en");
        manager.submit(By.cssSelector("form[action='/campaigns/manage'] button"));
        Matcher created = Pattern.compile("/campaigns/manage/(\\d+)").matcher(manager.path());
        assertTrue(created.matches(), "a new campaign opens its page: " + manager.path() + " " + manager.text());
        long id = Long.parseLong(created.group(1));
        assertEquals(TITLE_EN, manager.waitFor(By.tagName("h1")).getText());
        assertTrue(manager.text().contains("Status: draft"), manager.text());
        assertTrue(manager.text().contains("No place entered yet: help coverage cannot be checked."),
                "no place, so help coverage is not shown as satisfied: " + manager.text());
        assertFalse(manager.text().contains("Every place and language has an active help resource."), manager.text());

        manager.clickAndWait(By.cssSelector("a[href='/campaigns/manage/" + id + "/translations?language=en']"));
        assertEquals(TITLE_EN, manager.waitFor(By.id("title")).getAttribute("value"), "the English title is kept");
        manager.fill(By.id("objectives"), "Young people check job offers abroad before they pay or sign.");
        manager.fill(By.id("keyMessages"), String.join("\n", MESSAGES_EN));
        manager.submit(By.cssSelector("form[action='/campaigns/manage/" + id + "/translations'] button"));
        assertEquals("/campaigns/manage/" + id, manager.path(), manager.text());

        manager.fill(By.id("language"), "fr");
        manager.submit(By.cssSelector("form[action='/campaigns/manage/" + id + "/translations'][method=get] button"));
        assertTrue(manager.waitFor(By.tagName("h1")).getText().contains("fr"), manager.text());
        manager.fill(By.id("title"), TITLE_FR);
        manager.fill(By.id("objectives"), "Les jeunes vérifient les offres d'emploi à l'étranger avant de payer ou de signer.");
        manager.fill(By.id("keyMessages"), String.join("\n", MESSAGES_FR));
        manager.submit(By.cssSelector("form[action='/campaigns/manage/" + id + "/translations'][method=post] button"));
        assertEquals("/campaigns/manage/" + id, manager.path(), manager.text());
        String texts = manager.text();
        assertTrue(texts.contains(TITLE_EN) && texts.contains(TITLE_FR), "both texts are listed: " + texts);

        check(manager, By.cssSelector("input[name=targetGroups][value=young-people]"));
        check(manager, By.cssSelector("input[name=targetGroups][value=potential-migrants]"));
        check(manager, By.cssSelector("input[name=channels][value=radio]"));
        check(manager, By.cssSelector("input[name=channels][value=social-media]"));
        manager.fill(By.id("places"), PLACE);
        manager.submit(By.cssSelector("form[action='/campaigns/manage/" + id + "/settings'] button"));
        assertEquals("/campaigns/manage/" + id, manager.path(), manager.text());
        assertEquals(PLACE, manager.waitFor(By.id("places")).getAttribute("value").trim());
        assertTrue(manager.driver.findElement(By.cssSelector("input[name=channels][value=radio]")).isSelected());

        String gate = manager.driver.findElement(By.cssSelector(".notice")).getText();
        assertTrue(gate.contains("Publishing is blocked"), gate);
        assertTrue(gate.contains(PLACE + " × en") && gate.contains(PLACE + " × fr"),
                "the page warns before anyone tries: " + gate);
        return id;
    }

    /** A leaflet with an English original and a French translation, each sent for review. */
    private static void writeLeaflet(Browser manager, long id) {
        manager.fill(By.id("materialSlug"), MATERIAL);
        new Select(manager.driver.findElement(By.id("kind"))).selectByValue("leaflet");
        manager.submit(By.cssSelector("form[action='/campaigns/manage/" + id + "/materials'] button"));
        assertEquals("/campaigns/manage/materials/" + id + "/" + MATERIAL, manager.path(), manager.text());

        writeVariant(manager, id, "en", LEAFLET_EN,
                "**Check** the employer, the contract and the agency with official services. " + SOURCE, "original");
        writeVariant(manager, id, "fr", LEAFLET_FR,
                "**Vérifie** l'employeur, le contrat et l'agence auprès des services officiels. " + SOURCE,
                "translated");

        manager.open("/campaigns/manage/materials/" + id + "/" + MATERIAL);
        String table = manager.waitFor(By.tagName("table")).getText();
        assertTrue(table.contains(LEAFLET_EN) && table.contains(LEAFLET_FR), table);
        assertTrue(table.contains("in review"), table);

        // A poster only in French, with its image: nobody translated it yet.
        manager.open("/campaigns/manage/" + id);
        manager.fill(By.id("materialSlug"), POSTER);
        new Select(manager.driver.findElement(By.id("kind"))).selectByValue("poster");
        manager.submit(By.cssSelector("form[action='/campaigns/manage/" + id + "/materials'] button"));
        manager.clickAndWait(By.cssSelector("a[href='/campaigns/manage/materials/" + id + "/" + POSTER + "/fr']"));
        manager.fill(By.id("title"), POSTER_FR);
        manager.fill(By.id("markdown"), "Avant de partir, **vérifie** l'offre.");
        manager.submit(By.cssSelector("form[action$='/" + POSTER + "/fr/text'] button"));
        manager.driver.findElement(By.id("file")).sendKeys(posterImage().toString());
        manager.submit(By.cssSelector("form[action$='/" + POSTER + "/fr/file'] button"));
        assertTrue(manager.driver.findElements(By.cssSelector("[role=alert]")).isEmpty(), manager.text());
        manager.submit(By.cssSelector("form[action$='/" + POSTER + "/fr/submit'] button"));
        assertTrue(manager.text().contains("Status: in review"), manager.text());
    }

    /** A small PNG standing for the poster's picture. */
    private static Path posterImage() {
        try {
            BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
            Path file = Files.createTempFile("poster-", ".png");
            ImageIO.write(image, "png", file.toFile());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeVariant(Browser manager, long id, String language, String title, String markdown,
            String translationStatus) {
        manager.clickAndWait(By.cssSelector("a[href='/campaigns/manage/materials/" + id + "/" + MATERIAL + "/"
                + language + "']"));
        manager.fill(By.id("title"), title);
        manager.fill(By.id("markdown"), markdown);
        new Select(manager.driver.findElement(By.id("translationStatus"))).selectByValue(translationStatus);
        manager.submit(By.cssSelector("form[action$='/" + language + "/text'] button"));
        assertTrue(manager.path().endsWith("/" + MATERIAL + "/" + language), manager.path());
        assertEquals(title, manager.waitFor(By.cssSelector("article.card h3")).getText(), "the preview shows it");
        assertTrue(manager.driver.findElement(By.cssSelector("article.card")).getText().contains(SOURCE),
                "the manager's preview keeps the source reference");
        manager.submit(By.cssSelector("form[action$='/" + language + "/submit'] button"));
        assertTrue(manager.text().contains("Status: in review"), manager.text());
        manager.clickAndWait(By.cssSelector("a[href='/campaigns/manage/materials/" + id + "/" + MATERIAL + "']"));
    }

    private static void sendForReview(Browser manager, long id) {
        manager.open("/campaigns/manage/" + id);
        manager.submit(By.cssSelector("form[action='/campaigns/manage/" + id + "/submit'] button"));
        assertEquals("/campaigns/manage/" + id, manager.path(), manager.text());
        String page = manager.text();
        assertTrue(page.contains("Status: in review"), page);
        assertTrue(page.contains("Another campaign manager must approve what you wrote."), page);
        assertTrue(manager.driver.findElements(By.cssSelector("form[action$='/approve']")).isEmpty(),
                "the author is offered no approval");
    }

    /** The second manager finds the campaign and both leaflet variants in the review queue and approves them. */
    private static void approveAsSecondManager(Browser reviewer, long id) {
        reviewer.open("/campaigns/manage/review");
        reviewer.signInOnKeycloak("manager2", DemoData.DEMO_PASSWORD);
        assertEquals("Review queue", reviewer.waitFor(By.tagName("h1")).getText());
        String queue = reviewer.text();
        assertTrue(queue.contains(TITLE_EN) && queue.contains(LEAFLET_EN) && queue.contains(LEAFLET_FR), queue);

        reviewer.clickAndWait(By.cssSelector("main a[href='/campaigns/manage/" + id + "']"));
        assertEquals(TITLE_EN, reviewer.waitFor(By.tagName("h1")).getText());
        approveWithChecklist(reviewer);
        assertTrue(reviewer.text().contains("Approved by a second manager."), reviewer.text());

        for (String language : List.of("en", "fr")) {
            reviewer.open("/campaigns/manage/review");
            reviewer.clickAndWait(By.cssSelector("main a[href='/campaigns/manage/materials/" + id + "/" + MATERIAL
                    + "/" + language + "']"));
            approveWithChecklist(reviewer);
            assertTrue(reviewer.text().contains("Approved by a second manager."), reviewer.text());
        }
        reviewer.open("/campaigns/manage/review");
        reviewer.clickAndWait(By.cssSelector("main a[href='/campaigns/manage/materials/" + id + "/" + POSTER + "/fr']"));
        WebElement image = reviewer.waitFor(By.cssSelector("figure.material-preview img"));
        assertEquals("Image of the material under review: " + POSTER_FR, image.getAttribute("alt"));
        Number width = (Number) ((JavascriptExecutor) reviewer.driver)
                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : -1", image);
        assertEquals(120, width.intValue(), "the reviewer's browser loaded the image (the CSP lets it through)");
        approveWithChecklist(reviewer);
        assertTrue(reviewer.text().contains("Status: approved, ready to publish"), reviewer.text());

        reviewer.open("/campaigns/manage/review");
        assertFalse(reviewer.driver.findElements(By.cssSelector("main a[href='/campaigns/manage/" + id + "']"))
                .isEmpty(), "approved but unpublished, the campaign still waits in the queue");
    }

    private static void approveWithChecklist(Browser reviewer) {
        for (String item : List.of("safeAlternatives", "thbSomDistinction", "sensitivity", "noIdentifyingImage")) {
            check(reviewer, By.cssSelector("form[action$='/approve'] input[name=" + item + "]"));
        }
        reviewer.submit(By.cssSelector("form[action$='/approve'] button"));
        assertTrue(reviewer.driver.findElements(By.cssSelector("[role=alert]")).isEmpty(), reviewer.text());
    }

    /** Managers may add help resources: a hotline for the campaign's region that speaks both languages. */
    private static void addHelpResource(Browser manager) {
        manager.clickAndWait(By.cssSelector(".notice a[href='/campaigns/manage/help']"));
        assertEquals("Help resources", manager.waitFor(By.tagName("h1")).getText());
        List<WebElement> rows = manager.driver.findElements(By.cssSelector("main table tr:not(:first-child)"));
        assertFalse(rows.isEmpty(), manager.text());
        for (WebElement entry : rows) {
            assertEquals(1, entry.findElements(By.cssSelector("a[href^='/campaigns/manage/help/']")).size(),
                    "every entry links to its page: " + entry.getText());
        }
        WebElement shipped = manager.driver.findElement(By.xpath("//tr[td[span[@class='demo']]]//a"));
        manager.clickAndWait(shipped);
        assertTrue(manager.text().contains("only an admin changes it"), manager.text());
        assertFalse(manager.driver.findElement(By.cssSelector("main form button")).isEnabled(),
                "a shared entry is read, not changed, by a manager");
        manager.driver.navigate().back();
        manager.waitFor(By.id("slug"));
        manager.fill(By.id("slug"), "e2e-kankan-hotline-" + STAMP);
        new Select(manager.driver.findElement(By.id("kind"))).selectByValue("hotline");
        manager.fill(By.id("country"), "GN");
        manager.fill(By.id("region"), "Kankan");
        manager.fill(By.id("languages"), "en, fr");
        manager.fill(By.id("names"), "en: " + HELP_EN + "\nfr: " + HELP_FR);
        manager.fill(By.id("contact"), HELP_CONTACT);
        check(manager, By.cssSelector("input[name=active]"));
        manager.submit(By.cssSelector("form[action='/campaigns/manage/help'] button"));
        assertEquals("/campaigns/manage/help", manager.path(), manager.text());
        assertTrue(manager.driver.findElements(By.cssSelector("[role=alert]")).isEmpty(), manager.text());
        WebElement row = manager.driver.findElement(By.xpath("//tr[td[normalize-space()='" + PLACE + "']]"));
        assertTrue(row.getText().contains(HELP_EN) && row.getText().contains("en, fr")
                && row.getText().contains(HELP_CONTACT), row.getText());
    }

    /** A reader with no account: both languages, key messages, the help block for the place, the leaflet. */
    private static void readPublicPages(Browser reader) {
        reader.open("/campaigns/public/" + SLUG + "/en");
        assertEquals("/campaigns/public/" + SLUG + "/en", reader.path(), "no login is asked for");
        assertEquals("en", reader.driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(TITLE_EN, reader.waitFor(By.tagName("h1")).getText());
        String english = reader.text();
        MESSAGES_EN.forEach(message -> assertTrue(english.contains(message), english));
        String help = reader.driver.findElement(By.id("help")).getText();
        assertTrue(help.contains("Where to find help"), help);
        assertTrue(help.contains(HELP_EN) && help.contains("Hotline") && help.contains(HELP_CONTACT), help);
        assertTrue(english.contains(LEAFLET_EN) && english.contains("the contract and the agency"), english);
        assertFalse(english.contains(LEAFLET_FR), "only the English variant: " + english);
        assertTrue(english.contains("with official services."), english);
        assertFalse(english.contains("003 L523"), "no source reference on a public page: " + english);
        WebElement call = reader.driver.findElement(By.cssSelector("#help a.tel"));
        assertEquals("tel:+224620000000", call.getAttribute("href"));
        assertEquals(HELP_CONTACT, call.getText());
        WebElement poster = reader.driver.findElement(By.xpath("//article[h3[normalize-space()='" + POSTER_FR + "']]"));
        assertEquals("fr", poster.getAttribute("lang"), "the poster keeps its own language");
        assertEquals("Only in French", poster.findElement(By.cssSelector(".only-in")).getText());
        assertEquals("en", poster.findElement(By.cssSelector(".only-in")).getAttribute("lang"));
        assertFalse(poster.findElements(By.cssSelector("img.material")).isEmpty(), "with its image");

        reader.clickAndWait(By.cssSelector("a[hreflang='fr']"));
        assertEquals("/campaigns/public/" + SLUG + "/fr", reader.path());
        assertEquals("fr", reader.driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(TITLE_FR, reader.waitFor(By.tagName("h1")).getText());
        String french = reader.text();
        MESSAGES_FR.forEach(message -> assertTrue(french.contains(message), french));
        String aide = reader.driver.findElement(By.id("help")).getText();
        assertTrue(aide.contains("Où trouver de l’aide"), aide);
        assertTrue(aide.contains(HELP_FR) && aide.contains(HELP_CONTACT), aide);
        assertTrue(french.contains(LEAFLET_FR) && french.contains("le contrat et l'agence"), french);
        assertFalse(french.contains("003 L523"), "no source reference on a public page: " + french);
        assertTrue(french.contains(POSTER_FR) && !french.contains("Seulement en"), "in French it is not marked: " + french);

        reader.open("/campaigns/public");
        assertEquals(1, reader.driver.findElements(By.cssSelector("a[href='/campaigns/public/" + SLUG + "']")).size(),
                "the campaign is listed with the published ones: " + reader.text());
    }

    /** Ticks a checkbox unless it already is. */
    private static void check(Browser browser, By checkbox) {
        WebElement box = browser.driver.findElement(checkbox);
        if (!box.isSelected()) {
            box.click();
        }
        assertTrue(box.isSelected());
    }
}
