package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.beacon.contentimport.ContentImport;
import org.beacon.devstack.Stack;
import org.beacon.devstack.content.DemoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * What a trainee reads, as issue 14's "Trainees" points say they see it: the catalogue names each course in the
 * reader's language with the languages it is offered in; in the Arabic interface a course studied in French is laid
 * out left to right, with its own {@code lang} and {@code dir}, in the titles, the lesson, the glossary, the questions
 * and their answers; no source reference reaches the trainee, while the reviewer reads them; and once a new version
 * is published as a legal change, the certificate's public verification page says a refresher is due. The course is
 * written here (its right answers known to the test) and goes through the import and four eyes like the shipped ones.
 */
class TraineeReadingIT {

    static final String COURSE = "e2e-reading";
    static final String TITLE_FR = "Lire les indicateurs";
    /** The right answer of each question, as the French quiz shows it: without its source reference. */
    static final Map<String, String> RIGHT_FR = Map.of(
            "rd-q1", "Oui, de servitude pour dettes.",
            "rd-q2", "Le travailleur lui-même.");
    /** A source reference as the course's files write them, in the lesson, a question, an answer and feedback. */
    static final String REFERENCE = "(002 L185)";

    static Stack stack;

    @BeforeAll
    static void start() throws IOException {
        stack = E2EStack.get();
        Path content = Files.createTempDirectory("beacon-e2e-reading");
        writeCourse(content.resolve("courses/" + COURSE));
        ContentImport contentImport = new ContentImport(stack.trainingUrl(), stack.campaignUrl(), stack.keycloakUrl(),
                "content-importer", stack.importerClientSecret(), content);
        contentImport.run();
        new DemoData(contentImport, stack.keycloakUrl(), stack.testClientSecret()).publish();
    }

    @Test
    void theFrenchCatalogueNamesEachCourseAndItsLanguagesInFrench() {
        try (Browser trainee = new Browser(stack.gatewayUrl())) {
            trainee.open("/lang?l=fr&back=/training");
            trainee.signInOnKeycloak("trainee", DemoData.DEMO_PASSWORD);
            assertEquals("Cours publiés", trainee.waitFor(By.xpath("//h2[normalize-space()='Cours publiés']")).getText());

            WebElement written = card(trainee, COURSE);
            assertEquals(TITLE_FR, written.findElement(By.tagName("h3")).getText());
            assertEquals("fr", written.findElement(By.tagName("h3")).getAttribute("lang"));
            assertTrue(written.getText().contains("Proposé en : English, Français"), written.getText());
            assertEquals(List.of("en", "fr"), offeredIn(written));

            // A shipped course: its French title, and its four languages each named in itself.
            WebElement shipped = card(trainee, "first-contact");
            assertEquals("Premier contact : identifier, protéger, orienter",
                    shipped.findElement(By.tagName("h3")).getText());
            assertEquals(List.of("en", "fr", "es", "pt"), offeredIn(shipped));
            assertTrue(shipped.getText().contains("English, Français, Español, Português"), shipped.getText());
        }
    }

    @Test
    void aFrenchCourseReadsLeftToRightInTheArabicInterfaceWithoutSourceReferencesAndItsCertificateCallsForARefresher() {
        String code;
        try (Browser trainee = new Browser(stack.gatewayUrl())) {
            trainee.open("/training/courses/" + COURSE);
            trainee.signInOnKeycloak("trainee", DemoData.DEMO_PASSWORD);
            trainee.waitFor(By.id("language"));
            trainee.open("/lang?l=ar&back=/training/courses/" + COURSE);
            WebElement html = trainee.driver.findElement(By.tagName("html"));
            assertEquals("ar", html.getAttribute("lang"));
            assertEquals("rtl", html.getAttribute("dir"));
            trainee.driver.findElement(By.cssSelector("#language option[value='fr']")).click();
            trainee.clickAndWait(By.cssSelector("form[action$='/enrol'] button"));
            String enrolment = trainee.path();
            assertTrue(enrolment.matches("/training/enrolments/\\d+"), enrolment);

            WebElement title = trainee.waitFor(By.tagName("h1"));
            assertEquals(TITLE_FR, title.getText());
            readsLeftToRight(trainee, title, "fr");
            readsLeftToRight(trainee, trainee.driver.findElement(By.xpath("//h2[normalize-space()='Signes']")), "fr");
            WebElement term = trainee.driver.findElement(By.cssSelector("dl dt"));
            assertEquals("confiage", term.getText());
            readsLeftToRight(trainee, term, "en");
            WebElement explanation = trainee.driver.findElement(By.cssSelector("dl dd"));
            assertTrue(explanation.getText().startsWith("Pratique d’Afrique de l’Ouest"), explanation.getText());
            readsLeftToRight(trainee, explanation, "fr");
            endsOnTheRight(trainee, explanation);
            noReference(trainee);

            answerRightly(trainee, assessmentLinks(trainee).get(0), false);
            trainee.open(enrolment);
            WebElement lessonLink = trainee.driver.findElement(By.cssSelector("a[href*='/lessons/']"));
            readsLeftToRight(trainee, lessonLink, "fr");
            trainee.clickAndWait(lessonLink);
            readsLeftToRight(trainee, trainee.waitFor(By.tagName("h1")), "fr");
            WebElement lesson = trainee.driver.findElement(By.tagName("article"));
            readsLeftToRight(trainee, lesson, "fr");
            WebElement sentence = lesson.findElement(By.tagName("p"));
            assertEquals("Une dette que l’employeur fixe et qui ne diminue jamais est un indicateur.",
                    sentence.getText(), "the lesson without its source reference");
            endsOnTheRight(trainee, sentence);
            noReference(trainee);
            trainee.clickAndWait(By.cssSelector("form[action$='/studied'] button"));

            trainee.open(enrolment);
            answerRightly(trainee, trainee.driver.findElement(By.xpath("//p[strong]/following-sibling::p[1]"
                    + "/a[contains(@href, '/assessments/')]")), false);
            trainee.open(enrolment);
            List<WebElement> tests = assessmentLinks(trainee);
            answerRightly(trainee, tests.get(tests.size() - 1), true);

            trainee.open(enrolment);
            code = trainee.driver.findElement(By.cssSelector("a[href*='/training/public/verify?code=']"))
                    .getAttribute("href").replaceAll(".*code=", "");
            trainee.open("/training");
            WebElement mine = trainee.driver.findElement(By.cssSelector("a[href='" + enrolment + "']"));
            assertEquals(TITLE_FR, mine.getText(), "'Your courses' names the course in the language it is studied in");
            readsLeftToRight(trainee, mine, "fr");
        }

        publishALegalChange();

        try (Browser anyone = new Browser(stack.gatewayUrl())) {
            anyone.open("/lang?l=fr&back=/");
            anyone.open("/training/public/verify?code=" + code);
            assertTrue(anyone.waitFor(By.id("result")).getText().contains("Tariq Trainee"), anyone.text());
            WebElement superseded = anyone.driver.findElement(By.id("superseded"));
            assertTrue(superseded.getText().startsWith("La version 2 de ce cours a remplacé la version 1 à la suite "
                    + "d’un changement de la loi : le titulaire de ce certificat doit suivre une remise à niveau."),
                    superseded.getText());
            // and where to take it
            WebElement refresher = superseded.findElement(By.tagName("a"));
            assertEquals("Suivre la version 2 du cours", refresher.getText());
            assertTrue(refresher.getAttribute("href").endsWith("/training/courses/" + COURSE), refresher.getAttribute("href"));
        }
    }

    /**
     * An author starts version 2, marks it as a legal change and sends it for review; the reviewer reads it, source
     * references included (authors and reviewers need them), and approves it.
     */
    private static void publishALegalChange() {
        String draft;
        try (Browser author = new Browser(stack.gatewayUrl())) {
            author.open("/training/author?q=" + COURSE);
            author.signInOnKeycloak("author", DemoData.DEMO_PASSWORD);
            author.waitFor(By.id("course-filters"));
            author.submit(By.cssSelector("form[action='/training/author/courses/" + COURSE + "/drafts'] button"));
            draft = author.path();
            assertTrue(draft.matches("/training/author/versions/\\d+"), draft);
            WebElement legalChange = author.driver.findElement(By.cssSelector("input[name=legalChange]"));
            legalChange.click();
            assertTrue(legalChange.isSelected());
            author.submit(By.cssSelector("form[action$='/legal-change'] button"));
            assertTrue(author.driver.findElement(By.cssSelector("input[name=legalChange]")).isSelected(),
                    "the version is marked as a legal change: " + author.text());
            author.submit(By.cssSelector("form[action$='/submit'] button"));
            assertTrue(author.text().contains("In review"), author.text());
            assertTrue(author.text().contains("Legal change"), author.text());
        }
        try (Browser reviewer = new Browser(stack.gatewayUrl())) {
            reviewer.open(draft + "/read?lang=fr");
            reviewer.signInOnKeycloak("reviewer", DemoData.DEMO_PASSWORD);
            reviewer.waitFor(By.id("questions"));
            String page = reviewer.text();
            assertTrue(page.contains("un indicateur. " + REFERENCE), "the reviewer reads the lesson as written: " + page);
            assertTrue(page.contains("Source: " + REFERENCE), "and each question's source: " + page);
            reviewer.submit(By.cssSelector("form[action$='/approve'] button"));
            assertTrue(reviewer.text().contains("Published"), reviewer.text());
        }
    }

    /**
     * Takes the assessment the course page's {@code link} opens, choosing each right answer; the result shows the
     * answers' feedback once the course is completed ({@code completes}).
     */
    private static void answerRightly(Browser trainee, WebElement link, boolean completes) {
        trainee.clickAndWait(link);
        List<WebElement> questions = trainee.driver.findElements(By.cssSelector("form fieldset"));
        assertFalse(questions.isEmpty(), trainee.text());
        for (WebElement question : questions) {
            WebElement stem = question.findElement(By.cssSelector("legend span"));
            readsLeftToRight(trainee, stem, "fr");
            endsOnTheRight(trainee, stem);
            List<WebElement> answers = question.findElements(By.cssSelector("label span"));
            assertEquals(2, answers.size(), question.getText());
            answers.forEach(answer -> readsLeftToRight(trainee, answer, "fr"));
            WebElement right = answers.stream().filter(answer -> RIGHT_FR.containsValue(answer.getText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no right answer shown: " + question.getText()));
            right.findElement(By.xpath("preceding-sibling::input")).click();
        }
        noReference(trainee);
        trainee.submit(By.cssSelector("form[action*='/assessments/'] button[type=submit]"));
        noReference(trainee);
        if (completes) {
            List<WebElement> feedback = trainee.driver.findElements(
                    By.xpath("//section/p/span[starts-with(normalize-space(), 'Exact :')]"));
            assertEquals(questions.size(), feedback.size(), "every answer is right, with its feedback: " + trainee.text());
            feedback.forEach(text -> readsLeftToRight(trainee, text, "fr"));
        }
    }

    private static List<WebElement> assessmentLinks(Browser trainee) {
        return trainee.driver.findElements(By.cssSelector("a.button[href*='/assessments/']"));
    }

    /** The element is marked as {@code language}, left to right, and the browser lays it out so. */
    private static void readsLeftToRight(Browser browser, WebElement element, String language) {
        assertEquals(language, element.getAttribute("lang"), element.getAttribute("outerHTML"));
        assertEquals("ltr", element.getAttribute("dir"), element.getAttribute("outerHTML"));
        assertEquals("ltr", ((JavascriptExecutor) browser.driver)
                .executeScript("return getComputedStyle(arguments[0]).direction", element));
    }

    /**
     * The text's last character (a full stop or question mark) is drawn to the right of its first, on the same
     * line: in a right-to-left paragraph the closing punctuation of French jumps to the left end.
     */
    private static void endsOnTheRight(Browser browser, WebElement element) {
        @SuppressWarnings("unchecked")
        List<Number> boxes = (List<Number>) ((JavascriptExecutor) browser.driver).executeScript("""
                const texts = [];
                const walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) { if (walker.currentNode.textContent.trim()) texts.push(walker.currentNode); }
                const first = texts[0], last = texts[texts.length - 1];
                const range = document.createRange();
                const start = first.textContent.search(/\\S/);
                range.setStart(first, start); range.setEnd(first, start + 1);
                const a = range.getBoundingClientRect();
                const end = last.textContent.trimEnd().length;
                range.setStart(last, end - 1); range.setEnd(last, end);
                const b = range.getBoundingClientRect();
                return [a.left, a.top, b.left, b.top];
                """, element);
        String text = element.getText();
        assertEquals(boxes.get(1).doubleValue(), boxes.get(3).doubleValue(), 2.0, "one line: " + text);
        assertTrue(boxes.get(2).doubleValue() > boxes.get(0).doubleValue(),
                "'" + text.charAt(text.length() - 1) + "' ends the line on the right: " + boxes + " " + text);
    }

    private static void noReference(Browser trainee) {
        assertFalse(trainee.text().matches("(?s).*\\d{3} L\\d+.*"), "a source reference reached the trainee on "
                + trainee.path() + ": " + trainee.text());
    }

    private static WebElement card(Browser browser, String slug) {
        return browser.driver.findElement(By.xpath("//li[contains(@class, 'card')][.//a[@href='/training/courses/"
                + slug + "']]"));
    }

    private static List<String> offeredIn(WebElement card) {
        return card.findElements(By.cssSelector("p span[lang]")).stream().map(span -> span.getAttribute("lang"))
                .toList();
    }

    private static void writeCourse(Path course) throws IOException {
        write(course.resolve("course.yaml"), """
                slug: %s
                sectors: [labour-inspection]
                defaultLanguage: en
                languages: [en, fr]
                passMark: 70
                title: {en: "Reading the indicators", fr: "%s"}
                summary: {en: "Debt and documents as signs of forced labour.", fr: "La dette et les papiers comme signes de travail forcé."}
                modules:
                  - slug: signs
                    title: {en: "Signs", fr: "Signes"}
                    lessons:
                      - slug: debt
                        title: {en: "Debt", fr: "La dette"}
                    check: [rd-q2]
                pretest: [rd-q1]
                posttest: [rd-q1, rd-q2]
                glossary:
                  - term: confiage
                    explanation:
                      en: "West African practice of entrusting a child to relatives, who raise them away from their parents."
                      fr: "Pratique d’Afrique de l’Ouest qui consiste à confier un enfant à des proches."
                    sources: ["(000 L8809)"]
                """.formatted(COURSE, TITLE_FR));
        write(course.resolve("lessons/signs/debt.en.md"), "# Debt\n\n"
                + "A debt that the employer sets and that never goes down is an indicator. " + REFERENCE + "\n");
        write(course.resolve("lessons/signs/debt.fr.md"), "# La dette\n\n"
                + "Une dette que l’employeur fixe et qui ne diminue jamais est un indicateur. " + REFERENCE + "\n");
        write(course.resolve("questions/bank.en.gift"), """
                // source: %1$s
                // legal: ILO Forced Labour Convention, Art. 2
                ::rd-q1:: Is a debt that never goes down an indicator? %1$s {
                =Yes, of debt bondage. %1$s #Right: the debt holds the person. %1$s
                ~No, never. #No: a debt can be used to hold a person.
                }

                // source: (002 L190)
                // legal: ILO Forced Labour Convention, Art. 2
                ::rd-q2:: Who keeps a migrant worker's passport? {
                =The worker. #Right: nobody else may keep it. (002 L190)
                ~The employer. #No: keeping a passport is an indicator of forced labour.
                }
                """.formatted(REFERENCE));
        write(course.resolve("questions/bank.fr.gift"), """
                // source: %1$s
                // legal: Convention de l’OIT sur le travail forcé, art. 2
                ::rd-q1:: Une dette qui ne diminue jamais est-elle un indicateur ? %1$s {
                =%2$s %1$s #Exact : la dette retient la personne. %1$s
                ~Non, jamais. #Non : une dette peut servir à retenir une personne.
                }

                // source: (002 L190)
                // legal: Convention de l’OIT sur le travail forcé, art. 2
                ::rd-q2:: Qui garde le passeport d’un travailleur migrant ? {
                =%3$s #Exact : personne d’autre ne peut le garder. (002 L190)
                ~L’employeur. #Non : garder un passeport est un indicateur de travail forcé.
                }
                """.formatted(REFERENCE, RIGHT_FR.get("rd-q1"), RIGHT_FR.get("rd-q2")));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
