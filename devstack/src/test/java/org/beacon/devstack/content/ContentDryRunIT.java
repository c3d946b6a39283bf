package org.beacon.devstack.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.beacon.contentimport.ContentImport;
import org.beacon.devstack.Stack;
import org.beacon.devstack.e2e.E2EStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The content checks the services make, asked through the dry run of their import APIs on a real stack: the
 * shipped content passes every one (help coverage and help placeholders included, with the stack's help), content
 * that breaks a service's rule is refused in that service's words, and a dry run stores nothing.
 */
class ContentDryRunIT {

    static Stack stack;

    @BeforeAll
    static void start() {
        stack = E2EStack.get();
    }

    static ContentImport importer(Path content) {
        return ContentImportIT.importer(content);
    }

    static Path copyOf(String... parts) {
        try {
            Path content = Files.createTempDirectory("beacon-dry-run-content");
            for (String part : parts) {
                Path shipped = stack.repository().resolve("content").resolve(part);
                try (Stream<Path> files = Files.walk(shipped)) {
                    for (Path file : files.toList()) {
                        Path copy = content.resolve(part).resolve(shipped.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(copy);
                        } else {
                            Files.copy(file, copy);
                        }
                    }
                }
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void theShippedContentPassesEveryCheckOfTheServices() {
        ContentImport.DryRun dryRun = importer(stack.repository().resolve("content")).dryRun();
        assertEquals(List.of(), dryRun.problems());
        assertEquals(List.of(), dryRun.notes(), "every campaign could be published with the stack's help");
    }

    @Test
    void contentThatBreaksAServiceRuleIsRefusedInThatServicesWords() throws IOException {
        Path content = copyOf("courses/first-contact", "campaigns/know-the-signs");
        replace(content.resolve("courses/first-contact/questions/bank.fr.gift"), "{T#", "{~vrai ~faux #");
        Path sms = Files.list(content.resolve("campaigns/know-the-signs/materials"))
                .filter(f -> f.getFileName().toString().endsWith(".en.md")).sorted().findFirst().orElseThrow();
        Files.writeString(sms, Files.readString(sms) + "\nCall {help.phone}.\n");
        replace(content.resolve("campaigns/know-the-signs/surveys/know-the-signs/survey.csv"), "${", "${no_such_");

        ContentImport.DryRun dryRun = importer(content).dryRun();
        assertTrue(dryRun.problems().stream().anyMatch(p -> p.startsWith("course first-contact (400)")
                && p.contains("bank.fr.gift line") && p.contains("the question has no correct answer")),
                dryRun.problems().toString());
        assertTrue(dryRun.problems().stream().anyMatch(p -> p.startsWith("survey know-the-signs (400)")
                && p.contains("${no_such_") && p.contains("names no question of this form")),
                dryRun.problems().toString());
        assertTrue(dryRun.notes().stream().anyMatch(n -> n.startsWith("campaign know-the-signs cannot be published "
                + "yet: material '") && n.contains("{help.phone} is not a help placeholder")), dryRun.notes().toString());
    }

    @Test
    void aDryRunOfChangedContentStoresNothing() throws IOException {
        Path content = copyOf("courses/first-contact", "help", "campaigns/know-the-signs");
        Path lesson = Files.walk(content.resolve("courses/first-contact/lessons"))
                .filter(f -> f.getFileName().toString().endsWith(".en.md")).sorted().findFirst().orElseThrow();
        Files.writeString(lesson, Files.readString(lesson) + "\nA sentence of a newer draft.\n");
        replace(content.resolve("campaigns/know-the-signs/campaign.yaml"), "en: \"Know the signs: speak up safely\"",
                "en: \"Know the signs: speak up safely, now\"");

        ContentImport.DryRun dryRun = importer(content).dryRun();
        assertEquals(List.of(), dryRun.problems());

        // Had the dry run kept the changed course or campaign, the shipped content would now be a change again.
        List<String> report = importer(stack.repository().resolve("content")).run();
        assertTrue(report.stream().allMatch(line -> line.endsWith(": unchanged")
                || line.startsWith("help resources: 0 created, 0 updated,")), report.toString());
    }
}
