package org.beacon.campaign.input;

import java.sql.SQLException;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.commons.web.ProblemMappers;
import org.hibernate.exception.DataException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Text PostgreSQL refuses is a 400, not a 500. Every form field is checked for U+0000 by commons' FormText, and
 * undecodable forms, broken multipart bodies and malformed JSON are answered by commons' ProblemMappers, in every
 * service; this is the last line of defence behind them.
 */
public class MalformedInput {

    private final ProblemMappers problems = new ProblemMappers();

    /**
     * Last line of defence for text the edges above do not see (a JSON body, a query parameter): PostgreSQL refuses
     * a NUL with SQLSTATE 22021, and that is the sender's input, not a server fault.
     */
    @ServerExceptionMapper
    public Response unstorableText(DataException e, UriInfo uri, HttpHeaders headers) {
        SQLException cause = e.getSQLException();
        if (cause != null && "22021".equals(cause.getSQLState())) {
            return problems.problem(ProblemException.badRequest(Reason.of("input.nul")), uri, headers);
        }
        return problems.unexpected(e, uri, headers);
    }
}
