package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.beacon.contentimport.ContentImport;
import org.beacon.devstack.Stack;
import org.beacon.devstack.content.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A trainee's whole course: pre-test, lessons (a table on a phone), a change of study language mid-course that keeps
 * the progress, knowledge check, post-test, certificate, public verification. The
 * course is a small one written here, so the journey knows the right answers without the browser ever seeing them;
 * it goes through the same import and four-eyes publishing as the shipped courses.
 */
class TrainingJourneyIT {

    static Stack stack;
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        stack = E2EStack.get();
        Path content = Files.createTempDirectory("beacon-e2e-content");
        writeCourse(content.resolve("courses/e2e-first-steps"));
        ContentImport contentImport = new ContentImport(stack.trainingUrl(), stack.campaignUrl(), stack.keycloakUrl(),
                "content-importer", stack.importerClientSecret(), content);
        contentImport.run();
        new DemoData(contentImport, stack.keycloakUrl(), stack.testClientSecret()).publish();
        browser = new Browser(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void aTraineeCompletesACourseAndAnyoneCanVerifyTheCertificate() throws Exception {
        browser.open("/training/courses/e2e-first-steps");
        browser.signInOnKeycloak("trainee", DemoData.DEMO_PASSWORD);
        browser.waitFor(By.id("language"));
        browser.driver.findElement(By.cssSelector("#language option[value='en']")).click();
        browser.clickAndWait(By.cssSelector("form[action$='/enrol'] button"));

        String enrolment = browser.path();
        assertTrue(enrolment.matches("/training/enrolments/\\d+"), enrolment);
        // Pre-test and the lesson in English, then the trainee changes to French mid-course and keeps their progress.
        takeNextStep(enrolment);
        browser.open(enrolment);
        takeNextStep(enrolment);
        browser.open(enrolment);
        String english = browser.text();
        assertTrue(english.contains("First steps") && english.contains("Three elements ✓"), english);
        String progress = browser.driver.findElement(By.tagName("progress")).getAttribute("value");
        String pretestScore = pretestScore();
        browser.driver.findElement(By.cssSelector("#study-language option[value='fr']")).click();
        browser.clickAndWait(By.cssSelector("#study-language button"));
        assertEquals(enrolment, browser.path());
        String french = browser.text();
        assertTrue(french.contains("Premiers pas") && french.contains("Trois éléments ✓"), french);
        assertEquals(progress, browser.driver.findElement(By.tagName("progress")).getAttribute("value"));
        assertEquals(pretestScore, pretestScore(), "the pre-test keeps its score: " + french);
        assertEquals("fr", browser.driver.findElement(By.cssSelector("#study-language option[selected]"))
                .getAttribute("value"));
        readsTheLessonOnAPhone(enrolment);

        for (int step = 0; step < 10; step++) {
            browser.open(enrolment);
            if (!certificateLink().isEmpty()) {
                break;
            }
            takeNextStep(enrolment);
        }
        List<WebElement> certificate = certificateLink();
        assertEquals(1, certificate.size(), "the completed course offers its certificate: " + browser.text());
        assertTrue(browser.text().contains("100"), "progress is complete: " + browser.text());

        byte[] pdf = downloadWithBrowserSession(certificate.get(0).getAttribute("href"));
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));

        String verify = browser.driver.findElement(By.cssSelector("a[href*='/training/public/verify?code=']"))
                .getAttribute("href");
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(verify);
        String page = browser.text();
        assertTrue(page.contains("Tariq Trainee"), page);
        assertTrue(page.contains("Premiers pas"), "the course title in the trainee's language: " + page);
        assertTrue(browser.path().startsWith("/training/public/verify"), "no login needed: " + browser.path());
    }

    /**
     * The lesson in French at a phone's width: its table is a table, scrolls sideways inside its box rather than
     * widening the page, and no source reference is shown to the trainee.
     */
    private void readsTheLessonOnAPhone(String enrolment) {
        browser.driver.manage().window().setSize(new Dimension(360, 740));
        try {
            browser.clickAndWait(By.cssSelector("a[href*='/lessons/']"));
            String lesson = browser.text();
            assertTrue(lesson.contains("Trois éléments"), lesson);
            assertFalse(lesson.matches("(?s).*\\d{3} L\\d+.*"), "a source reference reached the trainee: " + lesson);
            WebElement box = browser.driver.findElement(By.cssSelector("article .table-scroll"));
            assertEquals(6, box.findElements(By.cssSelector("table th")).size());
            JavascriptExecutor page = (JavascriptExecutor) browser.driver;
            Number boxScroll = (Number) page.executeScript("return arguments[0].scrollWidth - arguments[0].clientWidth", box);
            Number pageScroll = (Number) page.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertTrue(boxScroll.intValue() > 0, "the wide table scrolls inside its box");
            assertEquals(0, pageScroll.intValue(), "the page itself is not wider than the phone");
            browser.open(enrolment);
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /** The digits of the pre-test's score as the course page shows it, in any language. */
    private String pretestScore() {
        String score = browser.driver.findElement(By.xpath("//h2[1]/following-sibling::p[1]")).getText()
                .replaceAll("[^0-9]", "");
        assertFalse(score.isEmpty(), "the pre-test shows its score: " + browser.text());
        return score;
    }

    /**
     * Four eyes on what is approved: an author drafts a new version and sends it for review; the reviewer opens its
     * lesson from the version page and reads it, read-only, as trainees will, with the questions' key, in each
     * language, then approves it.
     */
    @Test
    void aReviewerReadsALessonInReviewBeforeApprovingIt() {
        String draft;
        try (Browser author = new Browser(stack.gatewayUrl())) {
            author.open("/training/author?q=e2e-first-steps");
            author.signInOnKeycloak("author", DemoData.DEMO_PASSWORD);
            author.waitFor(By.id("course-filters"));
            author.submit(By.cssSelector("form[action='/training/author/courses/e2e-first-steps/drafts'] button"));
            draft = author.path();
            assertTrue(draft.matches("/training/author/versions/\\d+"), draft);
            author.submit(By.cssSelector("form[action$='/submit'] button"));
            assertTrue(author.text().contains("In review"), author.text());
        }
        try (Browser reviewer = new Browser(stack.gatewayUrl())) {
            reviewer.open(draft);
            reviewer.signInOnKeycloak("reviewer", DemoData.DEMO_PASSWORD);
            reviewer.clickAndWait(reviewer.waitFor(By.linkText("Three elements")));
            assertTrue(reviewer.path().startsWith(draft + "/read?lang=en"), reviewer.path());
            String page = reviewer.text();
            assertTrue(page.contains("Act, means and purpose."), "the lesson as trainees read it: " + page);
            assertTrue(page.contains("Nothing changed in this language."), "the changes since version 1: " + page);
            assertTrue(page.contains("Legal source: UN Trafficking Protocol, Art. 3(b)"), page);
            assertTrue(page.contains("Right answer: True"), "the key of each question: " + page);
            reviewer.clickAndWait(By.cssSelector("#read-languages a[lang='fr']"));
            assertTrue(reviewer.text().contains("Trois éléments"), reviewer.text());
            reviewer.submit(By.cssSelector("form[action$='/approve'] button"));
            assertTrue(reviewer.text().contains("Published"), reviewer.text());
        }
    }

    /** Takes the first test not yet taken (a taken one shows its score) or studies the first unstudied lesson. */
    private void takeNextStep(String enrolment) {
        List<WebElement> tests = browser.driver.findElements(By.cssSelector("a.button[href*='/assessments/']"))
                .stream().filter(test -> !test.findElement(By.xpath("./..")).getText().contains("%")).toList();
        if (!tests.isEmpty()) {
            browser.clickAndWait(tests.get(0));
            for (WebElement yes : browser.driver.findElements(By.cssSelector("input[type=radio][value=true]"))) {
                yes.click();
            }
            browser.clickAndWait(By.cssSelector("form[action*='/assessments/'] button[type=submit]"));
            return;
        }
        for (WebElement item : browser.driver.findElements(By.cssSelector("ol li"))) {
            List<WebElement> link = item.findElements(By.cssSelector("a[href*='/lessons/']"));
            if (!link.isEmpty() && !item.getText().contains("✓")) {
                browser.clickAndWait(link.get(0));
                browser.clickAndWait(By.cssSelector("form[action$='/studied'] button"));
                return;
            }
        }
        throw new AssertionError("no step left to take on " + enrolment + ": " + browser.text());
    }

    private List<WebElement> certificateLink() {
        return browser.driver.findElements(By.cssSelector("a[href$='/certificate.pdf']"));
    }

    private byte[] downloadWithBrowserSession(String url) throws Exception {
        String cookies = browser.driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        return response.body();
    }

    private static void writeCourse(Path course) throws IOException {
        write(course.resolve("course.yaml"), """
                slug: e2e-first-steps
                sectors: [police]
                defaultLanguage: en
                languages: [en, fr]
                passMark: 70
                title: {en: "First steps", fr: "Premiers pas"}
                summary: {en: "A short course for the journey test.", fr: "Un cours court pour le test de parcours."}
                modules:
                  - slug: basics
                    title: {en: "Basics", fr: "Bases"}
                    lessons:
                      - slug: elements
                        title: {en: "Three elements", fr: "Trois éléments"}
                    check: [e2e-q2]
                pretest: [e2e-q1]
                posttest: [e2e-q1, e2e-q2, e2e-q3]
                """);
        for (String language : List.of("en", "fr")) {
            write(course.resolve("lessons/basics/elements." + language + ".md"),
                    "# " + ("en".equals(language) ? "Three elements" : "Trois éléments") + "\n\n"
                            + "Act, means and purpose. (002 L17)\n\n"
                            + "| Recruitment | Transportation | Harbouring | Deception | Exploitation | Servitude |\n"
                            + "| --- | --- | --- | --- | --- | --- |\n"
                            + "| Act | Act | Act | Means | Purpose | Purpose (002 L19) |\n");
            write(course.resolve("questions/bank." + language + ".gift"), """
                    // source: (002 L17)
                    // legal: UN Trafficking Protocol, Art. 3(a)
                    ::e2e-q1:: Trafficking of an adult needs an act, a means and a purpose. {T #Yes.}

                    // source: (002 L19)
                    // legal: UN Trafficking Protocol, Art. 3(b)
                    ::e2e-q2:: Consent obtained by deception is irrelevant. {T #Yes.}

                    // source: (002 L56)
                    // legal: UN Smuggling Protocol, Art. 3
                    ::e2e-q3:: Smuggling of migrants always involves crossing a border. {T #Yes.}
                    """);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
