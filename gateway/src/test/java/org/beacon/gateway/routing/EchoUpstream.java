package org.beacon.gateway.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.beacon.testing.FreePort;

/**
 * Stands in for training-service: answers every request with what it received (method, path, headers, body), so
 * tests can see exactly what the gateway forwards. A path under {@code /training/public/closing/} closes the
 * connection without an answer the first {@link #CLOSES} times it is asked for, as a service does with pooled
 * connections it drops. Query parameters shape the answer for the public page cache: {@code cache-control=...}
 * sets that header, {@code as=html} answers as an HTML page, {@code cookie=none} leaves out the Set-Cookie; the
 * echo counts how often it served each address ({@code served}). {@code /training/public/long-page} is a 3 MB page
 * written over two seconds. The campaign upstream points at a port nobody listens on, as when campaign-service is down.
 */
public class EchoUpstream implements QuarkusTestResourceLifecycleManager {

    static final int CLOSES = 2;

    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int port = FreePort.find();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (request.path().startsWith("/training/public/long-page")) {
                streamSlowly(request.response(), 400);
                return;
            }
            if (request.path().startsWith("/training/public/closing/")
                    && asked.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet() <= CLOSES) {
                request.connection().close();
                return;
            }
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject echo = new JsonObject()
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("headers", headers)
                    .put("body", body.length() > 4096 ? "" : body.toString())
                    .put("length", body.length())
                    .put("served", served.computeIfAbsent(request.uri(), u -> new AtomicInteger()).incrementAndGet());
            var response = request.response();
            response.putHeader("Content-Type", "html".equals(request.getParam("as")) ? "text/html;charset=UTF-8"
                    : "application/json");
            if (!"none".equals(request.getParam("cookie"))) {
                response.putHeader("Set-Cookie", "upstream=leak");
            }
            if (request.getParam("cache-control") != null) {
                response.putHeader("Cache-Control", request.getParam("cache-control"));
            }
            response.end(echo.encode());
        }));
        try {
            server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "beacon.upstream.training", "http://127.0.0.1:" + port,
                "beacon.upstream.campaigns", "http://127.0.0.1:" + FreePort.find());
    }

    /** A long page written a piece at a time, so a reader can leave while it is still being relayed. */
    private void streamSlowly(io.vertx.core.http.HttpServerResponse response, int piecesLeft) {
        if (piecesLeft == 0 || response.closed()) {
            if (!response.ended() && !response.closed()) {
                response.end();
            }
            return;
        }
        if (!response.headWritten()) {
            response.setChunked(true).putHeader("Content-Type", "text/html;charset=UTF-8");
        }
        response.write("<p>" + "x".repeat(8192) + "</p>\n");
        vertx.setTimer(5, id -> streamSlowly(response, piecesLeft - 1));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
