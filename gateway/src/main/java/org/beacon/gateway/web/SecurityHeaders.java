package org.beacon.gateway.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every response that leaves the gateway, its own pages and the services' alike. They are set
 * when the headers are written, so a service's response cannot drop them.
 */
@ApplicationScoped
public class SecurityHeaders {

    @ConfigProperty(name = "beacon.security.content-security-policy")
    String contentSecurityPolicy;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> ctx.response().headers()
                    .set("Content-Security-Policy", contentSecurityPolicy)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("X-Frame-Options", "DENY")
                    .set("Referrer-Policy", "same-origin"));
            ctx.next();
        });
    }
}
