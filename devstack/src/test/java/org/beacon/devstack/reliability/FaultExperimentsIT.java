package org.beacon.devstack.reliability;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beacon.devstack.Stack;
import org.beacon.devstack.e2e.E2EStack;
import org.beacon.devstack.e2e.SurveyJourneyIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault table of the README's "Reliability" section: each part of the stack fails while anonymous survey
 * answers keep arriving through the gateway, and the clients' view is compared with the database afterwards.
 * Nothing acknowledged may be lost, a fault may degrade answers to 503 but never to 500, and the stack recovers
 * without anyone's help: a killed part is restarted by the stack's supervision, a stopped one is started again.
 *
 * <p>The stack is this suite's own, not the journeys' one: it is broken on purpose, and its answers would count in
 * the journeys' results. Each experiment runs a few seconds of load; the figures of the last run are written to
 * {@code target/reliability.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultExperimentsIT {

    static final String WAVE = "endline";
    static final String LANGUAGE = "fr";
    /**
     * The journeys' answer, from a region with many respondents (theirs is one of the rarest), and with the number
     * of people told that they type in.
     */
    static final Map<String, List<String>> ANSWERS = answers();

    /**
     * Between a client's answers while a part is away or restarting: about 110 answers per second from the eight
     * clients is enough to see what they are told, and leaves the cores to the restarts.
     */
    private static final Duration STEADY = Duration.ofMillis(70);
    /**
     * The database's kill meets the load at full speed: an answer acknowledged before its commit reached the disk
     * is lost only if it was among the last few milliseconds' (7-10 lost at 2,000 per second with zonky's
     * defaults), so a slow load could miss a commit that is not durable.
     */
    private static final Duration FULL_SPEED = Duration.ZERO;
    private static final Duration BEFORE_THE_KILL = Duration.ofSeconds(3);
    /** As long as the stack gives a part to start (Keycloak takes minutes on a machine shared with other builds). */
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Stack stack;
    static final List<String> figures = new ArrayList<>();

    @BeforeAll
    static void start() {
        stack = E2EStack.startNew("beacon-reliability");
    }

    @AfterAll
    static void stop() throws IOException {
        if (stack != null) {
            stack.close();
        }
        Files.write(Path.of("target", "reliability.md"), figures, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Test
    @Order(1)
    void campaignServiceKilledIsRestartedAndNothingAcknowledgedIsLost() throws Exception {
        KilledUnderLoad run = killUnderLoad("campaign-service", "`kill -9` campaign-service", STEADY);
        Map<String, Long> statuses = run.load().statuses();
        assertAll(
                () -> assertEquals(0, run.lost(), "acknowledged answers missing from the database"),
                () -> assertOnly(statuses, SubmissionLoad.ACKNOWLEDGED, "503", SubmissionLoad.DEGRADED),
                () -> assertTrue(statuses.containsKey("503") || statuses.containsKey(SubmissionLoad.DEGRADED),
                        "the gateway said the service was away"));
    }

    @Test
    @Order(2)
    void postgresKilledIsRestartedAndNothingAcknowledgedIsLost() throws Exception {
        assertEquals(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"), durability(),
                "the local stack's PostgreSQL runs durably");
        KilledUnderLoad run = killUnderLoad("postgres", "`kill -9` PostgreSQL (postmaster)", FULL_SPEED);
        assertAll(
                () -> assertEquals(0, run.lost(), "acknowledged answers missing from the database"),
                () -> assertOnly(run.load().statuses(), SubmissionLoad.ACKNOWLEDGED, SubmissionLoad.DEGRADED));
    }

    record KilledUnderLoad(SubmissionLoad load, long lost) {
    }

    /** Kills one part while answers arrive, until the clients are acknowledged again; records the figures. */
    private static KilledUnderLoad killUnderLoad(String part, String fault, Duration pause) throws Exception {
        SubmissionLoad load = load(pause);
        Duration recovery;
        try (load) {
            load.awaitAcknowledged(50, Duration.ofSeconds(30));
            // The kill lands in a steady stream of answers, not at its start.
            Thread.sleep(BEFORE_THE_KILL.toMillis());
            long killedAt = killAndAwaitRestart(part);
            recovery = load.awaitRecovery(killedAt, RECOVERY_TIMEOUT);
            load.awaitAcknowledged(50, Duration.ofSeconds(30));
        }
        long lost = lost(load.acknowledged());
        record(fault, load, lost, "restarted by the stack; acknowledged again " + seconds(recovery)
                + " after the kill");
        return new KilledUnderLoad(load, lost);
    }

    @Test
    @Order(3)
    void postgresStoppedAnswers503QuicklyAndRecoversUnattended() throws Exception {
        SubmissionLoad load = load(STEADY);
        Map<String, Long> duringOutage;
        Duration recovery;
        try (load) {
            load.awaitAcknowledged(50, Duration.ofSeconds(30));
            duringOutage = withoutPart("postgres", () -> {
                long stoppedAt = System.nanoTime();
                Thread.sleep(OUTAGE.toMillis());
                return load.statusesBetween(stoppedAt, System.nanoTime());
            });
            recovery = load.awaitAcknowledgedSentAfter(System.nanoTime(), RECOVERY_TIMEOUT);
            load.awaitAcknowledged(50, Duration.ofSeconds(30));
        }
        long lost = lost(load.acknowledged());
        record("PostgreSQL stopped " + OUTAGE.toSeconds() + " s", load, lost,
                "acknowledged again " + seconds(recovery) + " after its start; slowest refusal "
                        + load.slowestRefusal().toMillis() + " ms");
        assertAll(
                () -> assertEquals(0, lost, "acknowledged answers missing from the database"),
                () -> assertEquals(Set.of(SubmissionLoad.DEGRADED), duringOutage.keySet(),
                        "while the database is away every answer is 503 with Retry-After"),
                () -> assertOnly(load.statuses(), SubmissionLoad.ACKNOWLEDGED, SubmissionLoad.DEGRADED),
                () -> assertTrue(load.slowestRefusal().compareTo(Duration.ofSeconds(1)) < 0,
                        "a refusal comes quickly, not after a connection timeout: " + load.slowestRefusal()));
    }

    record ReadinessWithoutS3(int campaign, int restartedTraining) {
    }

    @Test
    @Order(4)
    void s3StoppedTakesNoServiceOutOfRotationAndAServiceStillStarts() throws Exception {
        SubmissionLoad load = load(STEADY);
        ReadinessWithoutS3 readiness;
        int campaignHealth;
        int trainingHealth;
        try (load) {
            load.awaitAcknowledged(50, Duration.ofSeconds(30));
            readiness = withoutPart("s3", () -> {
                Thread.sleep(OUTAGE.toMillis());
                int campaign = statusWithin(stack.managementUrl("campaign-service") + "/q/health/ready", Map.of(),
                        200, Duration.ofSeconds(2));
                // A service that starts while S3 is away must start (training-service would not).
                killAndAwaitRestart("training-service");
                return new ReadinessWithoutS3(campaign, statusWithin(
                        stack.managementUrl("training-service") + "/q/health/ready", Map.of(), 200,
                        Duration.ofSeconds(90)));
            });
            campaignHealth = statusWithin(stack.managementUrl("campaign-service") + "/q/health", Map.of(), 200,
                    RECOVERY_TIMEOUT);
            trainingHealth = statusWithin(stack.managementUrl("training-service") + "/q/health", Map.of(), 200,
                    RECOVERY_TIMEOUT);
            load.awaitAcknowledged(50, Duration.ofSeconds(30));
        }
        long lost = lost(load.acknowledged());
        record("S3 server stopped, training-service restarted meanwhile", load, lost,
                "readiness while S3 was away: campaign-service " + readiness.campaign() + ", restarted "
                        + "training-service " + readiness.restartedTraining() + "; health after S3's start: "
                        + campaignHealth + ", " + trainingHealth);
        assertAll(
                () -> assertEquals(0, lost, "acknowledged answers missing from the database"),
                () -> assertEquals(Set.of(SubmissionLoad.ACKNOWLEDGED), load.statuses().keySet(),
                        "survey answers need no object storage"),
                () -> assertEquals(200, readiness.campaign(), "S3 takes no replica out of rotation"),
                () -> assertEquals(200, readiness.restartedTraining(), "a service starts while S3 is away"),
                () -> assertEquals(200, campaignHealth, "campaign-service uses S3 again unattended"),
                () -> assertEquals(200, trainingHealth, "training-service uses S3 again unattended"));
    }

    record WithoutKeycloak(HttpResponse<String> signIn, int restartedServiceApi) {
    }

    @Test
    @Order(5)
    void keycloakStoppedLeavesSurveysAloneAndSignInSaysItIsAwayForAMoment() throws Exception {
        String tokenFromBefore = token("evaluator");
        String surveysApi = stack.campaignUrl() + "/campaigns/api/surveys";
        SubmissionLoad load = load(STEADY);
        WithoutKeycloak meanwhile;
        int apiAfterwards;
        Duration recovery;
        try (load) {
            load.awaitAcknowledged(50, Duration.ofSeconds(30));
            meanwhile = withoutPart("keycloak", () -> {
                HttpResponse<String> signIn = get(stack.gatewayUrl() + "/login", Map.of());
                // A service restarted while Keycloak is away answers 503 until it is back, then verifies tokens.
                killAndAwaitRestart("campaign-service");
                statusWithin(stack.managementUrl("campaign-service") + "/q/health/ready", Map.of(), 200,
                        Duration.ofSeconds(90));
                return new WithoutKeycloak(signIn, statusWithin(surveysApi,
                        Map.of("Authorization", "Bearer " + tokenFromBefore), 503, Duration.ofSeconds(2)));
            });
            long startedAt = System.nanoTime();
            assertEquals(200, statusWithin(stack.keycloakUrl() + "/realms/beacon/.well-known/openid-configuration",
                    Map.of(), 200, RECOVERY_TIMEOUT), "Keycloak answers again after its start");
            apiAfterwards = statusWithin(surveysApi, Map.of("Authorization", "Bearer " + token("evaluator")), 200,
                    RECOVERY_TIMEOUT);
            recovery = Duration.ofNanos(System.nanoTime() - startedAt);
            load.awaitAcknowledged(50, Duration.ofSeconds(30));
        }
        HttpResponse<String> signIn = get(stack.gatewayUrl() + "/login", Map.of());
        long lost = lost(load.acknowledged());
        record("Keycloak stopped, campaign-service restarted meanwhile", load, lost, "sign-in answered "
                + meanwhile.signIn().statusCode() + ", the restarted service's API " + meanwhile.restartedServiceApi()
                + "; its API answered " + apiAfterwards + " " + seconds(recovery) + " after Keycloak's start");
        assertAll(
                () -> assertEquals(0, lost, "acknowledged answers missing from the database"),
                () -> assertOnly(load.statuses(), SubmissionLoad.ACKNOWLEDGED, "503", SubmissionLoad.DEGRADED),
                () -> assertEquals(503, meanwhile.signIn().statusCode(),
                        "sign-in says it is away for a moment, instead of sending the browser to a dead Keycloak"),
                () -> assertTrue(meanwhile.signIn().headers().firstValue("Retry-After").isPresent(),
                        "with Retry-After"),
                () -> assertEquals(503, meanwhile.restartedServiceApi(),
                        "a service that cannot verify tokens yet answers 503"),
                () -> assertEquals(200, apiAfterwards, "and verifies them once Keycloak is back"),
                () -> assertEquals(302, signIn.statusCode(), "sign-in goes to Keycloak again"),
                () -> assertTrue(signIn.headers().firstValue("Location").orElse("").startsWith(stack.keycloakUrl()),
                        signIn.headers().toString()));
    }

    /** Takes a part away, does {@code meanwhile}, and brings the part back whatever happened meanwhile. */
    private static <T> T withoutPart(String part, Callable<T> meanwhile) throws Exception {
        stack.stop(part);
        try {
            return meanwhile.call();
        } finally {
            stack.resume(part);
        }
    }

    private static SubmissionLoad load(Duration pause) {
        return SubmissionLoad.start(stack.gatewayUrl(), SurveyJourneyIT.SURVEY, WAVE, LANGUAGE, ANSWERS, pause);
    }

    /** Kills one part with SIGKILL and waits for the stack to announce its restart; when it was killed. */
    private static long killAndAwaitRestart(String part) throws IOException, InterruptedException {
        int announced = stack.restarts().size();
        long pid = stack.pid(part);
        long killedAt = System.nanoTime();
        assertEquals(0, new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor());
        String line = part + " exited (status 137); restarting in 1 s";
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (List<String> said = stack.restarts(); !said.subList(announced, said.size()).contains(line);
                said = stack.restarts()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the stack did not say \"" + line + "\"; it said " + stack.restarts());
            }
            Thread.sleep(50);
        }
        return killedAt;
    }

    /** Acknowledged answers without their row in the database. */
    private static long lost(Set<UUID> acknowledged) throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.databaseUrl(), "postgres", "postgres");
                PreparedStatement stored = connection.prepareStatement(
                        "select count(*) from campaign.survey_response where idempotency_key = any(?)")) {
            stored.setArray(1, connection.createArrayOf("uuid", acknowledged.toArray()));
            ResultSet count = stored.executeQuery();
            count.next();
            return acknowledged.size() - count.getLong(1);
        }
    }

    private static Map<String, String> durability() throws SQLException {
        Map<String, String> settings = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(stack.databaseUrl(), "postgres", "postgres")) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                ResultSet shown = connection.createStatement().executeQuery("show " + setting);
                shown.next();
                settings.put(setting, shown.getString(1));
            }
        }
        return settings;
    }

    private static void assertOnly(Map<String, Long> statuses, String... allowed) {
        Set<String> unexpected = new java.util.TreeSet<>(statuses.keySet());
        unexpected.removeAll(List.of(allowed));
        assertEquals(Set.of(), unexpected, "clients were told " + statuses + "; allowed: " + List.of(allowed));
    }

    private static void record(String fault, SubmissionLoad load, long lost, String recovery) {
        String row = String.format("| %s | %,d | %d | %s | %s |", fault, load.acknowledged().size(), lost,
                load.statuses(), recovery);
        System.out.println("RELIABILITY " + row);
        figures.add(row);
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    /** Polls until {@code url} answers {@code expected}; the last status seen (0: no answer) otherwise. */
    private static int statusWithin(String url, Map<String, String> headers, int expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = 0;
        do {
            try {
                last = get(url, headers).statusCode();
            } catch (IOException e) {
                last = 0;
            }
            if (last == expected) {
                return last;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return last;
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A demo user's access token, through the test realm's password-grant client. */
    private static String token(String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=beacon-tests&client_secret="
                + URLEncoder.encode(stack.testClientSecret(), StandardCharsets.UTF_8) + "&username=" + username
                + "&password=beacon-demo";
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                URI.create(stack.keycloakUrl() + "/realms/beacon/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        assertTrue(token.find(), "Keycloak gave no token: " + answer.body());
        return token.group(1);
    }

    private static Map<String, List<String>> answers() {
        Map<String, List<String>> answers = new HashMap<>(SurveyJourneyIT.ANSWERS);
        answers.put("region", List.of("dakar"));
        answers.put("people_told", List.of("3"));
        return Map.copyOf(answers);
    }
}
