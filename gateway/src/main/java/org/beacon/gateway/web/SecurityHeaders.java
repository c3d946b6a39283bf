package org.beacon.gateway.web;

import java.util.regex.Pattern;

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

    /** campaign-service's browser collector page (CollectorPage), the one page that runs WebAssembly. */
    static final Pattern COLLECTOR_PAGE = Pattern.compile("/campaigns/collect/[^/]+/web");

    @ConfigProperty(name = "beacon.security.content-security-policy")
    String contentSecurityPolicy;

    @ConfigProperty(name = "beacon.security.collector-content-security-policy")
    String collectorContentSecurityPolicy;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(ctx -> {
            String policy = policyFor(ctx.request().path());
            ctx.addHeadersEndHandler(v -> ctx.response().headers()
                    .set("Content-Security-Policy", policy)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("X-Frame-Options", "DENY")
                    .set("Referrer-Policy", "same-origin"));
            ctx.next();
        });
    }

    String policyFor(String path) {
        return path != null && COLLECTOR_PAGE.matcher(path).matches() ? collectorContentSecurityPolicy
                : contentSecurityPolicy;
    }
}
