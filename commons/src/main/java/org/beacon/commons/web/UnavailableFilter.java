package org.beacon.commons.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * While the database is known to be away, requests are answered with 503 at once instead of each waiting out the
 * pool's acquisition timeout (Agroal waits its full timeout even when the connection is refused at once): under
 * load that wait held every worker thread for seconds. The outage probe lets requests through again within a
 * second of the database's return. Health checks are not REST requests and keep asking the database itself.
 */
public class UnavailableFilter {

    @Inject
    Outages outages;

    @Inject
    ServiceUnavailable unavailable;

    @ServerRequestFilter
    public Response whileTheDatabaseIsAway(UriInfo uri, HttpHeaders headers) {
        if (!outages.isDown(Dependency.DATABASE)) {
            return null;
        }
        return unavailable.answer(Dependency.DATABASE, null, uri, headers);
    }
}
