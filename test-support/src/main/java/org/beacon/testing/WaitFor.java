package org.beacon.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Polls until a server answers. When it does not, the failure names the server's log file and quotes its last
 * lines: on a CI machine the log is gone once the run ends, and the exception is all that is left.
 */
public final class WaitFor {

    private static final int LOG_LINES = 25;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private WaitFor() {
    }

    public static void port(String what, int port, Duration timeout, Process process, String log) {
        poll(what, timeout, process, log, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    public static void http(String what, String url, IntPredicate acceptable, Duration timeout, Process process,
            String log) {
        poll(what, timeout, process, log, () -> {
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return acceptable.test(response.statusCode());
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** Until {@code check} holds; fails early when {@code process} exits. */
    public static void condition(String what, Duration timeout, Process process, String log, Check check) {
        poll(what, timeout, process, log, check);
    }

    public interface Check {
        boolean ready();
    }

    private static void poll(String what, Duration timeout, Process process, String log, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.ready()) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw failure(what + " exited with " + process.exitValue() + "; see " + log, log);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
        throw failure(what + " not ready after " + timeout.toSeconds() + " s; see " + log, log);
    }

    /** Also printed, because test reports keep only an exception's first line in their summary. */
    private static IllegalStateException failure(String message, String log) {
        String full = message + lastLines(log);
        System.err.println(full);
        return new IllegalStateException(full);
    }

    private static String lastLines(String log) {
        if (log == null) {
            return "";
        }
        try {
            // Decoded leniently: a log cut mid-character must still be quoted.
            List<String> lines = new String(Files.readAllBytes(Path.of(log)), StandardCharsets.UTF_8).lines().toList();
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
