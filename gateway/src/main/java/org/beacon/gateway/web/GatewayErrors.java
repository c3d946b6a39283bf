package org.beacon.gateway.web;

import java.util.List;
import java.util.Set;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.Cookie;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.ErrorPage;
import org.beacon.commons.web.PageFrame;
import org.beacon.commons.web.PageHeader;
import org.beacon.commons.web.Problem;
import org.beacon.gateway.GatewayConfig;
import org.beacon.gateway.i18n.GatewayMessages;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the gateway itself answers when it cannot serve a request: a service or Keycloak that is down, a path
 * nobody serves, a request it refuses. A readable page in the reader's language, or problem+json for programs
 * (the same rule as the services: an {@code /api/} path, or an Accept that asks for JSON and not HTML). Never a
 * stack trace.
 */
@ApplicationScoped
public class GatewayErrors {

    /** The OIDC session cookie (split into {@code q_session_…} parts when large). */
    private static final String SESSION_COOKIE = "q_session";

    @Inject
    GatewayConfig config;

    /**
     * Runs after every other route: only paths that nothing served reach it. Such a path needs no sign-in, so the
     * session was never read (lazy authentication): it is read here, without blocking, so a signed-in reader's
     * 404 page names them and offers their menu rather than "Sign in".
     */
    void fallback(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE - 10).handler(ctx -> {
            Uni<SecurityIdentity> deferred = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
            if (ctx.user() != null || deferred == null) {
                page(ctx, 404, ErrorPage.NOT_FOUND, null);
                return;
            }
            deferred.subscribe().with(identity -> {
                if (identity != null && !identity.isAnonymous() && ctx.user() == null) {
                    QuarkusHttpUser.setIdentity(identity, ctx);
                }
                page(ctx, 404, ErrorPage.NOT_FOUND, null);
            }, failure -> page(ctx, 404, ErrorPage.NOT_FOUND, null));
        });
    }

    public void serviceUnavailable(RoutingContext ctx, String service) {
        unavailable(ctx, ErrorPage.english(ErrorPage.UNAVAILABLE).replace("{0}", service),
                render(ctx, 503, ErrorPage.UNAVAILABLE, service, null));
    }

    /**
     * A 503 with the time after which trying again makes sense, so browsers, scripts and the offline survey queue
     * come back on their own instead of hammering a service that is starting.
     */
    public void unavailable(RoutingContext ctx, String englishDetail, String page) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(config.retryAfter().toSeconds()));
        answer(ctx, 503, "Temporarily unavailable", englishDetail, page);
    }

    /** A refusal the reader caused, in their language; {@code detail} is already in it. */
    public void refuse(RoutingContext ctx, int status, String title, String englishDetail, String detail) {
        answer(ctx, status, title, englishDetail, render(ctx, status, null, null, detail));
    }

    void page(RoutingContext ctx, int status, String detailKey, String argument) {
        answer(ctx, status, "Not found", ErrorPage.english(detailKey),
                render(ctx, status, detailKey, argument, null));
    }

    /**
     * The error page (commons {@link ErrorPage}) in the layout every page has. These routes answer outside a CDI
     * request, where the layout's header would not know the reader: it is built here from the routing context.
     */
    public static String render(RoutingContext ctx, int status, String detailKey, String argument, String detail) {
        String language = language(ctx);
        return ErrorPage.render(status, detailKey, argument, detail, language, header(ctx, language));
    }

    static PageHeader header(RoutingContext ctx, String language) {
        HttpServerRequest request = ctx.request();
        String back = request.method() == HttpMethod.GET ? request.uri() : "/";
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity != null && !identity.isAnonymous()) {
            return PageFrame.build(language, true, displayName(identity), identity.getRoles(), request.path(), back);
        }
        // Not signed in on this route: a refusal answered before the session is read, or Keycloak away. A reader
        // who came with a session is still offered the way out; whose it is and their menu are not known here.
        boolean session = request.cookies().stream().anyMatch(cookie -> cookie.getName().startsWith(SESSION_COOKIE));
        return PageFrame.build(language, session, "", Set.of(), request.path(), back);
    }

    private static String displayName(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            for (String claim : List.of("name", "preferred_username")) {
                Object value = token.getClaim(claim);
                if (value != null && !value.toString().isBlank()) {
                    return value.toString();
                }
            }
        }
        return identity.getPrincipal().getName();
    }

    private void answer(RoutingContext ctx, int status, String title, String englishDetail, String page) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (wantsJson(ctx)) {
            Problem problem = new Problem("about:blank", title, status, englishDetail, ctx.request().path(),
                    List.of());
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(Json.encode(problem));
        } else {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(page);
        }
    }

    static boolean wantsJson(RoutingContext ctx) {
        if (ctx.request().path().contains("/api/")) {
            return true;
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    /** The gateway's own texts in a supported language (English is the bundle's default, not a localized file). */
    public static GatewayMessages messages(String language) {
        return Languages.DEFAULT.equals(language) ? MessageBundles.get(GatewayMessages.class)
                : MessageBundles.get(GatewayMessages.class, Localized.Literal.of(language));
    }

    public static String language(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(Languages.COOKIE);
        return Languages.resolve(cookie == null ? null : cookie.getValue(),
                ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
