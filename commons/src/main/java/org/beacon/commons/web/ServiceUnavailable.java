package org.beacon.commons.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.beacon.commons.i18n.Languages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A dependency that cannot be reached (database, object storage, sign-in server) is answered with 503 and
 * {@code Retry-After}, never 500: problem+json on API paths, a page in the reader's language elsewhere. The outage
 * is logged once by {@link Outages}, never per request.
 */
@ApplicationScoped
public class ServiceUnavailable {

    /** Standard texts, by their key in {@code errors.properties}. */
    static final String STORAGE_UNAVAILABLE = "detail.storage-unavailable";
    static final String SIGN_IN_UNAVAILABLE = "detail.sign-in-unavailable";
    static final String DIRECTORY_UNAVAILABLE = "detail.directory-unavailable";

    @Inject
    Outages outages;

    @Inject
    UnavailableConfig config;

    /** The part of Beacon named on the page when the database is away ("campaign-service"). */
    @ConfigProperty(name = "quarkus.application.name", defaultValue = "Beacon")
    String application;

    /** The 503 for a failure already known to be caused by {@code dependency}. */
    public Response answer(Dependency dependency, Throwable cause, UriInfo uri, HttpHeaders headers) {
        outages.failed(dependency, cause);
        String detailKey = switch (dependency) {
            case DATABASE -> ErrorPage.UNAVAILABLE;
            case OBJECT_STORAGE -> STORAGE_UNAVAILABLE;
            case SIGN_IN -> SIGN_IN_UNAVAILABLE;
            case DIRECTORY -> DIRECTORY_UNAVAILABLE;
        };
        String retryAfter = Long.toString(Math.max(1, config.retryAfter().toSeconds()));
        String path = uri.getPath();
        if (ProblemMappers.wantsJson(path, headers)) {
            String detail = ErrorPage.english(detailKey).replace("{0}", application);
            Problem problem = new Problem("about:blank", "Service unavailable", 503, detail, path, List.of());
            return Response.status(503).type(Problem.MEDIA_TYPE).entity(problem)
                    .header(HttpHeaders.RETRY_AFTER, retryAfter).header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        }
        String language = Languages.resolve(ProblemMappers.cookie(headers),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return Response.status(503).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorPage.render(503, detailKey, application, null, language))
                .header(HttpHeaders.RETRY_AFTER, retryAfter).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
