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
import java.sql.PreparedStatement;
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

import org.beacon.testing.FreePort;
import org.beacon.testing.PostgresServer;
import org.beacon.testing.S3ProxyServer;
import org.beacon.testing.TestTokens;

/**
 * Times survey results for 1,000,000 responses (PRODUCT.md §9: full results page ≤ 1 s) next to the raw SQL
 * aggregation of the same data, in one run on one machine:
 * <ol>
 * <li>starts embedded PostgreSQL, s3proxy and the packaged campaign-service (a separate JVM, as in production);</li>
 * <li>imports the shipped "know-the-signs" survey through the API and opens its waves;</li>
 * <li>loads N synthetic responses in the service's storage layout (one row per response, answers packed) and
 * lets the service's own fold build the rollup, timing it;</li>
 * <li>times the results page, a breakdown page and the JSON API over HTTP, then the raw GROUP BYs in SQL.</li>
 * </ol>
 */
public final class SurveyResultsBench {

    private static final String ORG = "bench-org";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    public static void main(String[] args) throws Exception {
        new SurveyResultsBench().run(Integer.getInteger("responses", 1_000_000), Integer.getInteger("runs", 10),
                Path.of(System.getProperty("app", "../../campaign-service/target/quarkus-app/quarkus-run.jar")),
                Path.of(System.getProperty("content", "../../content/campaigns/know-the-signs/surveys/know-the-signs")));
    }

    private void run(int responses, int runs, Path app, Path content) throws Exception {
        if (!Files.exists(app)) {
            throw new IllegalStateException(app + " is missing: ./mvnw -pl campaign-service package -DskipTests");
        }
        Path work = Files.createTempDirectory("survey-results-bench");
        try (PostgresServer postgres = PostgresServer.start(FreePort.find(), null);
                S3ProxyServer s3 = S3ProxyServer.start(FreePort.find(), null, work.resolve("s3"))) {
            Map<String, String> oidc = new TestTokens().start();
            int port = FreePort.find();
            base = "http://127.0.0.1:" + port;
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m"));
            Map<String, String> config = new java.util.LinkedHashMap<>(oidc);
            config.put("quarkus.http.port", Integer.toString(port));
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("postgres"));
            config.put("beacon.storage.endpoint", s3.endpoint());
            // Tokens are checked against the test key pair, as in the service's tests: no Keycloak to discover.
            config.put("quarkus.oidc.auth-server-url", "");
            config.put("beacon.surveys.fold-every", "1s");
            config.put("beacon.surveys.fold-batch", "20000");
            config.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", app.toAbsolutePath().toString()));
            Process service = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("service.log").toFile()).start();
            try {
                waitUntilReady();
                bench(postgres, responses, runs, content);
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    private void bench(PostgresServer postgres, int responses, int runs, Path content) throws Exception {
        String manager = TestTokens.token("bench-manager", ORG, "campaign-manager");
        String evaluator = TestTokens.token("bench-evaluator", ORG, "evaluator");
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

        Properties properties = new Properties();
        properties.setProperty("user", postgres.username());
        properties.setProperty("password", postgres.password());
        properties.setProperty("currentSchema", "campaign");
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("postgres"), properties)) {
            long started = System.nanoTime();
            load(db, survey, responses);
            double loadSeconds = seconds(started);
            started = System.nanoTime();
            while (count(db, "select count(*) from survey_response_pending") > 0) {
                Thread.sleep(200);
            }
            double foldSeconds = seconds(started);
            try (Statement analyze = db.createStatement()) {
                analyze.execute("analyze");
            }
            long tallyRows = count(db, "select count(*) from survey_tally where survey_id = " + survey);

            Map<String, String> evaluatorHeader = Map.of("Authorization", "Bearer " + evaluator);
            Timing page = time(runs, () -> get("/campaigns/results/" + survey, evaluatorHeader));
            Timing breakdown = time(runs, () -> get("/campaigns/results/" + survey + "?by=region&wave=endline",
                    evaluatorHeader));
            Timing json = time(runs, () -> get("/campaigns/api/results/" + survey + "?by=age_band&wave=baseline",
                    evaluatorHeader));
            Timing rawGroupingSets = time(3, () -> query(db, """
                    select wave, question_id, choice, age_band, gender, region, count(*), sum(total)
                    from survey_response_cell where survey_id = %d
                    group by grouping sets ((wave, question_id, choice), (wave, question_id, choice, age_band),
                                            (wave, question_id, choice, gender), (wave, question_id, choice, region))
                    """.formatted(survey)));
            Timing rawGroupBy = time(3, () -> query(db, """
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
            System.out.printf(Locale.ROOT, "  load (SQL insert of responses + queue)     %8.1f s%n", loadSeconds);
            System.out.printf(Locale.ROOT, "  fold into rollup by the service            %8.1f s  (%,.0f responses/s; %,d tally rows)%n",
                    foldSeconds, responses / foldSeconds, tallyRows);
            System.out.printf(Locale.ROOT, "%n  %-52s %9s %9s %9s%n", "what (HTTP through loopback, evaluator token)",
                    "median", "p90", "max");
            print("full results page  GET /campaigns/results/{id}", page);
            print("breakdown page     ?by=region&wave=endline", breakdown);
            print("JSON API           /campaigns/api/results/{id}?by=…", json);
            System.out.printf(Locale.ROOT, "%n  %-52s %9s %9s %9s%n", "reference: raw SQL over the same responses",
                    "median", "p90", "max");
            print("GROUPING SETS over all responses (what the page needs)", rawGroupingSets);
            print("GROUP BY wave, question, choice (answers per question)", rawGroupBy);
            print("normalised answer table GROUP BY (" + String.format(Locale.ROOT, "%,d", answerRows) + " rows)",
                    rawNormalised);
            System.out.printf(Locale.ROOT, "%n  page / raw GROUPING SETS = %.3f; page / normalised GROUP BY = %.3f%n",
                    page.median() / rawGroupingSets.median(), page.median() / rawNormalised.median());
        }
    }

    /**
     * Synthetic answers in the service's layout: every question answered uniformly at random (multiple choice: a
     * random non-empty set), free text left empty as most respondents do, half baseline and half endline.
     */
    private static void load(Connection db, long survey, int responses) throws SQLException {
        List<String> slots = new ArrayList<>();
        List<String> knowledge = new ArrayList<>();
        String ageBand = "0";
        String gender = "0";
        String region = "0";
        try (PreparedStatement questions = db.prepareStatement("""
                select slot, kind, role, choice_count, answer_key from survey_question
                where survey_id = ? and slot is not null order by slot""")) {
            questions.setLong(1, survey);
            try (ResultSet q = questions.executeQuery()) {
                while (q.next()) {
                    int slot = q.getInt(1);
                    int choices = q.getInt(4);
                    slots.add(switch (q.getString(2)) {
                        case "multiple" -> "(1 + floor(random() * " + ((1 << choices) - 1) + "))::int";
                        case "integer" -> "floor(random() * 20)::int";
                        case "text" -> "null::int";
                        default -> "(1 + floor(random() * " + choices + "))::int";
                    });
                    if ("knowledge".equals(q.getString(2))) {
                        knowledge.add("(a[" + slot + "] = " + q.getInt(5) + ")::int");
                    }
                    String role = q.getString(3);
                    if ("age_band".equals(role)) {
                        ageBand = "a[" + slot + "]";
                    } else if ("gender".equals(role)) {
                        gender = "a[" + slot + "]";
                    } else if ("region".equals(role)) {
                        region = "a[" + slot + "]";
                    }
                }
            }
        }
        String score = knowledge.isEmpty() ? "null" : String.join(" + ", knowledge);
        try (Statement insert = db.createStatement()) {
            insert.execute("""
                    insert into survey_response (survey_id, wave, idempotency_key, source, language, age_band, gender,
                                                 region, knowledge_score, answers)
                    select %d, w, gen_random_uuid(), 'web', 'fr', %s, %s, %s, %s, a
                    from (select (1 + g %% 2)::smallint as w, array[%s] as a from generate_series(1, %d) g) s
                    """.formatted(survey, ageBand, gender, region, score, String.join(", ", slots), responses));
            insert.execute("insert into survey_response_pending (response_id, survey_id) "
                    + "select id, survey_id from survey_response where survey_id = " + survey);
        }
    }

    private record Timing(double[] seconds) {
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
        work.call();
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.call();
            seconds[i] = seconds(started);
        }
        return new Timing(seconds);
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

    private int get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request, 200).body().length;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
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
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
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
}
