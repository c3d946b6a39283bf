package org.beacon.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.gateway.GatewayConfig;
import org.beacon.gateway.web.GatewayErrors;

/**
 * Keeps slow clients from starving the gateway. 200 clients sending a form at one byte a second once held every
 * service connection of the proxy, and every public page timed out for 90 s. Now a small body (every form and JSON
 * request) is read in full, within a deadline, before a service connection is taken; a large one (an upload) is
 * streamed on its own pool and cut off when it arrives slower than a minimum rate.
 */
@ApplicationScoped
public class RequestBodies {

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    GatewayErrors errors;

    /** Whether the body is small enough to be read in full first: a declared length within the buffered limit. */
    boolean isSmall(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            // Chunked: the size is unknown until the end, so it is streamed, under the minimum rate.
            return false;
        }
        try {
            return Long.parseLong(length.trim()) <= config.requestBodies().bufferedLimit().asLongValue();
        } catch (NumberFormatException malformed) {
            return false;
        }
    }

    /** The whole body, or a failed future once the reader has been told it took too long (408). */
    Future<Buffer> read(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Promise<Buffer> body = Promise.promise();
        long deadline = vertx.setTimer(config.requestBodies().deadline().toMillis(), id -> {
            if (body.tryFail("request body too slow")) {
                tooSlow(ctx);
            }
        });
        request.body().onComplete(read -> {
            vertx.cancelTimer(deadline);
            if (read.succeeded()) {
                body.tryComplete(read.result());
            } else {
                body.tryFail(read.cause());
            }
        });
        request.resume();
        return body.future();
    }

    /**
     * Checks once a second, after the grace time, that the body arrives at least at the minimum average rate; a
     * client that sends slower is cut off, which also frees the service connection it was holding.
     */
    void enforceMinimumRate(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long started = System.nanoTime();
        long minimumRate = config.requestBodies().minimumRatePerSecond().asLongValue();
        long check = vertx.setPeriodic(config.requestBodies().grace().toMillis(), 1000, id -> {
            if (request.isEnded() || ctx.response().closed()) {
                vertx.cancelTimer(id);
                return;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (request.bytesRead() < minimumRate * seconds) {
                vertx.cancelTimer(id);
                tooSlow(ctx);
            }
        });
        ctx.addEndHandler(done -> vertx.cancelTimer(check));
    }

    private void tooSlow(RoutingContext ctx) {
        errors.refuse(ctx, 408, "Request timeout", "The request body arrived too slowly.",
                "The request body arrived too slowly.");
        ctx.request().connection().close();
    }
}
