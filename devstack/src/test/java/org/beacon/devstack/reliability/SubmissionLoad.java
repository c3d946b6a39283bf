package org.beacon.devstack.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Anonymous answers to one open survey wave, posted through the gateway by several clients at once as the public
 * form posts them: each with its own idempotency key. Records what every client was told, so a test can compare
 * the answers acknowledged (303, on to the thank-you page) with the rows in the database.
 */
final class SubmissionLoad implements AutoCloseable {

    /** What one client was told, and when it asked. */
    record Answer(UUID key, long sentAt, long answeredAt, String status) {

        boolean acknowledged() {
            return status.equals(ACKNOWLEDGED);
        }
    }

    static final String ACKNOWLEDGED = "303";
    static final String DEGRADED = "503 with Retry-After";
    static final String NO_ANSWER = "no answer";

    private static final int CLIENTS = 8;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI form;
    private final String answers;
    private final ConcurrentLinkedQueue<Answer> told = new ConcurrentLinkedQueue<>();
    /** The first page of each status other than 303, to say why in a failure. */
    private final Map<String, String> firstPages = new ConcurrentHashMap<>();
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    private final Duration pause;
    private volatile boolean running = true;

    private SubmissionLoad(URI form, String answers, Duration pause) {
        this.form = form;
        this.answers = answers;
        this.pause = pause;
    }

    /**
     * Starts the clients on {@code /campaigns/public/surveys/{survey}/{wave}}, every answer the same; each client
     * waits {@code pause} between answers (zero: as fast as the stack answers).
     */
    static SubmissionLoad start(String gatewayUrl, String survey, String wave, String language,
            Map<String, List<String>> answers, Duration pause) {
        String fields = "_lang=" + language + answers.entrySet().stream()
                .flatMap(question -> question.getValue().stream()
                        .map(value -> "&q." + question.getKey() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)))
                .collect(Collectors.joining());
        SubmissionLoad load = new SubmissionLoad(
                URI.create(gatewayUrl + "/campaigns/public/surveys/" + survey + "/" + wave), fields, pause);
        for (int client = 0; client < CLIENTS; client++) {
            load.clients.execute(load::submitUntilStopped);
        }
        return load;
    }

    /** Waits until {@code count} more answers than now were acknowledged. */
    void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        long target = acknowledged().size() + count;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged().size() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " answers acknowledged within " + timeout
                        + "; clients were told " + statuses() + "; first pages: " + firstPages);
            }
            Thread.sleep(50);
        }
    }

    /** Waits until an answer sent after {@code since} (a nanoTime) was acknowledged; how long after {@code since}. */
    Duration awaitAcknowledgedSentAfter(long since, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Answer answer : told) {
                if (answer.acknowledged() && answer.sentAt() > since) {
                    return Duration.ofNanos(answer.answeredAt() - since);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no answer acknowledged within " + timeout + "; clients were told " + statuses());
    }

    /**
     * Waits until the clients, refused after {@code faultAt} (a nanoTime), were acknowledged again; how long after
     * the fault. Answers in flight at the fault do not count: only an acknowledgement sent after the first refusal.
     */
    Duration awaitRecovery(long faultAt, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            OptionalLong refused = told.stream().filter(answer -> !answer.acknowledged() && answer.sentAt() >= faultAt)
                    .mapToLong(Answer::sentAt).min();
            if (refused.isPresent()) {
                OptionalLong back = told.stream()
                        .filter(answer -> answer.acknowledged() && answer.sentAt() > refused.getAsLong())
                        .mapToLong(Answer::answeredAt).min();
                if (back.isPresent()) {
                    return Duration.ofNanos(back.getAsLong() - faultAt);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not refused and acknowledged again within " + timeout + "; clients were told "
                + statuses());
    }

    /** Stops the clients and waits for the answers in flight. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
    }

    List<Answer> told() {
        return List.copyOf(told);
    }

    Set<UUID> acknowledged() {
        return told.stream().filter(Answer::acknowledged).map(Answer::key).collect(Collectors.toSet());
    }

    /** How many answers of each kind the clients were told: {"303": 812, "503 with Retry-After": 40}. */
    Map<String, Long> statuses() {
        return told.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    }

    /** The statuses of answers sent after {@code since} and answered before {@code until} (nanoTimes). */
    Map<String, Long> statusesBetween(long since, long until) {
        return told.stream().filter(answer -> answer.sentAt() >= since && answer.answeredAt() <= until)
                .collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    }

    /** The slowest answer other than an acknowledgement: a refusal must come quickly, not after a long wait. */
    Duration slowestRefusal() {
        return Duration.ofNanos(told.stream().filter(answer -> !answer.acknowledged())
                .mapToLong(answer -> answer.answeredAt() - answer.sentAt()).max().orElse(0));
    }

    private void submitUntilStopped() {
        while (running) {
            UUID key = UUID.randomUUID();
            long sentAt = System.nanoTime();
            String status = submit(key);
            told.add(new Answer(key, sentAt, System.nanoTime(), status));
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String submit(UUID key) {
        HttpRequest request = HttpRequest.newBuilder(form)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_key=" + key + "&" + answers))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String said = status == 503 && response.headers().firstValue("Retry-After").isPresent() ? DEGRADED
                    : String.valueOf(status);
            if (status != 303) {
                String page = response.body().replaceAll("\\s+", " ");
                firstPages.putIfAbsent(said, page.substring(0, Math.min(page.length(), 400)));
            }
            return said;
        } catch (IOException e) {
            // Which one tells a timeout from a connection closed without an answer.
            return NO_ANSWER + " (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NO_ANSWER;
        }
    }
}
