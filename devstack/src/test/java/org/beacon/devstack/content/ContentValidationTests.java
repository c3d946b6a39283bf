package org.beacon.devstack.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentValidationTests {

    static Path repository() {
        return Path.of(System.getProperty("beacon.repository", "..")).toAbsolutePath().normalize();
    }

    /** The seed documents sit beside the repository on the project's machines; elsewhere only the form is checked. */
    static Path seeds() {
        Path seeds = repository().resolve("../shared/seeds").normalize();
        return Files.isDirectory(seeds) ? seeds : null;
    }

    @Test
    void theShippedContentPassesEveryCheck() {
        List<String> problems = ContentValidation.validate(repository().resolve("content"), seeds());
        assertEquals(List.of(), problems);
    }

    @TempDir
    Path content;

    void write(String path, String text) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    void validCourse() throws IOException {
        write("courses/c1/course.yaml", """
                slug: c1
                languages: [en, fr]
                title: {en: "Course", fr: "Cours"}
                summary: {en: "S", fr: "S"}
                modules:
                  - slug: m1
                    title: {en: "M", fr: "M"}
                    lessons:
                      - slug: l1
                        title: {en: "L", fr: "L"}
                    check: [q2]
                pretest: [q1]
                posttest: [q3]
                """);
        for (String language : List.of("en", "fr")) {
            write("courses/c1/lessons/m1/l1." + language + ".md",
                    "# L\n\nIntro.\n\n## Elements\n\nTrafficking has three elements for adults: an act, a means and an exploitative purpose, "
                            + "while for children the means are not required at all under the protocol. (002 L17)\n\n"
                            + "[Handout](../../media/handout.pdf)\n");
            write("courses/c1/questions/bank." + language + ".gift", """
                    // source: (002 L17)
                    // legal: UN Trafficking Protocol, Art. 3
                    ::q1:: Is consent relevant once deception was used? {F #Right: it is irrelevant.}

                    // source: (002 L17)
                    // legal: UN Trafficking Protocol, Art. 3(c)
                    ::q2:: Are the means needed when the victim is a child? {F #Right: they are not.}

                    // source: (002 L17)
                    // legal: UN Trafficking Protocol, Art. 3(b)
                    ::q3:: Does a victim's consent to the intended exploitation matter once a means was used? {F #Right: it does not.}
                    """);
        }
        write("courses/c1/media/handout.pdf", "%PDF-1.4");
    }

    @Test
    void aCompleteCourseHasNoProblems() throws IOException {
        validCourse();
        assertEquals(List.of(), ContentValidation.validate(content, null));
    }

    @Test
    void aMissingLessonTranslationIsReported() throws IOException {
        validCourse();
        Files.delete(content.resolve("courses/c1/lessons/m1/l1.fr.md"));
        assertEquals(List.of("courses/c1: lesson m1/l1 misses its fr translation (courses/c1/lessons/m1/l1.fr.md)"),
                ContentValidation.validate(content, null));
    }

    @Test
    void aQuestionWithoutACorrectAnswerIsReported() throws IOException {
        validCourse();
        String bank = Files.readString(content.resolve("courses/c1/questions/bank.fr.gift"));
        write("courses/c1/questions/bank.fr.gift", bank.replace(
                "::q1:: Is consent relevant once deception was used? {F #Right: it is irrelevant.}", "::q1:: Qui ? {~un ~deux}"));
        assertEquals(List.of("courses/c1/questions/bank.fr.gift: question q1 has no correct answer"),
                ContentValidation.validate(content, null));
    }

    @Test
    void aQuestionInBothThePreTestAndThePostTestIsReported() throws IOException {
        validCourse();
        String course = Files.readString(content.resolve("courses/c1/course.yaml"));
        write("courses/c1/course.yaml", course.replace("pretest: [q1]", "pretest: [q1, q3]"));
        assertEquals(List.of("courses/c1: question q3 is in both the pre-test and the post-test"),
                ContentValidation.validate(content, null));
    }

    @Test
    void aModuleCheckThatReusesAPostTestQuestionIsReported() throws IOException {
        validCourse();
        String course = Files.readString(content.resolve("courses/c1/course.yaml"));
        write("courses/c1/course.yaml", course.replace("check: [q2]", "check: [q2, q3]"));
        assertEquals(List.of("courses/c1: question q3 is in the check of module m1 and in the post-test"),
                ContentValidation.validate(content, null));
    }

    @Test
    void thePreTestMayShareQuestionsWithAModuleCheck() throws IOException {
        validCourse();
        String course = Files.readString(content.resolve("courses/c1/course.yaml"));
        write("courses/c1/course.yaml", course.replace("check: [q2]", "check: [q1, q2]"));
        assertEquals(List.of(), ContentValidation.validate(content, null));
    }

    @Test
    void aBrokenMediaLinkIsReported() throws IOException {
        validCourse();
        Files.delete(content.resolve("courses/c1/media/handout.pdf"));
        List<String> problems = ContentValidation.validate(content, null);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith("broken media link ../../media/handout.pdf"), problems.toString());
    }

    @Test
    void aFactWithoutASourceIsReported() throws IOException {
        validCourse();
        write("courses/c1/lessons/m1/l1.en.md", "# L\n\n## Transnationality\n\nSmuggling of migrants is transnational by definition, "
                + "because crossing a border irregularly is one of the elements of the offence itself, whatever the route or the means of transport used.\n");
        List<String> problems = ContentValidation.validate(content, null);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("courses/c1/lessons/m1/l1.en.md: section without a source reference: \"## Transnationality\"", problems.get(0));
    }

    @Test
    void aLessonWithoutSectionsIsCheckedAsAWhole() throws IOException {
        validCourse();
        write("courses/c1/lessons/m1/l1.en.md", "# Transnationality\n\nSmuggling of migrants is transnational by "
                + "definition, because crossing a border irregularly is one of the elements of the offence itself, "
                + "whatever the route or the means of transport used.\n");
        assertEquals(List.of("courses/c1/lessons/m1/l1.en.md: section without a source reference: "
                + "\"# Transnationality\""), ContentValidation.validate(content, null));
    }

    @Test
    void aReferencePastTheEndOfASeedIsReported() throws IOException {
        validCourse();
        write("seeds/002_x.txt", "one line\n");
        List<String> problems = ContentValidation.validate(content, content.resolve("seeds"));
        assertTrue(problems.contains("courses/c1/lessons/m1/l1.en.md: reference (002 L17) is past the end of the seed (1 lines)"),
                problems.toString());
    }

    @Test
    void aCampaignPlaceAndLanguageWithoutActiveHelpIsReported() throws IOException {
        write("campaigns/k/campaign.yaml", """
                slug: k
                languages: [en, ar]
                title: {en: "T", ar: "T"}
                objectives: {en: "O", ar: "O"}
                keyMessages: []
                sources: ["(000 L5866)"]
                places: [{country: SN, region: Dakar}]
                """);
        write("help/SN.yaml", """
                country: SN
                resources:
                  - slug: h1
                    active: true
                    languages: [en]
                  - slug: h2
                    active: false
                    languages: [ar]
                """);
        assertEquals(List.of("campaigns/k: no active help resource for SN/Dakar in ar"),
                ContentValidation.validate(content, null));
    }
}
