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
 * connections it drops. The campaign upstream points at a port nobody listens on, as when campaign-service is down.
 */
public class EchoUpstream implements QuarkusTestResourceLifecycleManager {

    static final int CLOSES = 2;

    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int port = FreePort.find();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
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
                    .put("body", body.toString());
            request.response().putHeader("Content-Type", "application/json")
                    .putHeader("Set-Cookie", "upstream=leak")
                    .end(echo.encode());
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

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
