package org.beacon.devstack.content;

import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.beacon.contentimport.ContentClient;
import org.beacon.contentimport.ContentImport;
import org.beacon.contentimport.Multipart;

/**
 * What a fresh local stack shows on first start besides the imported drafts: the shipped courses and campaigns
 * published through their real four-eyes steps by two different demo accounts, and the demo surveys filled with
 * synthetic answers so evaluators see results. Only what this import created is published: a draft someone wrote
 * in the pages, or the new draft a changed file became, waits for a real review. Only for local and test stacks: it signs in demo users through the
 * password-grant client that the production realm does not have.
 */
public final class DemoData {

    /** Password of every demo account (keycloak/beacon-realm-demo.json). */
    public static final String DEMO_PASSWORD = "beacon-demo";

    private final ContentImport contentImport;
    private final String keycloakUrl;
    private final String testClientSecret;
    private final List<String> report = new ArrayList<>();

    /** A few thousand answers: enough for real-looking figures, with some background cells still under k. */
    static final int BASELINE_RESPONSES = 1200;
    static final int ENDLINE_RESPONSES = 1500;

    public DemoData(ContentImport contentImport, String keycloakUrl, String testClientSecret) {
        this.contentImport = contentImport;
        this.keycloakUrl = keycloakUrl;
        this.testClientSecret = testClientSecret;
    }

    public List<String> publish() {
        publishCourses();
        publishCampaigns();
        answerNewSurveys();
        return report;
    }

    /** The importer created each course; an author submits its first version and a second author approves it. */
    private void publishCourses() {
        ContentClient author = user("author");
        ContentClient reviewer = user("reviewer");
        String authoring = contentImport.trainingUrl() + "/training/api/authoring/versions/";
        for (JsonNode version : contentImport.courseVersions()) {
            if (!"created".equals(version.path("outcome").asText())) {
                continue;
            }
            String status = version.path("status").asText();
            long id = version.path("versionId").asLong();
            if ("draft".equals(status)) {
                ContentImport.expect("submitting course " + version.path("slug").asText(),
                        author.post(authoring + id + "/submit"));
                status = "in_review";
            }
            if ("in_review".equals(status)) {
                ContentImport.expect("approving course " + version.path("slug").asText(),
                        reviewer.post(authoring + id + "/approve"));
                report.add("course " + version.path("slug").asText() + ": published version "
                        + version.path("version").asText() + " (submitted by author, approved by reviewer)");
            }
        }
    }

    /**
     * Each campaign of the national coordination body that the import created, and each of its material variants:
     * one manager sends it for review, a second approves it with the review checklist, the first publishes it.
     */
    private void publishCampaigns() {
        ContentClient manager = user("manager");
        ContentClient approver = user("manager2");
        String campaigns = contentImport.campaignUrl() + "/campaigns/api/campaigns/";
        for (JsonNode campaign : ContentImport.expect("listing campaigns", manager.get(campaigns)).path("campaigns")) {
            String id = campaign.path("id").asText();
            String slug = campaign.path("slug").asText();
            if (!contentImport.createdCampaigns().contains(slug)) {
                continue;
            }
            for (JsonNode material : ContentImport.expect("listing materials of " + slug,
                    manager.get(campaigns + id + "/materials"))) {
                for (JsonNode variant : material.path("variants")) {
                    advance(slug + "/" + material.path("slug").asText() + "/" + variant.path("language").asText(),
                            variant.path("review"), campaigns + id + "/materials/" + material.path("slug").asText()
                                    + "/variants/" + variant.path("language").asText(),
                            manager, approver);
                }
            }
            JsonNode detail = ContentImport.expect("reading campaign " + slug, manager.get(campaigns + id));
            if (advance(slug, detail.path("current").path("review"), campaigns + id, manager, approver)) {
                report.add("campaign " + slug + ": published (sent by manager, approved by manager2)");
            }
        }
    }

    /**
     * A survey imported for the first time gets a closed baseline wave and an open endline wave, both filled with
     * synthetic answers uploaded the way field teams upload paper forms. The endline stays open, so the public
     * campaign page links to it.
     */
    private void answerNewSurveys() {
        ContentClient manager = user("manager");
        String api = contentImport.campaignUrl() + "/campaigns/api/surveys/";
        for (JsonNode imported : contentImport.surveys()) {
            if (!imported.path("created").asBoolean()) {
                continue;
            }
            JsonNode survey = imported.path("survey");
            long id = survey.path("id").asLong();
            Path folder = contentImport.content().resolve("campaigns")
                    .resolve(survey.path("campaign").asText()).resolve("surveys").resolve(survey.path("slug").asText());
            SyntheticAnswers answers = SyntheticAnswers.forSurvey(folder);
            int baseline = upload(manager, api + id, "baseline", answers.csv(BASELINE_RESPONSES, false, id));
            ContentImport.expect("closing the baseline", manager.post(api + id + "/waves/baseline/close"));
            int endline = upload(manager, api + id, "endline", answers.csv(ENDLINE_RESPONSES, true, id + 1));
            report.add("survey " + survey.path("slug").asText() + ": " + baseline + " baseline and " + endline
                    + " endline synthetic answers; endline open");
        }
    }

    private static int upload(ContentClient manager, String survey, String wave, String csv) {
        ContentImport.expect("opening the " + wave, manager.post(survey + "/waves/" + wave + "/open"));
        Multipart form = new Multipart().file("file", wave + ".csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        return ContentImport.expect("uploading " + wave + " answers",
                manager.post(survey + "/waves/" + wave + "/answers", form.contentType(), form.bytes()))
                .path("stored").asInt();
    }

    /** Moves a reviewable item on to published; true when it was published now. */
    private static boolean advance(String what, JsonNode review, String url, ContentClient author,
            ContentClient approver) {
        String status = review.path("status").asText();
        if ("draft".equals(status)) {
            ContentImport.expect("sending " + what + " for review", author.post(url + "/submit"));
            status = "in_review";
        }
        if (!"in_review".equals(status)) {
            return false;
        }
        if (review.path("approvedBy").isNull() || review.path("approvedBy").isMissingNode()) {
            ContentImport.expect("approving " + what, approver.postJson(url + "/approve", Map.of(
                    "safeAlternatives", true, "thbSomDistinction", true, "sensitivity", true,
                    "noIdentifyingImage", true)));
        }
        ContentImport.expect("publishing " + what, author.post(url + "/publish"));
        return true;
    }

    private ContentClient user(String username) {
        return ContentClient.demoUser(keycloakUrl, "beacon-tests", testClientSecret, username, DEMO_PASSWORD);
    }
}
