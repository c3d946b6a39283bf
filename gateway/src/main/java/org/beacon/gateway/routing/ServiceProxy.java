package org.beacon.gateway.routing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.beacon.commons.i18n.Languages;
import org.beacon.gateway.GatewayConfig;
import org.beacon.gateway.routing.Upstreams.Upstream;
import org.beacon.gateway.web.GatewayErrors;
import org.beacon.gateway.web.Outages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forwards {@code /training/**} and {@code /campaigns/**} to the services. The signed-in user's access token goes
 * along as a bearer token; the browser's cookies (which hold the encrypted session) and any Authorization header
 * it sent never do, so a service only ever sees a token the gateway obtained from Keycloak. Which paths need a
 * login is decided by the HTTP permissions in application.properties, before this handler runs.
 */
@ApplicationScoped
public class ServiceProxy {

    /** How many times a GET or HEAD is sent again when its pooled connection turns out to be closed. */
    private static final int RETRIES = 3;

    /** Hop-by-hop headers (RFC 9110 §7.6.1) and the ones the gateway replaces. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "cookie",
            "authorization", "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip",
            "expect");
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "transfer-encoding",
            "upgrade", "set-cookie", "trailer");

    @Inject
    Vertx vertx;

    @Inject
    Upstreams upstreams;

    @Inject
    PublicPageCache cache;

    @Inject
    GatewayErrors errors;

    @Inject
    Outages outages;

    @Inject
    RequestBodies bodies;

    @Inject
    GatewayConfig config;

    @ConfigProperty(name = "beacon.upstream.timeout-ms", defaultValue = "30000")
    long timeoutMs;

    /** Pages, forms and API calls: every request whose body, if any, the gateway already holds in full. */
    private HttpClient client;

    /**
     * Uploads, streamed as they arrive: their own pool, so however many slow uploads are in progress, pages never
     * wait for a service connection.
     */
    private HttpClient uploadClient;

    @PostConstruct
    void createClients() {
        client = vertx.createHttpClient(clientOptions(64));
        uploadClient = vertx.createHttpClient(clientOptions(16));
    }

    private HttpClientOptions clientOptions(int poolSize) {
        // A service that is down refuses at once; one that hangs (or a full pool) must not hold the reader either.
        return new HttpClientOptions()
                .setMaxPoolSize(poolSize)
                .setKeepAlive(true)
                .setConnectTimeout((int) config.upstreamConnectTimeout().toMillis());
    }

    void routes(@Observes Router router) {
        router.route("/training/*").handler(ctx -> forward(ctx, upstreams.training()));
        router.route("/campaigns/*").handler(ctx -> forward(ctx, upstreams.campaigns()));
    }

    void forward(RoutingContext ctx, Upstream upstream) {
        Uni<SecurityIdentity> deferred = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (ctx.user() == null && deferred != null && isSafe(ctx.request().method())) {
            // A public page is opened without asking who is there, but its header names the reader who is signed
            // in (the one frame of every page), so the session, if any, is read first. Only for GET and HEAD: a
            // public form's answer (a survey) stays anonymous and is never sent with the respondent's token.
            // A session that fails its check here (a tampered or expired cookie) leaves a visitor on a public
            // page, not a 401: the failure reaches this handler only, not the sign-in challenge.
            ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, t) -> {
            });
            deferred.subscribe().with(identity -> forward(ctx, upstream, tokenOf(identity)),
                    failure -> forward(ctx, upstream, null));
            return;
        }
        forward(ctx, upstream, accessToken(ctx));
    }

    private void forward(RoutingContext ctx, Upstream upstream, String token) {
        String cacheKey = cache.keyOf(ctx.request(), token != null, language(ctx.request()));
        if (cacheKey != null && cache.answer(cacheKey, ctx.response())) {
            return;
        }
        if (isSafe(ctx.request().method())) {
            forward(ctx, upstream, token, RETRIES, cacheKey, null);
            return;
        }
        // The gateway reads the body itself, so it answers a client that waits for leave to send it (curl does for
        // anything over 1 KB); the service is not asked.
        if ("100-continue".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        if (bodies.isSmall(ctx.request())) {
            // Read the whole form before a service connection is taken: a client sending it at one byte a second
            // then ties up its own connection only (and is cut off at the deadline).
            bodies.read(ctx).onSuccess(body -> forward(ctx, upstream, token, 0, null, body));
        } else {
            ctx.request().pause();
            bodies.enforceMinimumRate(ctx);
            forward(ctx, upstream, token, 0, null, null);
        }
    }

    /**
     * Sends the request on; {@code body} is the request body when it was read already, null when there is none (GET,
     * HEAD) or it is streamed from the client as it arrives (an upload).
     */
    private void forward(RoutingContext ctx, Upstream upstream, String token, int retriesLeft, String cacheKey,
            Buffer body) {
        HttpServerRequest in = ctx.request();
        boolean streamed = body == null && !isSafe(in.method());
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setURI(in.uri())
                .setIdleTimeout(timeoutMs);
        (streamed ? uploadClient : client).request(options).onSuccess(out -> {
            copyRequestHeaders(in, out.headers());
            if (token != null) {
                out.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            Future<HttpClientResponse> sent;
            if (streamed) {
                // An upload the gateway cut off (too slow) or the reader abandoned must not keep holding a
                // connection of the upload pool until the service gives up on it.
                ctx.addEndHandler(done -> {
                    if (!in.isEnded()) {
                        out.reset();
                    }
                });
                sent = out.send(in);
            } else if (body != null) {
                sent = out.send(body);
            } else {
                sent = out.send();
            }
            sent.onSuccess(response -> relay(ctx, upstream, response, cacheKey)).onFailure(failure -> {
                // A pooled keep-alive connection the service closed in the meantime: a GET or HEAD has no body
                // that could have been consumed, so it is safe to send it again. Several pooled connections may
                // close at once (the service restarting, many visitors leaving together), hence a few tries.
                if (retriesLeft > 0 && failure instanceof HttpClosedException && isSafe(in.method())) {
                    forward(ctx, upstream, token, retriesLeft - 1, cacheKey, null);
                } else {
                    unavailable(ctx, upstream, failure);
                }
            });
        }).onFailure(failure -> unavailable(ctx, upstream, failure));
    }

    private static boolean isSafe(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    private void copyRequestHeaders(HttpServerRequest in, MultiMap headers) {
        in.headers().forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase())) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        // The language chooser's cookie is not forwarded (no cookies are); its choice travels as Accept-Language.
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language(in));
        headers.set("X-Forwarded-Proto", in.scheme());
        if (in.authority() != null) {
            headers.set("X-Forwarded-Host", in.authority().toString());
        }
    }

    private static String language(HttpServerRequest in) {
        Cookie chosen = in.getCookie(Languages.COOKIE);
        return Languages.resolve(chosen == null ? null : chosen.getValue(), in.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private void relay(RoutingContext ctx, Upstream upstream, HttpClientResponse response, String cacheKey) {
        outages.answered(upstream.name());
        HttpServerResponse out = ctx.response();
        if (out.closed() || out.ended()) {
            response.request().reset();
            return;
        }
        out.setStatusCode(response.statusCode());
        out.setStatusMessage(response.statusMessage());
        response.headers().forEach(header -> {
            if (!NOT_RETURNED.contains(header.getKey().toLowerCase())) {
                out.headers().add(header.getKey(), header.getValue());
            }
        });
        // The services pick the language from the Accept-Language the gateway derives from the chooser's cookie,
        // so a cached page is only valid for the same header and cookie.
        out.headers().set(HttpHeaders.VARY, vary(response.headers().getAll(HttpHeaders.VARY)));
        if (cacheKey != null && cache.admits(response.statusCode(), response.headers())) {
            response.body().onSuccess(body -> {
                cache.keep(cacheKey, response.statusCode(), response.headers(), out.headers(), body);
                out.end(body);
            }).onFailure(failure -> out.reset());
            return;
        }
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            out.setChunked(true);
        }
        stream(response, out);
        // A reader who leaves mid-page ends the service's request too, which frees its connection.
        ctx.addEndHandler(done -> {
            if (done.failed()) {
                response.request().reset();
            }
        });
    }

    /**
     * Copies the service's answer to the reader as it arrives, at the reader's pace. Not Vert.x's pipe: it keeps
     * writing to a reader who has gone, and each write then throws an IllegalStateException into the log.
     */
    private static void stream(HttpClientResponse response, HttpServerResponse out) {
        response.handler(chunk -> {
            if (out.closed() || out.ended()) {
                response.request().reset();
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                response.pause();
                out.drainHandler(v -> response.resume());
            }
        });
        response.exceptionHandler(failure -> {
            if (!out.closed() && !out.ended()) {
                out.reset();
            }
        });
        response.endHandler(v -> {
            if (!out.closed() && !out.ended()) {
                out.end();
            }
        });
    }

    static String vary(List<String> upstream) {
        Set<String> values = new LinkedHashSet<>();
        for (String header : upstream) {
            for (String value : header.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.trim());
                }
            }
        }
        values.add("Accept-Language");
        values.add("Cookie");
        return String.join(", ", values);
    }

    private void unavailable(RoutingContext ctx, Upstream upstream, Throwable failure) {
        if (ctx.response().closed() || ctx.response().ended()) {
            // The reader left (or was cut off as too slow) and the service request failed with it: not an outage.
            return;
        }
        outages.failed(upstream.name(), failure);
        if (!ctx.request().isEnded()) {
            // An upload paused for streaming is drained so the 503 can be read; a form read in full already
            // must not be resumed (Vert.x throws "Request has already been read", and the reader got no answer).
            ctx.request().resume();
        }
        if (!ctx.response().headWritten()) {
            errors.serviceUnavailable(ctx, upstream.name());
        } else {
            ctx.response().reset();
        }
    }

    /** The access token of the signed-in user, or null for an anonymous visitor. */
    private static String accessToken(RoutingContext ctx) {
        if (!(ctx.user() instanceof QuarkusHttpUser user)) {
            return null;
        }
        return tokenOf(user.getSecurityIdentity());
    }

    private static String tokenOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }
}
