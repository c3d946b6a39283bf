package org.beacon.commons.web;

import java.util.List;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.beacon.commons.i18n.Languages;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error a user can cause into a 4xx the user can act on: problem+json on API paths ({@code /api/}),
 * a readable page elsewhere. Unexpected failures become a 500 without a stack trace; the trace goes to the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ServiceUnavailable unavailable;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.status(), e.title(), e.getMessage(), null, e.errors(), uri, headers);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<String> errors = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted()
                .toList();
        return respond(400, "Invalid input", ErrorPage.english(ErrorPage.INVALID), ErrorPage.INVALID, errors, uri,
                headers);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        if (Dependency.signInUnreachable(e)) {
            // The token may be fine: the keys to check it could not be fetched. Asking the user to sign in again
            // would not help, and would sign them out of the gateway for nothing.
            return unavailable.answer(Dependency.SIGN_IN, e, uri, headers);
        }
        Response response = respond(401, "Sign-in required", ErrorPage.english(ErrorPage.SIGN_IN), ErrorPage.SIGN_IN,
                List.of(), uri, headers);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            return respond(403, "Not allowed", ErrorPage.english(ErrorPage.NOT_ALLOWED), ErrorPage.NOT_ALLOWED,
                    List.of(), uri, headers);
        }
        return respond(403, "Not allowed", e.getMessage(), null, List.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            var dependency = Dependency.unreachable(e);
            if (dependency.isPresent()) {
                return unavailable.answer(dependency.get(), e, uri, headers);
            }
            LOG.error("Request failed", e);
            return respond(status, "Server error", ErrorPage.english(ErrorPage.SERVER_ERROR), ErrorPage.SERVER_ERROR,
                    List.of(), uri, headers);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers a query or path parameter it cannot convert (page=abc) with a 404 wrapping the
            // conversion error; for the user that is bad input, not a missing page.
            return respond(400, "Bad request", ErrorPage.english(ErrorPage.BAD_PARAMETER), ErrorPage.BAD_PARAMETER,
                    List.of(), uri, headers);
        }
        if (status == 404) {
            return respond(404, "Not found", ErrorPage.english(ErrorPage.NOT_FOUND), ErrorPage.NOT_FOUND, List.of(),
                    uri, headers);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = e.getMessage() == null ? title : e.getMessage();
        return respond(status, title, detail, null, List.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        var dependency = Dependency.unreachable(e);
        if (dependency.isPresent()) {
            return unavailable.answer(dependency.get(), e, uri, headers);
        }
        LOG.error("Unexpected failure", e);
        return respond(500, "Server error", ErrorPage.english(ErrorPage.SERVER_ERROR), ErrorPage.SERVER_ERROR,
                List.of(), uri, headers);
    }

    /**
     * problem+json in English on API paths; elsewhere the page in the reader's language, with the standard text of
     * {@code detailKey} when there is one, else the detail as the service wrote it.
     */
    static Response respond(int status, String title, String detail, String detailKey, List<String> errors,
            UriInfo uri, HttpHeaders headers) {
        String path = uri.getPath();
        if (wantsJson(path, headers)) {
            Problem problem = new Problem("about:blank", title, status, detail, path, errors);
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        String language = Languages.resolve(cookie(headers), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        String message = errors.isEmpty() ? detail : detail + " " + String.join("; ", errors);
        String key = errors.isEmpty() ? detailKey : null;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorPage.render(status, key, null, message, language)).build();
    }

    static boolean wantsJson(String path, HttpHeaders headers) {
        if (path.contains("/api/")) {
            return true;
        }
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    static String cookie(HttpHeaders headers) {
        var cookie = headers.getCookies().get(Languages.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
