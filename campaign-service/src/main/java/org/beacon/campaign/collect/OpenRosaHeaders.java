package org.beacon.campaign.collect;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.web.Reason;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The headers the OpenRosa HTTP API requires on every answer (version and date), and the size limit applied before
 * a submission's body is read at all.
 */
public class OpenRosaHeaders {

    static final String VERSION = "X-OpenRosa-Version";
    static final String ACCEPT_CONTENT_LENGTH = "X-OpenRosa-Accept-Content-Length";
    static final String PATH = "campaigns/collect/";

    @Inject
    CollectSettings settings;

    @ServerRequestFilter
    public Response refuseOversized(ContainerRequestContext request) {
        if (!isCollect(request) || request.getLength() <= 0) {
            return null;
        }
        // the multipart reader's own limit is the service-wide body limit; a submission is far smaller
        if (request.getLength() > settings.maxSubmissionBytes() + 64 * 1024L) {
            // in the phone's language, as every OpenRosa message (Accept-Language)
            return OpenRosaResource.xml(413, OpenRosaXml.error(
                    Reason.of("collect.too-large", settings.maxSubmissionBytes()).readerText()));
        }
        return null;
    }

    @ServerResponseFilter
    public void addHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (isCollect(request)) {
            response.getHeaders().putSingle(VERSION, "1.0");
            response.getHeaders().putSingle(HttpHeaders.DATE,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
            // The browser collector's page, bundle and worker (CollectorPage) say how they may be kept themselves.
            if (!response.getHeaders().containsKey("Cache-Control")) {
                response.getHeaders().putSingle("Cache-Control", "no-store");
            }
        }
    }

    private static boolean isCollect(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/" + PATH) || path.startsWith(PATH);
    }
}
