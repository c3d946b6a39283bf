package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.beacon.contentimport.ContentImport;
import org.beacon.devstack.Stack;
import org.beacon.devstack.content.DemoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A trainer's cohort: the trainer creates it, finds a trainee of the organization who has never signed in to
 * Beacon (read from Keycloak's admin API), adds them (which enrols them), and sees their progress once they start. The
 * course is written here and goes through the same import and four-eyes publishing as the shipped ones.
 */
class TrainerJourneyIT {

    static final String COURSE = "e2e-cohort-course";

    static Stack stack;

    @BeforeAll
    static void start() throws IOException {
        stack = E2EStack.get();
        Path content = Files.createTempDirectory("beacon-e2e-cohort");
        writeCourse(content.resolve("courses/" + COURSE));
        ContentImport contentImport = new ContentImport(stack.trainingUrl(), stack.campaignUrl(), stack.keycloakUrl(),
                "content-importer", stack.importerClientSecret(), content);
        contentImport.run();
        new DemoData(contentImport, stack.keycloakUrl(), stack.testClientSecret()).publish();
    }

    @Test
    void aTrainerAddsATraineeNotYetEnrolledWhoThenAppearsWithProgress() {
        // Tariq has never signed in to this stack: the trainer finds him in Keycloak, as a trainee of the
        // police academy.
        String cohort;
        try (Browser trainer = new Browser(stack.gatewayUrl())) {
            trainer.open("/training/cohorts");
            trainer.signInOnKeycloak("trainer", DemoData.DEMO_PASSWORD);
            trainer.fill(By.id("name"), "Cohort journey " + System.nanoTime());
            trainer.driver.findElement(By.cssSelector("#course option[value='" + COURSE + "']")).click();
            trainer.fill(By.id("institution"), "Police Academy");
            setDate(trainer, "startsOn", LocalDate.now());
            setDate(trainer, "endsOn", LocalDate.now().plusDays(4));
            trainer.submit(By.cssSelector("form[action='/training/cohorts'] button[type=submit]"));
            cohort = trainer.path();
            assertTrue(cohort.matches("/training/cohorts/\\d+"), cohort + ": " + trainer.text());

            trainer.fill(By.id("q"), "tari");
            trainer.submit(By.cssSelector("#add-trainee form[method=get] button"));
            String found = trainer.text();
            assertTrue(found.contains("Tariq Trainee") && found.contains("Not enrolled yet"), found);
            trainer.submit(By.xpath(
                    "//section[@id='add-trainee']//tr[td[1][normalize-space()='Tariq Trainee']]//button"));
            String members = memberRow(trainer);
            assertTrue(members.contains("0"), "the new trainee starts at 0 %: " + members);
        }

        // Enrolled by the trainer: the course is in the trainee's list; they take the pre-test.
        try (Browser trainee = new Browser(stack.gatewayUrl())) {
            trainee.open("/training");
            trainee.signInOnKeycloak("trainee", DemoData.DEMO_PASSWORD);
            trainee.clickAndWait(trainee.waitFor(By.xpath("//a[starts-with(@href, '/training/enrolments/')"
                    + " and normalize-space()='Cohort steps']")));
            trainee.clickAndWait(By.cssSelector("a.button[href*='/assessments/']"));
            for (WebElement yes : trainee.driver.findElements(By.cssSelector("input[type=radio][value=true]"))) {
                yes.click();
            }
            trainee.submit(By.cssSelector("form[action*='/assessments/'] button[type=submit]"));
        }

        try (Browser trainer = new Browser(stack.gatewayUrl())) {
            trainer.open(cohort);
            trainer.signInOnKeycloak("trainer", DemoData.DEMO_PASSWORD);
            String row = memberRow(trainer);
            assertTrue(row.contains("100"), "the pre-test score shows in the cohort: " + row);
            assertTrue(trainer.driver.findElements(By.cssSelector("a[href='" + cohort + "/progress.csv']")).size() == 1,
                    "the progress downloads as CSV: " + trainer.text());
        }
    }

    /**
     * A refused cohort form, in French: the trainer is told which field is wrong by its label and in French, and
     * finds everything typed still there, so correcting one date is enough; the list then has its column headers.
     */
    @Test
    void aRefusedCohortFormKeepsWhatWasTypedAndNamesTheFieldByItsFrenchLabel() {
        try (Browser trainer = new Browser(stack.gatewayUrl())) {
            trainer.open("/lang?l=fr&back=/training/cohorts");
            trainer.signInOnKeycloak("trainer", DemoData.DEMO_PASSWORD);
            String name = "Groupe de Thiès " + System.nanoTime();
            trainer.fill(By.id("name"), name);
            trainer.driver.findElement(By.cssSelector("#course option[value='" + COURSE + "']")).click();
            trainer.fill(By.id("institution"), "École nationale de police");
            LocalDate start = LocalDate.now().plusDays(7);
            setDate(trainer, "startsOn", start);
            setDate(trainer, "endsOn", start.minusDays(2));
            trainer.submit(By.cssSelector("form[action='/training/cohorts'] button[type=submit]"));

            List<String> refused = trainer.driver.findElements(By.cssSelector("form .field-error")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("Fin : le groupe ne peut pas finir avant de commencer."), refused, trainer.text());
            assertEquals("Fin", trainer.driver.findElement(By.cssSelector("label[for=endsOn]")).getText(),
                    "the error names the field as its label does");
            assertEquals(name, trainer.driver.findElement(By.id("name")).getAttribute("value"));
            assertEquals("École nationale de police",
                    trainer.driver.findElement(By.id("institution")).getAttribute("value"));
            assertEquals(COURSE, trainer.driver.findElement(By.cssSelector("#course option:checked"))
                    .getAttribute("value"));
            assertEquals(start.toString(), trainer.driver.findElement(By.id("startsOn")).getAttribute("value"));
            assertEquals(start.minusDays(2).toString(), trainer.driver.findElement(By.id("endsOn")).getAttribute("value"));

            setDate(trainer, "endsOn", start.plusDays(2));
            trainer.submit(By.cssSelector("form[action='/training/cohorts'] button[type=submit]"));
            assertTrue(trainer.path().matches("/training/cohorts/\\d+"), trainer.path() + ": " + trainer.text());
            trainer.open("/training/cohorts");
            assertEquals(List.of("Nom", "Cours", "Institution", "Dates", "Apprenants"),
                    trainer.driver.findElements(By.cssSelector("main table thead th")).stream()
                            .map(WebElement::getText).toList());
            WebElement row = trainer.driver.findElement(By.xpath("//tr[td/a[normalize-space()='" + name + "']]"));
            assertTrue(row.getText().endsWith("0 apprenant"), "a count in French words: " + row.getText());
        }
    }

    /** The cohort's row for the trainee, as the trainer's page shows it. */
    private static String memberRow(Browser trainer) {
        List<WebElement> rows = trainer.waitFor(By.tagName("h1")).findElements(By.xpath(
                "//h2[normalize-space()='Trainees']/following-sibling::table[1]//tr[td[1][normalize-space()='Tariq Trainee']]"));
        assertTrue(rows.size() == 1, "Tariq Trainee is in the cohort: " + trainer.text());
        return rows.get(0).getText();
    }

    /** Sets a date field as the date picker would: typing into one depends on the browser's locale. */
    private static void setDate(Browser browser, String id, LocalDate day) {
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                id, day.toString());
    }

    private static void writeCourse(Path course) throws IOException {
        write(course.resolve("course.yaml"), """
                slug: %s
                sectors: [police]
                defaultLanguage: en
                languages: [en]
                passMark: 70
                title: {en: "Cohort steps"}
                summary: {en: "A one-lesson course for the trainer's journey test."}
                modules:
                  - slug: referral
                    title: {en: "Referral"}
                    lessons:
                      - slug: first-contact
                        title: {en: "First contact"}
                    check: [cohort-q2]
                pretest: [cohort-q1]
                posttest: [cohort-q1, cohort-q2]
                """.formatted(COURSE));
        write(course.resolve("lessons/referral/first-contact.en.md"),
                "# First contact\n\nA presumed victim is referred to support before any interview. (002 L17)\n");
        write(course.resolve("questions/bank.en.gift"), """
                // source: (002 L17)
                // legal: UN Trafficking Protocol, Art. 6
                ::cohort-q1:: A presumed victim is referred to support services. {T #Yes.}

                // source: (002 L19)
                // legal: UN Trafficking Protocol, Art. 6(3)
                ::cohort-q2:: Support does not depend on cooperating with the investigation. {T #Yes.}
                """);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
