package org.beacon.gateway.signin;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

import io.quarkus.oidc.common.runtime.OidcEndpointAccessException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.gateway.GatewayConfig;
import org.beacon.gateway.web.Outages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether Keycloak can be reached right now, asked before a reader is sent to its login page (a browser sent to a
 * Keycloak that is down shows a connection error, not a Beacon page) and learnt from failed token refreshes. A
 * probe (the realm's discovery document) is remembered for a few seconds, so an outage costs Keycloak and the log
 * one probe per interval, not one per request.
 */
@ApplicationScoped
public class KeycloakReachability {

    static final String KEYCLOAK = "Keycloak";

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    Outages outages;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    private HttpClient client;
    private volatile Probe last;

    private record Probe(long at, Future<Boolean> reachable) {
    }

    @PostConstruct
    void createClient() {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.signIn().probeTimeout().toMillis())
                .setMaxPoolSize(2));
    }

    /** True when Keycloak answered its discovery document within the probe timeout, recently enough. */
    public Uni<Boolean> isReachable() {
        Probe probe = last;
        long now = System.nanoTime();
        if (probe == null || now - probe.at() > config.signIn().probeValidity().toNanos()) {
            synchronized (this) {
                probe = last;
                if (probe == null || now - probe.at() > config.signIn().probeValidity().toNanos()) {
                    probe = new Probe(now, probe());
                    last = probe;
                }
            }
        }
        Future<Boolean> reachable = probe.reachable();
        return Uni.createFrom().completionStage(reachable.toCompletionStage());
    }

    /** A request to Keycloak failed because it could not be reached: remembered until the next probe. */
    public void unreachable(Throwable cause) {
        outages.failed(KEYCLOAK, cause);
        last = new Probe(System.nanoTime(), Future.succeededFuture(false));
    }

    private Future<Boolean> probe() {
        URI discovery = URI.create(authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        long timeout = config.signIn().probeTimeout().toMillis();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(discovery.toString()).setTimeout(timeout);
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .map(status -> {
                    if (status >= 500) {
                        outages.failed(KEYCLOAK, new IOException("discovery answered " + status));
                        return false;
                    }
                    outages.answered(KEYCLOAK);
                    return true;
                })
                .recover(failure -> {
                    outages.failed(KEYCLOAK, failure);
                    return Future.succeededFuture(false);
                });
    }

    /**
     * Whether a failure means Keycloak could not be reached (refused, reset, timed out, or answering 5xx), as opposed
     * to a refusal of the request (an invalid token, an unknown session) that must lead to a new sign-in.
     */
    public static boolean isUnreachable(Throwable failure) {
        return isUnreachable(failure, 0);
    }

    private static boolean isUnreachable(Throwable failure, int depth) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // The OIDC extension reports a tenant it could not connect as "OIDC Server is not available", with the
            // connection failure attached as suppressed rather than as the cause.
            for (Throwable suppressed : cause.getSuppressed()) {
                if (depth < 3 && isUnreachable(suppressed, depth + 1)) {
                    return true;
                }
            }
            if (cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof OidcEndpointAccessException access && access.getErrorStatus() >= 500) {
                return true;
            }
            if (cause instanceof VertxException && cause.getMessage() != null
                    && (cause.getMessage().contains("closed") || cause.getMessage().contains("timeout"))) {
                return true;
            }
        }
        return false;
    }
}
