package org.beacon.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;
import org.beacon.devstack.Stack;
import org.beacon.devstack.content.SyntheticAnswers;
import org.beacon.testing.FreePort;
import org.beacon.testing.PostgresServer;
import org.beacon.testing.S3ProxyServer;
import org.beacon.testing.DisclosureLoss;
import org.beacon.testing.TestTokens;

/**
 * Times survey results for 1,000,000 responses (PRODUCT.md §9: full results page ≤ 1 s) next to the raw SQL
 * aggregation of the same data, in one run on one machine:
 * <ol>
 * <li>starts embedded PostgreSQL, s3proxy and the packaged campaign-service (a separate JVM, as in production);</li>
 * <li>imports the shipped "know-the-signs" survey through the API and opens its waves;</li>
 * <li>generates N responses with {@link SyntheticAnswers} (the generator of the demo surveys' answers), uploads
 * them in chunks through the service's paper-answers API (half baseline, half endline), timing the upload, and
 * lets the service's own fold build the rollup, timing it;</li>
 * <li>times the results page, a breakdown page and the JSON API over HTTP, then the raw GROUP BYs in SQL.</li>
 * </ol>
 */
public final class SurveyResultsBench {

    private static final String ORG = "bench-org";

    /** The service's default beacon.surveys.max-upload-bytes: raised for the bench only when a chunk is larger. */
    private static final long DEFAULT_MAX_UPLOAD_BYTES = 1_572_864L;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;
    private long servicePid;
    /** Where the service answers its readiness check (its management port). */
    private String management;

    public static void main(String[] args) throws Exception {
        String references = System.getProperty("references", "all");
        if (!references.equals("all") && !references.equals("normalised")) {
            throw new IllegalArgumentException("-Dreferences is all (the default) or normalised, not " + references);
        }
        allReferences = references.equals("all");
        new SurveyResultsBench().run(Integer.getInteger("responses", 1_000_000), Integer.getInteger("runs", 10),
                Integer.getInteger("chunk", 10_000),
                Path.of(System.getProperty("app", "../../campaign-service/target/quarkus-app/quarkus-run.jar")),
                Path.of(System.getProperty("content", "../../content/campaigns/know-the-signs/surveys/know-the-signs")));
    }

    /**
     * Whether the SQL references over the responses themselves run too ({@code -Dreferences=all}, the default), or
     * only the normalised GROUP BY the targets are stated against ({@code -Dreferences=normalised}): at 1,000,000
     * responses the GROUPING SETS reference alone takes tens of minutes on a busy machine.
     */
    private static boolean allReferences = true;

    private void run(int responses, int runs, int chunk, Path app, Path content) throws Exception {
        if (!Files.exists(app)) {
            throw new IllegalStateException(app + " is missing: run the bench as its README says (it builds it)");
        }
        Path work = Files.createTempDirectory("survey-results-bench");
        // The first chunk of each wave tells how large the uploads are (CSV rows are of similar length), so the
        // upload limit is raised only if a chunk would not fit under the service's default.
        SyntheticAnswers generator = SyntheticAnswers.forSurvey(content);
        int perChunk = Math.max(1, Math.min(chunk, (responses + 1) / 2));
        long largestChunk = Math.max(generator.csv(perChunk, false, 1).getBytes(StandardCharsets.UTF_8).length,
                generator.csv(perChunk, true, 1).getBytes(StandardCharsets.UTF_8).length);
        try (PostgresServer postgres = PostgresServer.start(FreePort.find(), null);
                S3ProxyServer s3 = S3ProxyServer.start(FreePort.find(), null, work.resolve("s3"))) {
            Map<String, String> oidc = new TestTokens().start();
            int port = FreePort.find();
            base = "http://127.0.0.1:" + port;
            // The service runs as the local stack and Kubernetes run it, so the page is timed, and its memory
            // measured, under the production heap and compiler settings.
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            command.addAll(Stack.JVM_OPTIONS);
            Map<String, String> config = new java.util.LinkedHashMap<>(oidc);
            config.put("quarkus.http.port", Integer.toString(port));
            int managementPort = FreePort.find();
            management = "http://127.0.0.1:" + managementPort;
            config.put("quarkus.management.port", Integer.toString(managementPort));
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("postgres"));
            config.put("beacon.storage.endpoint", s3.endpoint());
            // Tokens are checked against the test key pair, as in the service's tests: no Keycloak to discover.
            config.put("quarkus.oidc.auth-server-url", "");
            config.put("beacon.surveys.fold-every", "1s");
            // each response is folded into every group of 6 dimensions and their 15 pairs: small transactions
            config.put("beacon.surveys.fold-batch", "2000");
            if (largestChunk * 5 / 4 > DEFAULT_MAX_UPLOAD_BYTES) {
                config.put("beacon.surveys.max-upload-bytes", Long.toString(largestChunk * 2));
            }
            // One upload is one transaction (every row or none): keep a large chunk on a busy machine from running
            // into the transaction manager's default 60 s timeout.
            config.put("quarkus.transaction-manager.default-transaction-timeout", "10m");
            if (Boolean.getBoolean("narrowRangesLog")) {
                // each range the interval rule leaves narrow, with its relations, in the service's log
                config.put("quarkus.log.category.\"org.beacon.campaign.results.IntervalRule\".level", "DEBUG");
            }
            config.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", app.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("service.log").toFile());
            builder.environment().put("MALLOC_ARENA_MAX", "2");
            Process service = builder.start();
            servicePid = service.pid();
            try {
                waitUntilReady();
                bench(postgres, responses, runs, content, perChunk, generator, largestChunk);
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    /** The breakdown dimensions the bench's manager allows: 5, 4, 15, 3 and 5 classes (plus "not stated"). */
    static final List<String> DIMENSIONS = List.of("age_band", "gender", "region", "k_internal", "l_real_work");

    private void bench(PostgresServer postgres, int responses, int runs, Path content, int chunk,
            SyntheticAnswers generator, long largestChunk) throws Exception {
        String manager = manager();
        String campaign = body(send(HttpRequest.newBuilder(URI.create(base + "/campaigns/api/campaigns"))
                .header("Authorization", "Bearer " + manager).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"bench-" + UUID.randomUUID().toString()
                        .substring(0, 8) + "\",\"title\":\"Bench\",\"defaultLanguage\":\"en\"}")), 201));
        long campaignId = Long.parseLong(field(campaign, "id"));
        Multipart form = new Multipart()
                .field("campaign", Long.toString(campaignId))
                .file("survey", "survey.csv", Files.readAllBytes(content.resolve("survey.csv")))
                .file("choices", "choices.csv", Files.readAllBytes(content.resolve("choices.csv")))
                .file("settings", "settings.csv", Files.readAllBytes(content.resolve("settings.csv")));
        String imported = body(send(HttpRequest.newBuilder(URI.create(base + "/campaigns/api/surveys"))
                .header("Authorization", "Bearer " + manager).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())), 201));
        long survey = Long.parseLong(field(imported, "id"));
        for (String wave : List.of("baseline", "endline")) {
            send(HttpRequest.newBuilder(URI.create(base + "/campaigns/api/surveys/" + survey + "/waves/" + wave
                    + "/open")).header("Authorization", "Bearer " + manager)
                    .POST(HttpRequest.BodyPublishers.noBody()), 200);
        }
        // Five breakdown dimensions of 3 to 15 classes (the three background questions, a knowledge item and a
        // Likert item) and the collection team, chosen as a campaign manager does: the rollup keeps each of their
        // groups and each pair's groups.
        String dimensions = String.join("&", DIMENSIONS.stream().map(q -> "question=" + q).toList()) + "&team=true";
        send(HttpRequest.newBuilder(URI.create(base + "/campaigns/surveys/" + survey + "/dimensions"))
                .header("Authorization", "Bearer " + manager)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(dimensions)), 303);

        Properties properties = new Properties();
        properties.setProperty("user", postgres.username());
        properties.setProperty("password", postgres.password());
        properties.setProperty("currentSchema", "campaign");
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("postgres"), properties)) {
            Load load = upload(survey, responses, chunk, generator);
            long stored = count(db, "select count(*) from survey_response where survey_id = " + survey);
            if (stored != responses) {
                throw new IllegalStateException(stored + " responses stored, " + responses + " uploaded");
            }
            long started = System.nanoTime();
            while (count(db, "select count(*) from survey_response_pending") > 0) {
                Thread.sleep(200);
            }
            double foldSeconds = seconds(started);
            try (Statement analyze = db.createStatement()) {
                analyze.execute("analyze");
            }
            long tallyRows = count(db, "select count(*) from survey_tally where survey_id = " + survey);

            // Minted now: tokens live 10 minutes, and on a busy machine the upload alone can take longer.
            Map<String, String> evaluatorHeader = Map.of("Authorization", "Bearer "
                    + TestTokens.token("bench-evaluator", ORG, "evaluator"));
            Timing page = time(runs, () -> get("/campaigns/results/" + survey, evaluatorHeader));
            Timing breakdown = time(runs, () -> get("/campaigns/results/" + survey + "?by=region&wave=endline",
                    evaluatorHeader));
            Timing filtered = time(runs, () -> get("/campaigns/results/" + survey
                    + "?by=region&wave=endline&filter=gender:woman", evaluatorHeader));
            Timing json = time(runs, () -> get("/campaigns/api/results/" + survey + "?by=age_band&wave=baseline",
                    evaluatorHeader));
            // What disclosure control hides of these figures (issue 13 point 1), counted as on the demo surveys
            // (test-support DisclosureLoss): the overall results and each dimension's breakdown in each wave.
            Map<String, Object> overall = json("/campaigns/api/results/" + survey, evaluatorHeader);
            DisclosureLoss resultsLoss = new DisclosureLoss().results(overall);
            // a filtered breakdown is solved as its pair of dimensions on top of the survey's problem: its own count
            Map<String, Object> filteredJson = json("/campaigns/api/results/" + survey
                    + "?by=region&wave=endline&filter=gender:woman", evaluatorHeader);
            DisclosureLoss breakdownsLoss = new DisclosureLoss();
            for (String dimension : DIMENSIONS) {
                for (String wave : List.of("baseline", "endline")) {
                    breakdownsLoss.breakdown(dimension, json("/campaigns/api/results/" + survey + "?by=" + dimension
                            + "&wave=" + wave, evaluatorHeader));
                }
            }
            Timing rawGroupingSets = !allReferences ? null : time(3, () -> query(db, """
                    select wave, question_id, choice, age_band, gender, region, count(*), sum(total)
                    from survey_response_cell where survey_id = %d
                    group by grouping sets ((wave, question_id, choice), (wave, question_id, choice, age_band),
                                            (wave, question_id, choice, gender), (wave, question_id, choice, region))
                    """.formatted(survey)));
            Timing rawGroupBy = !allReferences ? null : time(3, () -> query(db, """
                    select wave, question_id, choice, count(*) from survey_response_cell where survey_id = %d
                    group by wave, question_id, choice""".formatted(survey)));
            try (Statement normalise = db.createStatement()) {
                normalise.execute("""
                        create table bench_answer as
                        select response_id, survey_id, wave, question_id, choice from survey_response_cell
                        where survey_id = %d and question_id > 0""".formatted(survey));
                normalise.execute("create index on bench_answer (survey_id)");
                normalise.execute("analyze bench_answer");
            }
            long answerRows = count(db, "select count(*) from bench_answer");
            Timing rawNormalised = time(3, () -> query(db, """
                    select wave, question_id, choice, count(*) from bench_answer where survey_id = %d
                    group by wave, question_id, choice""".formatted(survey)));

            System.out.printf(Locale.ROOT, "%nSurvey results benchmark: %,d responses, %d questions (%s)%n",
                    responses, count(db, "select count(*) from survey_question where survey_id = " + survey),
                    Runtime.getRuntime().availableProcessors() + " cores");
            System.out.printf(Locale.ROOT, "  generate CSV (devstack SyntheticAnswers)       %8.1f s  (%d chunks of up to %,d rows, largest %,d bytes)%n",
                    load.generateSeconds(), load.chunks(), chunk, largestChunk);
            System.out.printf(Locale.ROOT, "  upload POST …/waves/{wave}/answers, one by one %8.1f s  (%,.0f responses/s through the API)%n",
                    load.uploadSeconds(), responses / load.uploadSeconds());
            System.out.printf(Locale.ROOT, "  fold into rollup by the service, after upload  %8.1f s  (%,d tally rows; the fold also runs during the upload)%n",
                    foldSeconds, tallyRows);
            System.out.printf(Locale.ROOT, "  first upload to empty queue                    %8.1f s  (%,.0f responses/s stored and folded)%n",
                    load.uploadSeconds() + foldSeconds, responses / (load.uploadSeconds() + foldSeconds));
            System.out.printf(Locale.ROOT, "%n  %-52s %9s %9s %9s%n", "what (HTTP through loopback, evaluator token)",
                    "median", "p90", "max");
            print("full results page  GET /campaigns/results/{id}", page);
            print("breakdown page     ?by=region&wave=endline", breakdown);
            print("filtered breakdown ?by=region&…&filter=gender:woman", filtered);
            print("JSON API           /campaigns/api/results/{id}?by=…", json);
            System.out.printf(Locale.ROOT, "%n  %-52s %9s %9s %9s%n", "reference: raw SQL over the same responses",
                    "median", "p90", "max");
            if (allReferences) {
                print("GROUPING SETS over all responses (what the page needs)", rawGroupingSets);
                print("GROUP BY wave, question, choice (answers per question)", rawGroupBy);
            } else {
                System.out.printf(Locale.ROOT, "  %-52s %s%n", "GROUPING SETS, GROUP BY over the responses",
                        "not run (-Dreferences=normalised)");
            }
            print("normalised answer table GROUP BY (" + String.format(Locale.ROOT, "%,d", answerRows) + " rows)",
                    rawNormalised);
            if (allReferences) {
                System.out.printf(Locale.ROOT, "%n  page / raw GROUPING SETS = %.3f; page / normalised GROUP BY = %.3f%n",
                        page.median() / rawGroupingSets.median(), page.median() / rawNormalised.median());
            } else {
                System.out.printf(Locale.ROOT, "%n  page / normalised GROUP BY = %.3f%n",
                        page.median() / rawNormalised.median());
            }
            System.out.printf(Locale.ROOT, "  breakdown / normalised = %.3f; filtered breakdown / normalised = %.3f%n",
                    breakdown.median() / rawNormalised.median(), filtered.median() / rawNormalised.median());
            // The first request after a change solves the survey's disclosure problem; the timed ones read it solved.
            System.out.printf(Locale.ROOT, "  first request (solves): page %.0f ms, breakdown %.0f ms, filtered %.0f ms,"
                    + " JSON %.0f ms; first page / normalised = %.3f%n", page.first() * 1000,
                    breakdown.first() * 1000, filtered.first() * 1000, json.first() * 1000,
                    page.first() / rawNormalised.median());
            System.out.printf(Locale.ROOT, "%n  disclosure (k = 10), results: %s; headline figures hidden: %d %s%n",
                    resultsLoss, resultsLoss.headlinesHidden().size(), resultsLoss.headlinesHidden());
            System.out.printf(Locale.ROOT, "  disclosure, %d breakdowns (%s by wave): %s%n", DIMENSIONS.size() * 2,
                    String.join(", ", DIMENSIONS), breakdownsLoss);
            System.out.printf(Locale.ROOT, "  disclosure, results and breakdowns together: %s%n",
                    DisclosureLoss.together(resultsLoss, breakdownsLoss));
            // hidden counts the interval rule could not widen without hiding a headline figure (one problem holds
            // every breakdown, so the overall results give the survey's count)
            System.out.printf(Locale.ROOT, "  interval rule: width %s; hidden counts left narrower: %s in the survey's"
                    + " problem, %s in the filtered breakdown's pair (region × gender)%n", overall.get("intervalWidth"),
                    overall.get("narrowRanges"), filteredJson.get("narrowRanges"));
            System.out.printf(Locale.ROOT, "  campaign-service (%s): peak resident memory %s%n",
                    String.join(" ", Stack.JVM_OPTIONS), peakResidentMemory(servicePid));
        }
    }

    /** A fresh campaign manager's token: one lives 10 minutes, shorter than a slow upload of every chunk. */
    private static String manager() {
        return TestTokens.token("bench-manager", ORG, "campaign-manager");
    }

    /** How loading went: CSV generation and upload timed apart (generation is the bench's, not the service's). */
    private record Load(int chunks, double generateSeconds, double uploadSeconds) {
    }

    /**
     * The responses as field teams upload them: CSV from the demo surveys' generator, half baseline and half endline,
     * in chunks of {@code chunk} rows posted one after the other to the paper-answers API. Each chunk has its own
     * seed, so its {@code _uuid}s (seed, row) never collide with another chunk's, and every row must be stored.
     */
    private Load upload(long survey, int responses, int chunk, SyntheticAnswers generator)
            throws IOException, InterruptedException {
        int chunks = 0;
        long generating = 0;
        long uploading = 0;
        int endlineResponses = responses / 2;
        for (String wave : List.of("baseline", "endline")) {
            boolean endline = wave.equals("endline");
            int remaining = endline ? endlineResponses : responses - endlineResponses;
            while (remaining > 0) {
                int rows = Math.min(chunk, remaining);
                long seed = 1_000_000L * (endline ? 2 : 1) + chunks;
                long started = System.nanoTime();
                byte[] csv = generator.csv(rows, endline, seed).getBytes(StandardCharsets.UTF_8);
                Multipart form = new Multipart().file("file", wave + "-" + chunks + ".csv", csv);
                byte[] body = form.bytes();
                generating += System.nanoTime() - started;
                started = System.nanoTime();
                String report = body(send(HttpRequest.newBuilder(URI.create(base + "/campaigns/api/surveys/" + survey
                        + "/waves/" + wave + "/answers")).header("Authorization", "Bearer " + manager())
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)), 200));
                uploading += System.nanoTime() - started;
                if (Integer.parseInt(field(report, "stored")) != rows) {
                    throw new IllegalStateException("Chunk " + chunks + " of " + rows + " rows: " + report);
                }
                remaining -= rows;
                chunks++;
                if (chunks % 10 == 0) {
                    System.out.printf(Locale.ROOT, "  … %d chunks uploaded (%.0f s)%n", chunks, uploading / 1e9);
                }
            }
        }
        return new Load(chunks, generating / 1e9, uploading / 1e9);
    }

    /** The timed runs, and the untimed first one before them. */
    private record Timing(double first, double[] seconds) {
        double median() {
            return percentile(0.5);
        }

        double percentile(double p) {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }

        double max() {
            return Arrays.stream(seconds).max().orElseThrow();
        }
    }

    private static Timing time(int runs, Callable<?> work) throws Exception {
        long first = System.nanoTime();
        work.call();
        double firstSeconds = seconds(first);
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.call();
            seconds[i] = seconds(started);
        }
        return new Timing(firstSeconds, seconds);
    }

    private static void print(String what, Timing timing) {
        System.out.printf(Locale.ROOT, "  %-52s %7.0f ms %7.0f ms %7.0f ms%n", what, timing.median() * 1000,
                timing.percentile(0.9) * 1000, timing.max() * 1000);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static int query(Connection db, String sql) throws SQLException {
        int rows = 0;
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows++;
            }
        }
        return rows;
    }

    /** A JSON answer of the service as maps and lists. */
    private Map<String, Object> json(String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        return new JsonPath(body(read(path, headers))).getMap("$");
    }

    private int get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        return read(path, headers).body().length;
    }

    private HttpResponse<byte[]> read(String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request, 200);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        // A solve that outlasts the service's patience is answered 503 with Retry-After while it goes on: asked
        // again, as a client does, the time measured is until the figures come.
        while (response.statusCode() == 503 && expected != 503
                && response.headers().firstValue("Retry-After").isPresent()) {
            Thread.sleep(1000);
            response = http.send(request.timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The first numeric value of a JSON field: enough for the ids this bench reads. */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return matcher.group(1);
    }

    private void waitUntilReady() throws InterruptedException {
        // A start on 2 cores shared with other builds can take minutes.
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(management + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // The service is still starting.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("campaign-service did not become ready");
    }

    /** A multipart/form-data body, which java.net.http does not build itself. */
    private static final class Multipart {
        private final String boundary = "bench-" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The peak resident set of a process since it started (Linux: VmHWM), or "unknown" elsewhere. */
    private static String peakResidentMemory(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB")
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
