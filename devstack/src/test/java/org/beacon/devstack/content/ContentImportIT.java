package org.beacon.devstack.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.beacon.contentimport.ContentClient;
import org.beacon.contentimport.ContentImport;
import org.beacon.devstack.Stack;
import org.beacon.devstack.e2e.E2EStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The content import on a stack that already holds the shipped content, its demo answers and other people's work,
 * as on every later start of the local stack and every run of the Kubernetes Job.
 */
class ContentImportIT {

    static Stack stack;

    @BeforeAll
    static void start() {
        stack = E2EStack.get();
    }

    /** The importer as the stack's start and the Kubernetes Job run it: the content-importer service account. */
    static ContentImport importer(Path content) {
        Stack stack = E2EStack.get();
        return new ContentImport(stack.trainingUrl(), stack.campaignUrl(), stack.keycloakUrl(), "content-importer",
                stack.importerClientSecret(), content);
    }

    @Test
    void importingAgainChangesNothingAndTheDemoStepLeavesOtherPeoplesDraftsAlone() {
        ContentClient manager = ContentClient.demoUser(stack.keycloakUrl(), "beacon-tests", stack.testClientSecret(),
                "manager", DemoData.DEMO_PASSWORD);
        String slug = "draft-in-progress-" + Long.toString(System.currentTimeMillis(), 36);
        JsonNode draft = ContentImport.expect("creating a draft", manager.postJson(stack.campaignUrl()
                + "/campaigns/api/campaigns", Map.of("slug", slug, "title", "Still being written",
                        "defaultLanguage", "en")));

        ContentImport again = importer(stack.repository().resolve("content"));
        List<String> report = again.run();
        assertTrue(report.stream().allMatch(line -> line.endsWith(": unchanged")
                || line.startsWith("help resources: 0 created, 0 updated,")),
                "a second import changes nothing: " + report);
        assertEquals(List.of(), new DemoData(again, stack.keycloakUrl(), stack.testClientSecret()).publish(),
                "nothing was created, so nothing is published");

        JsonNode after = ContentImport.expect("reading the draft", manager.get(stack.campaignUrl()
                + "/campaigns/api/campaigns/" + draft.path("id").asText()));
        assertEquals("draft", after.path("current").path("review").path("status").asText(),
                "a manager's draft waits for a real review: " + after);
    }

    @Test
    void aChangedSurveyThatHasAnswersKeepsItsQuestionsAndTheImportGoesOn() throws IOException {
        Path content = Files.createTempDirectory("beacon-import-content");
        Path shipped = stack.repository().resolve("content/campaigns/know-the-signs");
        Path campaign = content.resolve("campaigns/know-the-signs");
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path file : files.toList()) {
                Path copy = campaign.resolve(shipped.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        Path questions = campaign.resolve("surveys/know-the-signs/survey.csv");
        String csv = Files.readString(questions, StandardCharsets.UTF_8);
        assertTrue(csv.contains("How old are you?"));
        Files.writeString(questions, csv.replace("How old are you?", "What is your age?"), StandardCharsets.UTF_8);

        List<String> report = importer(content).run();
        assertTrue(report.contains("campaign know-the-signs: unchanged"), report.toString());
        assertTrue(report.stream().anyMatch(line -> line.startsWith("survey know-the-signs: changed, kept as it was:")
                && line.contains("already has answers")), report.toString());
    }
}
