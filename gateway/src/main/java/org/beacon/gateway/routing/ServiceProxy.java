package org.beacon.gateway.routing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
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
import org.beacon.gateway.routing.Upstreams.Upstream;
import org.beacon.gateway.web.GatewayErrors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forwards {@code /training/**} and {@code /campaigns/**} to the services. The signed-in user's access token goes
 * along as a bearer token; the browser's cookies (which hold the encrypted session) and any Authorization header
 * it sent never do, so a service only ever sees a token the gateway obtained from Keycloak. Which paths need a
 * login is decided by the HTTP permissions in application.properties, before this handler runs.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    /** How many times a GET or HEAD is sent again when its pooled connection turns out to be closed. */
    private static final int RETRIES = 3;

    /** Hop-by-hop headers (RFC 9110 §7.6.1) and the ones the gateway replaces. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "cookie",
            "authorization", "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip");
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

    @ConfigProperty(name = "beacon.upstream.timeout-ms", defaultValue = "30000")
    long timeoutMs;

    private HttpClient client;

    @PostConstruct
    void createClient() {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(64)
                .setKeepAlive(true)
                .setConnectTimeout(2000));
    }

    void routes(@Observes Router router) {
        router.route("/training/*").handler(ctx -> forward(ctx, upstreams.training()));
        router.route("/campaigns/*").handler(ctx -> forward(ctx, upstreams.campaigns()));
    }

    void forward(RoutingContext ctx, Upstream upstream) {
        String token = accessToken(ctx);
        String cacheKey = cache.keyOf(ctx.request(), token != null, language(ctx.request()));
        if (cacheKey != null && cache.answer(cacheKey, ctx.response())) {
            return;
        }
        ctx.request().pause();
        forward(ctx, upstream, token, RETRIES, cacheKey);
    }

    private void forward(RoutingContext ctx, Upstream upstream, String token, int retriesLeft, String cacheKey) {
        HttpServerRequest in = ctx.request();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setURI(in.uri())
                .setIdleTimeout(timeoutMs);
        client.request(options).onSuccess(out -> {
            copyRequestHeaders(in, out.headers());
            if (token != null) {
                out.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            Future<HttpClientResponse> sent;
            if (isSafe(in.method())) {
                in.resume();
                sent = out.send();
            } else {
                sent = out.send(in);
            }
            sent.onSuccess(response -> relay(ctx, response, cacheKey)).onFailure(failure -> {
                // A pooled keep-alive connection the service closed in the meantime: a GET or HEAD has no body
                // that could have been consumed, so it is safe to send it again. Several pooled connections may
                // close at once (the service restarting, many visitors leaving together), hence a few tries.
                if (retriesLeft > 0 && failure instanceof HttpClosedException && isSafe(in.method())) {
                    forward(ctx, upstream, token, retriesLeft - 1, cacheKey);
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

    private void relay(RoutingContext ctx, HttpClientResponse response, String cacheKey) {
        HttpServerResponse out = ctx.response();
        if (out.closed()) {
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
        response.pipeTo(out);
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
        LOG.warnf("%s unavailable for %s %s: %s", upstream.name(), ctx.request().method(), ctx.request().path(),
                failure.toString());
        ctx.request().resume();
        if (!ctx.response().headWritten()) {
            errors.serviceUnavailable(ctx, upstream.name());
        } else {
            ctx.response().reset();
        }
    }

    /** The access token of the signed-in user, or null on public paths and for anonymous visitors. */
    private static String accessToken(RoutingContext ctx) {
        if (!(ctx.user() instanceof QuarkusHttpUser user)) {
            return null;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }
}
