package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.beacon.contentimport.ContentImport;
import org.beacon.devstack.Stack;
import org.beacon.devstack.content.DemoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An author's draft (issue 14, "Authors and reviewers"), in Chromium: a new draft of a published course; a change to
 * its English lesson marks the French translation outdated, in words; a language added reads what is missing in
 * words; the question bank is browsed, searched and filtered, a question is written in the form, edited, and
 * translated, with its source reference, which authors see. The course is written here and published through the
 * import and four eyes; the draft stays a draft, so no trainee sees it.
 */
class AuthorJourneyIT {

    static final String COURSE = "e2e-authoring";

    static Stack stack;

    @BeforeAll
    static void start() throws IOException {
        stack = E2EStack.get();
        Path content = Files.createTempDirectory("beacon-e2e-authoring");
        writeCourse(content.resolve("courses/" + COURSE));
        ContentImport contentImport = new ContentImport(stack.trainingUrl(), stack.campaignUrl(), stack.keycloakUrl(),
                "content-importer", stack.importerClientSecret(), content);
        contentImport.run();
        new DemoData(contentImport, stack.keycloakUrl(), stack.testClientSecret()).publish();
    }

    @Test
    void anAuthorSeesTranslationsOutdatedAndMissingInWordsAndWritesAQuestionInTheForm() {
        try (Browser author = new Browser(stack.gatewayUrl())) {
            author.open("/training/author?q=" + COURSE);
            author.signInOnKeycloak("author", DemoData.DEMO_PASSWORD);
            author.waitFor(By.id("course-filters"));
            author.submit(By.cssSelector("form[action='/training/author/courses/" + COURSE + "/drafts'] button"));
            String draft = author.path();
            assertTrue(draft.matches("/training/author/versions/\\d+"), draft);
            assertEquals("100%", translationCell(author, "fr"), "the French translation is complete at first");

            // The English lesson changes: its French translation no longer says the same, and the page says so.
            author.clickAndWait(By.cssSelector("a[href*='/lessons/'][href$='/texts?lang=en']"));
            author.fill(By.id("body"), "# Referral\n\nCall the hotline, then the labour inspectorate. (002 L17)\n");
            author.submit(By.cssSelector("main form[method=post] button[type=submit]"));
            assertEquals(draft, author.path(), author.text());
            String french = author.driver.findElement(By.id("translation-fr")).getText();
            assertFalse(french.contains("100%"), french);
            assertTrue(french.contains("1 lesson outdated in French: the default language changed since they were "
                    + "translated"), french);
            assertFalse(french.contains("{"), "words, not a map: " + french);

            author.fill(By.id("new-language"), "pt");
            author.submit(By.cssSelector("form[action$='/translations'] button"));
            String portuguese = author.waitFor(By.id("translation-pt")).getText();
            assertTrue(portuguese.contains("1 lesson, 1 module, 2 questions, and the course title or summary missing in "
                    + "Portuguese"), portuguese);

            // The author reads the lesson with its source reference.
            author.open(draft + "/read?lang=en");
            assertTrue(author.text().contains("then the labour inspectorate. (002 L17)"), author.text());

            browsesSearchesAndFiltersTheBank(author, draft);
            writesAndEditsAQuestion(author, draft);
        }
    }

    private static void browsesSearchesAndFiltersTheBank(Browser author, String draft) {
        author.open(draft);
        author.clickAndWait(By.cssSelector("a[href='" + draft + "/questions']"));
        assertEquals(List.of("au-q1", "au-q2"), questionsShown(author));
        WebElement first = author.driver.findElement(By.id("question-au-q1"));
        assertTrue(first.getText().contains("True or false"), first.getText());
        assertTrue(first.getText().contains("Legal source: UN Trafficking Protocol, Art. 6"), first.getText());
        assertTrue(first.getText().contains("en, fr"), "the languages it is written in: " + first.getText());

        author.fill(By.id("q"), "passport");
        author.submit(By.cssSelector("#question-filters button"));
        assertEquals(List.of("au-q2"), questionsShown(author), "searched in the question texts");

        author.fill(By.id("q"), "");
        new Select(author.driver.findElement(By.id("type"))).selectByValue("truefalse");
        author.submit(By.cssSelector("#question-filters button"));
        assertEquals(List.of("au-q1"), questionsShown(author), "filtered by type");

        author.fill(By.id("q"), "nothing like this");
        new Select(author.driver.findElement(By.id("type"))).selectByValue("");
        author.submit(By.cssSelector("#question-filters button"));
        assertTrue(questionsShown(author).isEmpty());
        assertTrue(author.text().contains("No question matches this search."), author.text());
    }

    private static void writesAndEditsAQuestion(Browser author, String draft) {
        author.open(draft + "/questions");
        author.clickAndWait(By.cssSelector("main a.button[href*='/questions/edit']"));
        assertEquals("New question (en)", author.waitFor(By.tagName("h1")).getText());
        author.fill(By.id("name"), "au-q3");
        new Select(author.driver.findElement(By.id("type"))).selectByValue("single");
        author.fill(By.id("stem"), "Whom do you call first?");
        List<WebElement> answers = author.driver.findElements(By.name("answer"));
        List<WebElement> weights = author.driver.findElements(By.name("weight"));
        List<WebElement> feedback = author.driver.findElements(By.name("answerFeedback"));
        answers.get(0).sendKeys("The hotline");
        weights.get(0).sendKeys("100");
        feedback.get(0).sendKeys("Right: it knows the services.");
        answers.get(1).sendKeys("The employer");
        weights.get(1).sendKeys("0");
        feedback.get(1).sendKeys("No: the employer may be the exploiter.");
        author.fill(By.id("legalSource"), "UN Trafficking Protocol, Art. 6(3)");
        author.fill(By.id("sourceRef"), "(002 L17)");
        author.submit(By.cssSelector("form[action$='/questions/edit'] button[type=submit]"));
        assertTrue(author.path().startsWith(draft + "/questions?lang=en"), author.path() + " " + author.text());
        WebElement written = author.driver.findElement(By.id("question-au-q3"));
        assertTrue(written.getText().contains("Single choice") && written.getText().contains("Whom do you call first?")
                && written.getText().contains("Legal source: UN Trafficking Protocol, Art. 6(3)"), written.getText());

        author.clickAndWait(written.findElement(By.linkText("Edit")));
        assertEquals("Whom do you call first?", author.waitFor(By.id("stem")).getAttribute("value"));
        assertEquals("The hotline", author.driver.findElements(By.name("answer")).get(0).getAttribute("value"));
        assertEquals("100", author.driver.findElements(By.name("weight")).get(0).getAttribute("value"));
        assertEquals("(002 L17)", author.driver.findElement(By.id("sourceRef")).getAttribute("value"),
                "authors see the question's source reference");
        author.fill(By.id("stem"), "Whom do you call first when you meet a presumed victim?");
        author.submit(By.cssSelector("form[action$='/questions/edit'] button[type=submit]"));
        assertTrue(author.driver.findElement(By.id("question-au-q3")).getText()
                .contains("Whom do you call first when you meet a presumed victim?"), author.text());

        // The same question in French: the form opens with the English text to translate, the key is shared.
        author.clickAndWait(author.driver.findElement(By.id("question-au-q3")).findElement(By.linkText("Edit")));
        author.clickAndWait(By.cssSelector("a[href$='name=au-q3&lang=fr']"));
        assertEquals("au-q3 (fr)", author.waitFor(By.tagName("h1")).getText());
        assertEquals("fr", author.driver.findElement(By.id("stem")).getAttribute("lang"));
        assertEquals("Whom do you call first when you meet a presumed victim?",
                author.driver.findElement(By.id("stem")).getAttribute("value"), "the English text to translate");
        author.fill(By.id("stem"), "Qui appelez-vous d’abord quand vous rencontrez une victime présumée ?");
        retype(author.driver.findElements(By.name("answer")), "La ligne d’assistance", "L’employeur");
        retype(author.driver.findElements(By.name("answerFeedback")), "Exact : elle connaît les services.",
                "Non : l’employeur peut être l’exploiteur.");
        author.submit(By.cssSelector("form[action$='/questions/edit'] button[type=submit]"));
        assertTrue(author.path().startsWith(draft + "/questions?lang=fr"), author.path());
        WebElement translated = author.driver.findElement(By.id("question-au-q3"));
        assertTrue(translated.getText().contains("Qui appelez-vous d’abord"), translated.getText());
        assertTrue(translated.getText().contains("en, fr"), translated.getText());
    }

    /** Replaces the first fields' values, one text each, as a translator retypes them. */
    private static void retype(List<WebElement> fields, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            fields.get(i).clear();
            fields.get(i).sendKeys(texts[i]);
        }
    }

    /** The status cell (completeness and its words) of one language's row on the version page. */
    private static String translationCell(Browser author, String language) {
        return author.driver.findElement(By.cssSelector("#translation-" + language + " td:nth-child(2)")).getText();
    }

    private static List<String> questionsShown(Browser author) {
        return author.driver.findElements(By.cssSelector("main table tr[id^='question-']")).stream()
                .map(row -> row.getAttribute("id").substring("question-".length())).toList();
    }

    private static void writeCourse(Path course) throws IOException {
        write(course.resolve("course.yaml"), """
                slug: %s
                sectors: [social-services]
                defaultLanguage: en
                languages: [en, fr]
                passMark: 70
                title: {en: "Referral for authors", fr: "L’orientation pour les auteurs"}
                summary: {en: "A course whose draft the author journey changes.", fr: "Un cours dont le parcours d’auteur modifie le brouillon."}
                modules:
                  - slug: referral
                    title: {en: "Referral", fr: "Orientation"}
                    lessons:
                      - slug: whom-to-call
                        title: {en: "Whom to call", fr: "Qui appeler"}
                    check: [au-q2]
                pretest: [au-q1]
                posttest: [au-q1, au-q2]
                """.formatted(COURSE));
        write(course.resolve("lessons/referral/whom-to-call.en.md"),
                "# Referral\n\nCall the hotline. (002 L17)\n");
        write(course.resolve("lessons/referral/whom-to-call.fr.md"),
                "# Orientation\n\nAppelez la ligne d’assistance. (002 L17)\n");
        write(course.resolve("questions/bank.en.gift"), """
                // source: (002 L17)
                // legal: UN Trafficking Protocol, Art. 6
                ::au-q1:: A presumed victim is referred to support services. {T #Yes.}

                // source: (002 L19)
                // legal: ILO Forced Labour Convention, Art. 2
                ::au-q2:: Who keeps a migrant worker's passport? {
                =The worker #Right.
                ~The employer #No.
                }
                """);
        write(course.resolve("questions/bank.fr.gift"), """
                // source: (002 L17)
                // legal: UN Trafficking Protocol, Art. 6
                ::au-q1:: Une victime présumée est orientée vers les services d’aide. {T #Oui.}

                // source: (002 L19)
                // legal: ILO Forced Labour Convention, Art. 2
                ::au-q2:: Qui garde le passeport d’un travailleur migrant ? {
                =Le travailleur #Exact.
                ~L’employeur #Non.
                }
                """);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
