package org.beacon.gateway.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.beacon.gateway.GatewayConfig;

/**
 * Bounds the connections one client address keeps busy with requests in progress, so one client (or one botnet
 * member) cannot hold the gateway's share of everyone else. An HTTP/1.1 connection carries one request at a time,
 * so counting the connections with a request in progress counts what a slow client ties up; idle keep-alive
 * connections cost nothing but a socket and are closed by {@code quarkus.http.idle-timeout}. Behind the ingress the
 * address is the browser's (X-Forwarded-For, trusted only from the ingress controller).
 */
@ApplicationScoped
public class ClientConnections {

    private static final String TOO_MANY = "Too many requests from your address are in progress. Please wait a moment.";

    @Inject
    GatewayConfig config;

    @Inject
    GatewayErrors errors;

    private final Map<String, Integer> busy = new ConcurrentHashMap<>();

    void install(@Observes Router router) {
        // After SecurityHeaders (+100), so a refusal carries them too.
        router.route().order(Integer.MIN_VALUE + 102).handler(this::admit);
    }

    void admit(RoutingContext ctx) {
        SocketAddress address = ctx.request().remoteAddress();
        if (address == null || address.hostAddress() == null) {
            ctx.next();
            return;
        }
        String client = address.hostAddress();
        if (busy.merge(client, 1, Integer::sum) > config.connectionsPerClient()) {
            release(client);
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            errors.refuse(ctx, 429, "Too many requests", TOO_MANY, TOO_MANY);
            return;
        }
        ctx.addEndHandler(done -> release(client));
        ctx.next();
    }

    private void release(String client) {
        busy.computeIfPresent(client, (c, connections) -> connections > 1 ? connections - 1 : null);
    }
}
