package org.beacon.gateway.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.ErrorPage;

/**
 * Readable error pages for what the gateway itself answers: a service that is down, and a path nobody serves.
 * Never a stack trace.
 */
@ApplicationScoped
public class GatewayErrors {

    /** Runs after every other route: only paths that nothing served reach it. */
    void fallback(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE - 10)
                .handler(ctx -> page(ctx, 404, ErrorPage.NOT_FOUND, null));
    }

    public void serviceUnavailable(RoutingContext ctx, String service) {
        page(ctx, 503, ErrorPage.UNAVAILABLE, service);
    }

    void page(RoutingContext ctx, int status, String detailKey, String argument) {
        Cookie cookie = ctx.request().getCookie(Languages.COOKIE);
        String language = Languages.resolve(cookie == null ? null : cookie.getValue(),
                ctx.request().getHeader("Accept-Language"));
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(ErrorPage.render(status, detailKey, argument, null, language));
    }
}
