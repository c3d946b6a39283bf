package org.beacon.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.beacon.gateway.GatewayConfig;
import org.junit.jupiter.api.Test;

/**
 * Clients that send a request body at one byte a second must not starve everyone else (issue 10: 200 of them once
 * made every public page time out for 90 s). Each slow client is a raw socket from its own loopback address
 * (127.0.0.x), as distinct visitors would be, so the per-client bound is not what keeps the pages fast here.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = true)
class SlowClientsTests {

    @Inject
    GatewayConfig config;

    private static final int SLOW_CLIENTS = 200;

    @Test
    void pagesKeepTheirUsualLatencyWhile200ClientsSendFormsAtOneBytePerSecond() throws Exception {
        long[] baseline = pageLatencies(30);
        List<Socket> slow = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = slowPost("127.0.0." + (2 + i), "/training/public/surveys/s/answers", 2_000);
                slow.add(socket);
            }
            trickle.scheduleAtFixedRate(() -> slow.forEach(SlowClientsTests::oneByte), 0, 1, TimeUnit.SECONDS);
            Thread.sleep(500);
            long[] underAttack = pageLatencies(30);
            long usual = median(baseline);
            long now = median(underAttack);
            // Generous, relative to this machine's own baseline: before the fix every page waited for a free
            // service connection and timed out.
            assertTrue(now <= 5 * usual + 100, "median page time " + now + " ms under attack, " + usual + " ms before");
        } finally {
            trickle.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aFormSentTooSlowlyIsCutOffAtTheDeadline() throws Exception {
        try (Socket socket = slowPost("127.0.0.230", "/training/public/surveys/s/answers", 100)) {
            socket.setSoTimeout(15_000);
            long started = System.nanoTime();
            String answer = readAnswer(socket, () -> oneByte(socket));
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(seconds <= 12, "cut off after " + seconds + " s");
        }
    }

    @Test
    void anUploadArrivingSlowerThanTheMinimumRateIsCutOff() throws Exception {
        try (Socket socket = slowPost("127.0.0.231", "/training/public/uploads", 5_000_000)) {
            socket.setSoTimeout(25_000);
            String answer = readAnswer(socket, () -> oneByte(socket));
            assertTrue(answer.startsWith("HTTP/1.1 408") || answer.isEmpty(), answer);
        }
    }

    @Test
    void oneAddressMayHoldOnlyItsShareOfConnections() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            int share = config.connectionsPerClient();
            for (int i = 0; i < share + 8; i++) {
                sockets.add(slowPost("127.0.0.240", "/training/public/surveys/s/answers", 100));
            }
            int refused = 0;
            for (Socket socket : sockets) {
                socket.setSoTimeout(300);
                try {
                    byte[] head = new byte[12];
                    int n = socket.getInputStream().read(head);
                    if (n > 0 && new String(head, 0, n, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 429")) {
                        refused++;
                    }
                } catch (SocketTimeoutException stillWaiting) {
                    // admitted: the gateway is waiting for the rest of its body
                }
            }
            assertEquals(8, refused);
            // Another address is not affected.
            given().when().get("/training/public/verify").then().statusCode(200);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** A POST whose headers are complete and whose body has not started: it arrives only by {@link #oneByte}. */
    private static Socket slowPost(String from, String path, int length) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static void oneByte(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write('a');
            out.flush();
        } catch (IOException closed) {
            // the gateway cut it off, as it should
        }
    }

    /** Sends a byte a second until the gateway answers or closes; the answer's first line, or "" when closed. */
    private static String readAnswer(Socket socket, Runnable trickle) throws Exception {
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        try {
            sender.scheduleAtFixedRate(trickle, 0, 1, TimeUnit.SECONDS);
            InputStream in = socket.getInputStream();
            byte[] head = new byte[64];
            int n;
            try {
                n = in.read(head);
            } catch (IOException reset) {
                return "";
            }
            return n <= 0 ? "" : new String(head, 0, n, StandardCharsets.US_ASCII).lines().findFirst().orElse("");
        } finally {
            sender.shutdownNow();
        }
    }

    private static long[] pageLatencies(int count) {
        long[] millis = new long[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            given().when().get("/training/public/verify?n=" + i).then().statusCode(200);
            millis[i] = (System.nanoTime() - started) / 1_000_000L;
        }
        return millis;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
