package org.beacon.contentimport;

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
    void aBrokenLinkOutsideMediaIsReportedWhileMediaLinksAreTheTrainingServicesToCheck() throws IOException {
        validCourse();
        Files.delete(content.resolve("courses/c1/media/handout.pdf"));
        assertEquals(List.of(), ContentValidation.validate(content, null));
        String lesson = Files.readString(content.resolve("courses/c1/lessons/m1/l1.en.md"));
        write("courses/c1/lessons/m1/l1.en.md", lesson + "\n[Reading](../../reading/list.md)\n");
        assertEquals(List.of("courses/c1/lessons/m1/l1.en.md: broken media link ../../reading/list.md"),
                ContentValidation.validate(content, null));
    }

    @Test
    void aFactWithoutASourceIsReported() throws IOException {
        validCourse();
        write("courses/c1/lessons/m1/l1.en.md", "# L\n\n## Transnationality\n\nSmuggling of migrants is transnational by definition, "
                + "because crossing a border irregularly is one of the elements of the offence itself, whatever the route or the means of transport used.\n");
        List<String> problems = ContentValidation.validate(content, null);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("courses/c1/lessons/m1/l1.en.md: paragraph without a source reference: \"Smuggling of migrants "
                + "is transnational by definition, becaus…\"", problems.get(0));
    }

    @Test
    void aLessonWithoutSectionsIsCheckedAsAWhole() throws IOException {
        validCourse();
        write("courses/c1/lessons/m1/l1.en.md", "# Transnationality\n\nSmuggling of migrants is transnational by "
                + "definition, because crossing a border irregularly is one of the elements of the offence itself, "
                + "whatever the route or the means of transport used.\n");
        assertEquals(List.of("courses/c1/lessons/m1/l1.en.md: paragraph without a source reference: "
                + "\"Smuggling of migrants is transnational by definition, becaus…\""),
                ContentValidation.validate(content, null));
    }

    @Test
    void aReferencePastTheEndOfASeedIsReported() throws IOException {
        validCourse();
        write("seeds/002_x.txt", "one line\n");
        List<String> problems = ContentValidation.validate(content, content.resolve("seeds"));
        assertTrue(problems.contains("courses/c1/lessons/m1/l1.en.md: reference (002 L17) is past the end of the seed (1 lines)"),
                problems.toString());
    }

    static final String CITED = "Trafficking has three elements for adults: an act, a means and an exploitative "
            + "purpose; for children the means are not required. (002 L17)";
    static final String UNCITED = "Smuggling of migrants is transnational by definition, because crossing a border "
            + "irregularly is an element of the offence.";

    @Test
    void everyFactualParagraphOfALessonCarriesItsSourceNotOnlyOnePerSection() throws IOException {
        validCourse();
        write("courses/c1/lessons/m1/l1.en.md", "# L\n\nIntro.\n\n## Elements\n\n" + CITED + "\n\n" + UNCITED + "\n");
        assertEquals(List.of("courses/c1/lessons/m1/l1.en.md: paragraph without a source reference: "
                + "\"Smuggling of migrants is transnational by definition, becaus…\""),
                ContentValidation.validate(content, null));
    }

    @Test
    void headingsLeadInsQuestionsShortLinesOwnAdviceAfterASourceAndListsItIntroducesNeedNoSource() throws IOException {
        validCourse();
        write("courses/c1/lessons/m1/l1.en.md", "# L\n\nThis lesson introduces the two crimes and how to tell them "
                + "apart at the scene, for officers who meet migrants and victims every day.\n\n## Elements\n\n"
                + CITED + "\n\nTwo conditions stand out:\n\n- the act and the means must both be shown for an adult, "
                + "and the purpose of exploitation must be what the perpetrator intended;\n- for a child, the act and "
                + "the purpose are enough, whatever the means or the child's apparent agreement.\n\n"
                + "What would you ask first, and whom would you call before you decide anything at all about it?\n\n"
                + "Our advice: write down each element with its evidence as you go, so that the prosecutor can "
                + "follow your reasoning later and the defence can test it.\n\nGood practice in court:\n\n"
                + "- take the evidence once, early, and record it so it can be used if the victim cannot attend later;\n\n"
                + "Know the signs. Speak up safely.\n");
        assertEquals(List.of(), ContentValidation.validate(content, null));
    }

    @Test
    void ownAdviceBeforeAnySourceAndAnUncitedListAreReported() throws IOException {
        validCourse();
        write("courses/c1/lessons/m1/l1.en.md", "# L\n\nIntro.\n\n## Advice\n\nOur advice: write down each "
                + "element with its evidence as you go, so the prosecutor can follow your reasoning later.\n\n"
                + "Signs to know:\n\n- an employer keeps the worker's identity papers and wages, and the worker cannot "
                + "leave the house freely;\n\n" + CITED + "\n");
        assertEquals(List.of(
                "courses/c1/lessons/m1/l1.en.md: advice before any source: \"Our advice: write down each element "
                        + "with its evidence as you…\"",
                "courses/c1/lessons/m1/l1.en.md: list item without a source reference: \"an employer keeps the "
                        + "worker's identity papers and wages, an…\""),
                ContentValidation.validate(content, null));
    }

    @Test
    void aDemoEntryCarriesNoVerificationDateNorARealLookingNumber() throws IOException {
        write("help/SN.yaml", """
                country: SN
                resources:
                  - slug: h1
                    kind: hotline
                    demo: true
                    active: true
                    languages: [en]
                    contact: "+221 800 00 00 00"
                    lastVerified: 2026-11-01
                """);
        assertEquals(List.of(
                "help/SN.yaml: demo entry h1 carries lastVerified; only a person who checked a real entry with the "
                        + "service enters that date",
                "help/SN.yaml: demo entry h1 has a contact that looks like a real number"),
                ContentValidation.validate(content, null));
    }

    /** A campaign in en and fr without places (so no help is needed) whose one survey has these survey rows. */
    void campaignWithSurvey(String surveyRows) throws IOException {
        write("campaigns/s/campaign.yaml", """
                slug: s
                languages: [en, fr]
                title: {en: "T", fr: "T"}
                objectives: {en: "O", fr: "O"}
                sources: ["(003 L1333)"]
                surveys:
                  - slug: s1
                """);
        write("campaigns/s/surveys/s1/survey.csv", surveyRows);
        write("campaigns/s/surveys/s1/choices.csv", """
                list_name,name,label::English (en),label::Français (fr)
                channel,radio,Radio,Radio
                channel,not_heard,I have not heard of it,Je n'en ai pas entendu parler
                """);
        write("campaigns/s/surveys/s1/settings.csv", "form_title,form_id,version,default_language\nS,s1,1,English (en)\n");
    }

    static final String SURVEY_HEADER = "type,name,label::English (en),label::Français (fr),relevant,constraint,"
            + "constraint_message::English (en),constraint_message::Français (fr),appearance,required\n";
    static final String HEARD_FROM = "select_multiple channel,heard_from,Where?,Où ?,,"
            + "\"not(selected(., 'not_heard') and count-selected(.) > 1)\",Not heard goes alone,Pas entendu va seul,,yes\n";
    static final String WITH_LOGIC = SURVEY_HEADER
            + "begin group,background,About you,Vous,,,,,field-list,\n"
            + "integer,age,Age,Âge,,,,,,yes\n"
            + "end group,,,,,,,,,\n"
            + HEARD_FROM
            + "integer,told,How many?,Combien ?,\"not(selected(${heard_from}, 'not_heard'))\",,,,,yes\n"
            + "note,thanks,You told ${told},Vous l'avez dit à ${told},,,,,,\n";

    @Test
    void aSurveyWithLogicHasNoProblems() throws IOException {
        campaignWithSurvey(WITH_LOGIC);
        assertEquals(List.of(), ContentValidation.validate(content, null));
    }

    @Test
    void aSurveyWithoutLogicIsReportedForEachMissingFeature() throws IOException {
        campaignWithSurvey("""
                type,name,label::English (en),label::Français (fr),required
                integer,age,Age,Âge,yes
                select_multiple channel,heard_from,Where?,Où ?,yes
                """);
        assertEquals(List.of(
                "campaigns/s/surveys/s1/survey.csv: no question is asked conditionally (a relevant rule, e.g. where "
                        + "the respondent heard of the campaign only if they did)",
                "campaigns/s/surveys/s1/survey.csv: no constraint with a constraint_message in every language of the survey",
                "campaigns/s/surveys/s1/survey.csv: no group (begin group ... end group)",
                "campaigns/s/surveys/s1/survey.csv: no label repeats an earlier answer (${name} in a label)"),
                ContentValidation.validate(content, null));
    }

    @Test
    void aConstraintWithoutItsMessageInALanguageIsReported() throws IOException {
        campaignWithSurvey(WITH_LOGIC.replace("Pas entendu va seul", ""));
        assertEquals(List.of(
                "campaigns/s/surveys/s1/survey.csv row 5 (heard_from): the constraint has no constraint_message in fr; "
                        + "a respondent would not know why the answer is refused",
                "campaigns/s/surveys/s1/survey.csv: no constraint with a constraint_message in every language of the survey"),
                ContentValidation.validate(content, null));
    }

    @Test
    void aSurveyThatDoesNotSpeakALanguageOfItsCampaignIsReported() throws IOException {
        campaignWithSurvey(WITH_LOGIC.replace(",label::Français (fr),", ",label::Français (fx),"));
        List<String> problems = ContentValidation.validate(content, null);
        assertTrue(problems.contains("campaigns/s/surveys/s1/survey.csv: no label column in fr, a language of the "
                + "campaign"), problems.toString());
    }

    @Test
    void latinDigitsInAnArabicChoiceLabelAreRefusedUnlessMarkedLeftToRight() throws IOException {
        campaignWithSurvey(WITH_LOGIC);
        write("campaigns/s/surveys/s1/choices.csv", """
                list_name,name,label::English (en),label::Français (fr),label::العربية (ar)
                channel,radio,Radio,Radio,الإذاعة
                channel,not_heard,I have not heard of it,Je n'en ai pas entendu parler,لم أسمع بها
                age,a15,15-17,15-17,١٥-١٧
                age,a50,50+,50+,50+
                age,code,Line 116,Ligne 116,الخط \u2066116\u2069
                """);
        assertEquals(List.of("campaigns/s/surveys/s1/choices.csv row 5 (age/a50): the Arabic label \"50+\" has Latin "
                + "digits; write them in Arabic-Indic digits (١٥-١٧) or mark the run left to right (U+2066 … U+2069)"),
                ContentValidation.validate(content, null));
    }
}
