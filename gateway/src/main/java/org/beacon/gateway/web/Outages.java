package org.beacon.gateway.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Says in the log when something the gateway depends on (a service, Keycloak) stops answering and when it is back,
 * once each: while campaign-service was down, one warning with a stack trace per request wrote 9.6 MB in 12 s and
 * buried everything else. The requests answered 503 in between are counted and reported with the recovery.
 */
@ApplicationScoped
public class Outages {

    private static final Logger LOG = Logger.getLogger(Outages.class);

    private record Outage(long since, AtomicLong refused) {
    }

    private final Map<String, Outage> current = new ConcurrentHashMap<>();

    /** A request to {@code peer} failed because it could not be reached. */
    public void failed(String peer, Throwable cause) {
        Outage outage = current.computeIfAbsent(peer, p -> {
            LOG.warnf("%s cannot be reached (%s): answering 503 until it is back", p, describe(cause));
            return new Outage(System.nanoTime(), new AtomicLong());
        });
        outage.refused().incrementAndGet();
    }

    /** {@code peer} answered: ends its outage, if there was one. */
    public void answered(String peer) {
        if (current.isEmpty()) {
            return;
        }
        Outage outage = current.remove(peer);
        if (outage != null) {
            LOG.infof("%s is answering again after %d s; %d requests were answered 503 meanwhile", peer,
                    (System.nanoTime() - outage.since()) / 1_000_000_000L, outage.refused().get());
        }
    }

    /** The innermost cause, in one line: the class and message say what failed, a trace would say nothing more. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
