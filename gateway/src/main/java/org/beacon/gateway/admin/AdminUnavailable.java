package org.beacon.gateway.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.ErrorPage;
import org.beacon.gateway.GatewayConfig;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What the admin pages depend on and may lose for a while, answered as every such loss is: a readable 503 with
 * {@code Retry-After}, never a 500. Keycloak's admin API (the organizations page) and a
 * service that does not give its audit entries are named on the page, as the gateway names a service it cannot
 * forward to.
 */
public class AdminUnavailable {

    @Inject
    GatewayConfig config;

    /**
     * Keycloak's admin API not answering the directory account is the organizations page's problem only: it is not
     * reported as the sign-in server being down, which would turn every signed-in page of the gateway into a 503
     * (the account may be refused while sign-in works).
     */
    @ServerExceptionMapper
    public Response directory(DirectoryUnavailable e, HttpHeaders headers) {
        return unavailable("Keycloak", headers);
    }

    @ServerExceptionMapper
    public Response service(AuditFeed.ServiceDown e, HttpHeaders headers) {
        return unavailable(e.service, headers);
    }

    private Response unavailable(String part, HttpHeaders headers) {
        String language = Languages.resolve(cookie(headers), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return Response.status(503).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorPage.render(503, ErrorPage.UNAVAILABLE, part, null, language))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(config.retryAfter().toSeconds()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static String cookie(HttpHeaders headers) {
        var cookie = headers.getCookies().get(Languages.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }
}
