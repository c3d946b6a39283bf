package org.beacon.campaign.input;

import java.sql.SQLException;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.ErrorPage;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.ProblemMappers;
import org.hibernate.exception.DataException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Form bodies that cannot be decoded, and text PostgreSQL refuses, are a 400, not a 500. Every form field is checked
 * for U+0000 by commons' FormText, and broken multipart bodies and malformed JSON are answered by commons'
 * ProblemMappers, in every service.
 */
public class MalformedInput {

    private final ProblemMappers problems = new ProblemMappers();

    /**
     * A form field with a % not followed by two hexadecimal digits: the form reader reports it as an
     * IllegalArgumentException, which elsewhere is a bug and stays a 500. A page in the reader's language, since
     * respondents of public surveys see it too; problem+json on the API.
     */
    @ServerExceptionMapper
    public Response undecodableForm(IllegalArgumentException e, UriInfo uri, HttpHeaders headers) {
        if (e.getMessage() == null || !e.getMessage().startsWith("Failed to decode URL")) {
            return problems.unexpected(e, uri, headers);
        }
        String detail = "A form field is not correctly percent-encoded (a % must be followed by two hexadecimal "
                + "digits); send the form again from its page.";
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (uri.getPath().contains("/api/") || (accept != null && accept.contains("json") && !accept.contains("html"))) {
            return problems.problem(ProblemException.badRequest(detail), uri, headers);
        }
        var cookie = headers.getCookies().get(Languages.COOKIE);
        String language = Languages.resolve(cookie == null ? null : cookie.getValue(),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorPage.render(400, ErrorPage.INVALID, null, detail, language)).build();
    }

    /**
     * Last line of defence for text the edges above do not see (a JSON body, a query parameter): PostgreSQL refuses
     * a NUL with SQLSTATE 22021, and that is the sender's input, not a server fault.
     */
    @ServerExceptionMapper
    public Response unstorableText(DataException e, UriInfo uri, HttpHeaders headers) {
        SQLException cause = e.getSQLException();
        if (cause != null && "22021".equals(cause.getSQLState())) {
            return problems.problem(ProblemException.badRequest("The text contains a NUL character (U+0000), which "
                    + "cannot be stored; remove it and send again."), uri, headers);
        }
        return problems.unexpected(e, uri, headers);
    }
}
