package org.beacon.campaign.input;

import org.beacon.commons.text.UntrustedText;

import java.sql.SQLException;
import java.util.List;

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
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The edge where form bodies come in: every field of every HTML form and multipart upload is checked once, after
 * it is decoded and before any resource sees it, and form bodies that cannot be decoded at all are a 400, not a 500
 * (commons' ProblemMappers answers broken multipart bodies and malformed JSON for every service).
 */
public class MalformedInput {

    private static final String PUBLIC_SURVEYS = "/campaigns/public/surveys/";

    private final ProblemMappers problems = new ProblemMappers();

    /** A NUL in any form field, or a NUL or line break in an uploaded file's name: 400 naming the field. */
    @ServerRequestFilter
    @WithFormRead
    public void checkFormFields(ResteasyReactiveContainerRequestContext context) {
        FormData form = ((ResteasyReactiveRequestContext) context.getServerRequestContext()).getFormData();
        if (form == null || context.getUriInfo().getPath().startsWith(PUBLIC_SURVEYS)) {
            // The public survey form checks its own fields: a respondent gets the form back with the question
            // marked, in their language, rather than an error page (PublicSurveyPage.fields).
            return;
        }
        for (String name : form) {
            for (FormValue value : form.get(name)) {
                if (value.isFileItem()) {
                    String fileName = value.getFileName();
                    if (fileName != null && (UntrustedText.containsNul(fileName) || fileName.indexOf('\r') >= 0
                            || fileName.indexOf('\n') >= 0)) {
                        throw ProblemException.invalid("The upload could not be read.", List.of(name
                                + ": the file name contains a control character (NUL or a line break); rename the"
                                + " file and upload it again"));
                    }
                } else {
                    UntrustedText.requireNoNul("a field name", name);
                    UntrustedText.requireNoNul(name, value.getValue());
                }
            }
        }
    }

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
