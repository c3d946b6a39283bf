package org.beacon.gateway.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A session cookie that cannot be decrypted (tampered, or sealed with a rotated secret) makes the OIDC layer
 * answer 401. Left in place it would keep failing every request, the sign-in included, so the 401 also expires the
 * session cookies: the next visit starts a clean login.
 */
@ApplicationScoped
public class BrokenSessionCleanup {

    static final String SESSION_COOKIE_PREFIX = "q_session";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 101).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            ctx.addHeadersEndHandler(v -> {
                if (ctx.response().getStatusCode() != 401) {
                    return;
                }
                for (Cookie cookie : request.cookies()) {
                    if (cookie.getName().startsWith(SESSION_COOKIE_PREFIX)) {
                        ctx.response().addCookie(Cookie.cookie(cookie.getName(), "").setPath("/").setMaxAge(0)
                                .setHttpOnly(true));
                    }
                }
            });
            ctx.next();
        });
    }
}
