package org.beacon.gateway.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.Dependency;
import org.beacon.commons.web.ErrorPage;
import org.beacon.commons.web.ServiceUnavailable;
import org.beacon.gateway.GatewayConfig;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What the admin pages depend on and may lose for a while, answered as every such loss is: a readable 503 with
 * {@code Retry-After}, never a 500. Keycloak is the sign-in server of {@link Dependency}; a service that does not
 * give its audit entries is named on the page, as the gateway names it when it cannot forward to it.
 */
public class AdminUnavailable {

    @Inject
    ServiceUnavailable unavailable;

    @Inject
    GatewayConfig config;

    @ServerExceptionMapper
    public Response directory(DirectoryUnavailable e, UriInfo uri, HttpHeaders headers) {
        return unavailable.answer(Dependency.SIGN_IN, e, uri, headers);
    }

    @ServerExceptionMapper
    public Response service(AuditFeed.ServiceDown e, HttpHeaders headers) {
        String language = Languages.resolve(cookie(headers), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return Response.status(503).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorPage.render(503, ErrorPage.UNAVAILABLE, e.service, null, language))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(config.retryAfter().toSeconds()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static String cookie(HttpHeaders headers) {
        var cookie = headers.getCookies().get(Languages.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }
}
