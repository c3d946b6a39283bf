package org.beacon.gateway.web;

import java.util.Set;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.beacon.gateway.i18n.GatewayMessages;

/**
 * Refuses a form another site makes a signed-in reader's browser send (cross-site request forgery) on every path
 * that acts for a signed-in user, instead of a token in each staff form. Two layers: the session cookie is
 * SameSite=Lax, so a browser does not send it with a cross-site POST at all; and here, a request that changes
 * something and that the browser marks as coming from another site ({@code Sec-Fetch-Site: cross-site} or
 * {@code same-site}, or else an {@code Origin} that is not this site's) is answered 403 before it reaches the
 * session or a service. A request with neither header does not come from a browser's form (scripts, the content
 * importer, which sign their requests with a bearer token that no other site can add).
 *
 * <p>The public paths ({@code /campaigns/public/}, {@code /training/public/}) are exempt: there the gateway never
 * looks at the session and relays no token, so a request sent from another site can do nothing that the visitor,
 * or the other site itself, could not do directly; a survey form embedded in a partner's page keeps working. So are
 * the OpenRosa paths of collection links ({@code /campaigns/collect/}): their token is in the address, not in a
 * cookie, so another site cannot borrow it, and Enketo sends its submissions from its own site.
 */
@ApplicationScoped
public class CrossSiteRequests {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String ENGLISH = "This form was sent from another site, so it was refused.";

    @Inject
    GatewayErrors errors;

    void install(@Observes Router router) {
        // After SecurityHeaders (+100), so a refusal carries them too; before any authentication.
        router.route().order(Integer.MIN_VALUE + 103).handler(this::check);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (SAFE.contains(request.method()) || isPublic(request.path()) || !fromAnotherSite(request)) {
            ctx.next();
            return;
        }
        String language = GatewayErrors.language(ctx);
        GatewayMessages messages = GatewayErrors.messages(language);
        errors.refuse(ctx, 403, "Not allowed", ENGLISH, messages.cross_site_refused());
    }

    static boolean isPublic(String path) {
        return path.startsWith("/campaigns/public/") || path.startsWith("/training/public/")
                || path.startsWith("/campaigns/collect/");
    }

    static boolean fromAnotherSite(HttpServerRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            // "none" is the reader's own doing (typed address, bookmark); "same-site" is another origin of the
            // same registrable domain, which may be someone else's subdomain.
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false;
        }
        HostAndPort site = request.authority();
        if (site == null) {
            return true;
        }
        String own = request.scheme() + "://" + site.host() + (site.port() > 0 ? ":" + site.port() : "");
        return !origin.equalsIgnoreCase(own);
    }
}
