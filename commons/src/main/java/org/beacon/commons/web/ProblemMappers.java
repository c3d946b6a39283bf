package org.beacon.commons.web;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
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
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

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
        Response response = respond(e.status(), e.title(), e.getMessage(), null, e::text, e.errors(), e::errors, uri,
                headers);
        if (e.retryAfter() == 0) {
            return response;
        }
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
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

    /**
     * A body that is not the JSON the endpoint expects: malformed, a duplicate key, content after the value, a
     * wrong type, U+0000 in a string ({@link StrictJson}). Every Jackson exception a client can cause is listed,
     * since Quarkus has its own bare-400 mapper for {@code MismatchedInputException} that a mapper of the common
     * superclass alone would not replace.
     */
    @ServerExceptionMapper({ JsonProcessingException.class, StreamReadException.class, JsonParseException.class,
            InputCoercionException.class, DatabindException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class })
    public Response json(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        if (e instanceof InvalidDefinitionException) {
            // A type Jackson cannot bind at all is the service's mistake, not the client's.
            return unexpected(e, uri, headers);
        }
        // problem+json keeps its English with Jackson's sentence; a page says a fixed sentence in the reader's words.
        Reason error = JsonProblems.reason(e);
        Reason readerError = JsonProblems.readerReason(e);
        Reason detail = Reason.of("detail.json-invalid-body", error);
        Reason readerDetail = Reason.of("detail.json-invalid-body", readerError);
        return respond(400, "Invalid JSON", detail.english(), null, readerDetail::text, List.of(error.english()),
                language -> List.of(readerError.text(language)), uri, headers);
    }

    /**
     * A multipart body the parser cannot read, such as a part header broken by a line break (a file name with
     * CR/LF in it): the client's mistake, not the service's.
     */
    @ServerExceptionMapper
    public Response malformedMultipart(MultipartParser.MalformedMessageException e, UriInfo uri, HttpHeaders headers) {
        Reason detail = Reason.of("detail.multipart-malformed");
        return respond(400, "Malformed multipart body", detail.english(), null, detail::text, List.of(), uri,
                headers);
    }

    /**
     * The multipart parser reports a body that ends before its closing boundary (a client that stops sending, a
     * truncated upload) as an IOException; any other IOException is the service's failure.
     */
    @ServerExceptionMapper
    public Response io(IOException e, UriInfo uri, HttpHeaders headers) {
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0 && trace[0].getClassName().startsWith(MultipartParser.class.getPackageName() + ".")) {
            Reason detail = Reason.of("detail.multipart-truncated");
            return respond(400, "Malformed multipart body", detail.english(), null, detail::text, List.of(), uri,
                    headers);
        }
        return unexpected(e, uri, headers);
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
        if (e.getCause() instanceof JsonProcessingException json) {
            // How the JSON reader reports a body it cannot read, depending on where it failed.
            return json(json, uri, headers);
        }
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

    /**
     * A form field with a % not followed by two hexadecimal digits: the form reader reports it as an
     * IllegalArgumentException, which elsewhere is a bug and stays a 500. A page in the reader's language, since
     * respondents of public surveys see it too; problem+json on the API.
     */
    @ServerExceptionMapper
    public Response undecodableForm(IllegalArgumentException e, UriInfo uri, HttpHeaders headers) {
        if (e.getMessage() == null || !e.getMessage().startsWith("Failed to decode URL")) {
            return unexpected(e, uri, headers);
        }
        return respond(400, "Invalid request", "A form field is not correctly percent-encoded (a % must be followed"
                + " by two hexadecimal digits); send the form again from its page.", ErrorPage.INVALID, List.of(), uri,
                headers);
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
        return respond(status, title, detail, detailKey, language -> detail, errors, uri, headers);
    }

    /** As above, the page's explanation in the reader's language from {@code explained} (a {@link Reason}'s text). */
    static Response respond(int status, String title, String detail, String detailKey,
            Function<String, String> explained, List<String> errors, UriInfo uri, HttpHeaders headers) {
        return respond(status, title, detail, detailKey, explained, errors, language -> errors, uri, headers);
    }

    /** As above, the listed problems too in the reader's language from {@code listed}. */
    static Response respond(int status, String title, String detail, String detailKey,
            Function<String, String> explained, List<String> errors, Function<String, List<String>> listed,
            UriInfo uri, HttpHeaders headers) {
        String path = uri.getPath();
        if (wantsJson(path, headers)) {
            Problem problem = new Problem("about:blank", title, status, detail, path, errors);
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        String language = Languages.resolve(cookie(headers), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        String explanation = explained.apply(language);
        String message = errors.isEmpty() ? explanation
                : explanation + " " + String.join("; ", listed.apply(language));
        String key = !errors.isEmpty() ? null : detailKey != null ? detailKey : ErrorPage.keyOf(detail);
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
