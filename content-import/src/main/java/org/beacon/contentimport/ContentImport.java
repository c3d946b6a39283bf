package org.beacon.contentimport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Loads content/ into the services through their import APIs, as the {@code content-importer} service account:
 * courses, then help resources (campaigns need them to be publishable), then campaigns, then their surveys (the
 * XLSForm built from the checked-in CSV sheets). Every import API is idempotent, so running this again changes
 * nothing, and a changed file becomes a new draft. Before anything is imported, {@link #dryRun()} asks every
 * import API to check its part with {@code ?dryRun=true}: the services' own parsers and rules answer, and nothing
 * is stored. Run by the Kubernetes Job ({@link #main}) and by the local stack at start.
 */
public final class ContentImport {

    private final ContentClient client;
    private final String trainingUrl;
    private final String campaignUrl;
    private final Path content;
    private final List<String> report = new ArrayList<>();
    private final List<JsonNode> courseVersions = new ArrayList<>();
    private final List<JsonNode> surveys = new ArrayList<>();
    private final List<String> createdCampaigns = new ArrayList<>();

    public ContentImport(String trainingUrl, String campaignUrl, String keycloakUrl, String clientId,
            String clientSecret, Path content) {
        this.client = ContentClient.serviceAccount(keycloakUrl, clientId, clientSecret);
        this.trainingUrl = trainingUrl;
        this.campaignUrl = campaignUrl;
        this.content = content;
    }

    /**
     * The Kubernetes Job's entry point; configuration from the environment (see content-import/README.md). The
     * editorial checks ({@link ContentValidation}) and the services' dry runs come first: if either finds a
     * problem, nothing is imported and the Job fails with every problem in its log.
     */
    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Path content = Path.of(env.getOrDefault("BEACON_CONTENT_DIR", "content"));
        List<String> problems = ContentValidation.validate(content, null);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> System.err.println("content: " + problem));
            System.exit(1);
        }
        ContentImport contentImport = new ContentImport(required(env, "BEACON_TRAINING_URL"),
                required(env, "BEACON_CAMPAIGN_URL"), required(env, "BEACON_KEYCLOAK_URL"),
                env.getOrDefault("BEACON_IMPORT_CLIENT_ID", "content-importer"),
                required(env, "BEACON_IMPORT_CLIENT_SECRET"), content);
        DryRun dryRun = contentImport.dryRun();
        dryRun.notes().forEach(note -> System.out.println("dry run: " + note));
        if (!dryRun.problems().isEmpty()) {
            dryRun.problems().forEach(problem -> System.err.println("refused: " + problem));
            System.exit(1);
        }
        try {
            contentImport.run().forEach(System.out::println);
        } catch (ImportFailed e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /**
     * What the services answered to the dry run of every import.
     *
     * @param problems what a service refuses, each with the service's own words; the import would refuse it too
     * @param notes    what does not stop the import: what the publishing gate would still hold against a campaign
     *                 with the help directory as it is, a changed survey that keeps its questions because it has
     *                 answers, a survey of a campaign the import creates (its form is checked when it is imported)
     */
    public record DryRun(List<String> problems, List<String> notes) {
    }

    /** Every import of {@link #run()}, with {@code ?dryRun=true}: the services check everything and store nothing. */
    public DryRun dryRun() {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path course : ContentValidation.children(content.resolve("courses"))) {
            refused("course " + course.getFileName(), client.post(trainingUrl + "/training/api/import/courses"
                    + DRY_RUN, "application/zip", Zips.of(course, List.of(course))), problems);
        }
        if (Files.isDirectory(content.resolve("help"))) {
            refused("help resources", client.post(campaignUrl + "/campaigns/api/import/help" + DRY_RUN,
                    "application/zip", Zips.of(content.resolve("help"), List.of(content.resolve("help")))), problems);
        }
        List<Path> campaigns = ContentValidation.children(content.resolve("campaigns"));
        if (!campaigns.isEmpty()) {
            ContentClient.Answer answer = client.post(campaignUrl + "/campaigns/api/import/campaigns" + DRY_RUN,
                    "application/zip", campaignsZip(campaigns));
            if (!refused("campaigns", answer, problems)) {
                for (JsonNode campaign : answer.body().path("campaigns")) {
                    campaign.path("publishing").forEach(problem -> notes.add("campaign "
                            + campaign.path("slug").asText() + " cannot be published yet: " + problem.asText()));
                }
            }
        }
        for (Path campaign : campaigns) {
            for (Path survey : ContentValidation.children(campaign.resolve("surveys"))) {
                Multipart form = surveyForm(campaign, survey);
                ContentClient.Answer answer = client.post(campaignUrl + "/campaigns/api/surveys" + DRY_RUN,
                        form.contentType(), form.bytes());
                String what = "survey " + survey.getFileName();
                if (answer.status() == 404) {
                    notes.add(what + ": checked when it is imported, after its campaign "
                            + campaign.getFileName() + " is created");
                } else if (keptForItsAnswers(answer)) {
                    notes.add(what + ": changed, will be kept as it is: " + answer.body().path("detail").asText());
                } else {
                    refused(what, answer, problems);
                }
            }
        }
        return new DryRun(problems, notes);
    }

    private static final String DRY_RUN = "?dryRun=true";

    /** Adds a refusal with the service's title, detail and every listed problem; whether there was one. */
    private static boolean refused(String what, ContentClient.Answer answer, List<String> problems) {
        if (answer.ok()) {
            return false;
        }
        JsonNode body = answer.body();
        StringBuilder problem = new StringBuilder(what + " (" + answer.status() + "): "
                + (body.hasNonNull("detail") ? body.path("detail").asText() : body.asText(body.toString())));
        body.path("errors").forEach(error -> problem.append("\n  ").append(error.asText()));
        problems.add(problem.toString());
        return true;
    }

    /** Answers were given to the survey's questions as they are: the service keeps them and says how to go on. */
    private static boolean keptForItsAnswers(ContentClient.Answer answer) {
        return answer.status() == 409 && answer.body().path("detail").asText().contains("already has answers");
    }

    private byte[] campaignsZip(List<Path> campaigns) {
        List<Path> texts = new ArrayList<>();
        for (Path campaign : campaigns) {
            texts.add(campaign.resolve("campaign.yaml"));
            if (Files.isDirectory(campaign.resolve("materials"))) {
                texts.add(campaign.resolve("materials"));
            }
        }
        return Zips.of(content.resolve("campaigns"), texts);
    }

    private static Multipart surveyForm(Path campaign, Path survey) {
        return new Multipart()
                .field("campaign", campaign.getFileName().toString())
                .field("slug", survey.getFileName().toString())
                .file("file", survey.getFileName() + ".xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        XlsFormWorkbook.fromCsv(survey));
    }

    /** One line per imported item with the service's verdict (created, unchanged, new draft...). */
    public List<String> run() {
        for (Path course : ContentValidation.children(content.resolve("courses"))) {
            JsonNode answer = expect("course " + course.getFileName(), client.post(
                    trainingUrl + "/training/api/import/courses", "application/zip",
                    Zips.of(course, List.of(course))));
            report.add("course " + course.getFileName() + ": " + answer.path("outcome").asText(answer.toString()));
            courseVersions.add(answer);
        }
        if (Files.isDirectory(content.resolve("help"))) {
            JsonNode answer = expect("help resources", client.post(campaignUrl + "/campaigns/api/import/help",
                    "application/zip", Zips.of(content.resolve("help"), List.of(content.resolve("help")))));
            report.add("help resources: " + answer.path("created").size() + " created, "
                    + answer.path("updated").size() + " updated, " + answer.path("unchanged").size() + " unchanged");
        }
        List<Path> campaigns = ContentValidation.children(content.resolve("campaigns"));
        if (!campaigns.isEmpty()) {
            JsonNode answer = expect("campaigns", client.post(campaignUrl + "/campaigns/api/import/campaigns",
                    "application/zip", campaignsZip(campaigns)));
            for (JsonNode campaign : answer.path("campaigns")) {
                if ("created".equals(campaign.path("outcome").asText())) {
                    createdCampaigns.add(campaign.path("slug").asText());
                }
                report.add("campaign " + campaign.path("slug").asText() + ": " + campaign.path("outcome").asText()
                        + (campaign.path("changes").isEmpty() ? "" : " (" + campaign.path("changes").size()
                                + " drafts written)"));
            }
        }
        for (Path campaign : campaigns) {
            for (Path survey : ContentValidation.children(campaign.resolve("surveys"))) {
                Multipart form = surveyForm(campaign, survey);
                ContentClient.Answer answer = client.post(campaignUrl + "/campaigns/api/surveys",
                        form.contentType(), form.bytes());
                if (keptForItsAnswers(answer)) {
                    // Answers were given to the questions as they are; the service keeps them and says how to
                    // start a new survey. The rest of the content still goes in.
                    report.add("survey " + survey.getFileName() + ": changed, kept as it was: "
                            + answer.body().path("detail").asText());
                    continue;
                }
                JsonNode imported = expect("survey " + survey.getFileName(), answer);
                surveys.add(imported);
                report.add("survey " + survey.getFileName() + ": "
                        + (imported.path("created").asBoolean() ? "created"
                                : imported.path("changed").asBoolean() ? "changed" : "unchanged"));
            }
        }
        return report;
    }

    /** What the training service answered for each course: outcome, version id and status. */
    public List<JsonNode> courseVersions() {
        return courseVersions;
    }

    /** Campaigns this run created (not those it found, nor those it wrote a new draft of). */
    public List<String> createdCampaigns() {
        return createdCampaigns;
    }

    /** What the campaign service answered for each survey. */
    public List<JsonNode> surveys() {
        return surveys;
    }

    public String trainingUrl() {
        return trainingUrl;
    }

    public String campaignUrl() {
        return campaignUrl;
    }

    public Path content() {
        return content;
    }

    public static JsonNode expect(String what, ContentClient.Answer answer) {
        if (!answer.ok()) {
            throw new ImportFailed("Import of " + what + " refused (" + answer.status() + "): " + answer.body());
        }
        return answer.body();
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }

    /** A service refused part of the content; nothing of that part was imported. */
    public static final class ImportFailed extends RuntimeException {
        ImportFailed(String message) {
            super(message);
        }
    }
}
