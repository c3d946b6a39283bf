package org.beacon.commons.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A dependency's client that fails (object storage's {@code StorageFailure}) is the server's circumstance, whatever
 * the operation: 503 with {@code Retry-After}.
 * Database and sign-in failures arrive wrapped in other exceptions; {@link ProblemMappers} recognises them.
 */
public class UnavailableMappers {

    @Inject
    ServiceUnavailable unavailable;

    @ServerExceptionMapper
    public Response dependency(DependencyFailure e, UriInfo uri, HttpHeaders headers) {
        return unavailable.answer(e.dependency(), e, uri, headers);
    }
}
