package org.beacon.commons.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.common.runtime.OidcEndpointAccessException;

/**
 * What a service depends on and may lose for a while. A failure caused by one of them is the server's
 * circumstance, not a bug and not the user's fault: it is answered with 503 and {@code Retry-After}.
 */
public enum Dependency {

    DATABASE("database"),
    OBJECT_STORAGE("object storage"),
    SIGN_IN("sign-in server"),
    /** Keycloak's admin API, read for people who have not signed in to a service yet. */
    DIRECTORY("user directory");

    private final String label;

    Dependency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The dependency that could not be reached, read from an exception and its causes. Hibernate, Agroal and
     * Narayana wrap the driver's error differently depending on where the connection was lost (acquiring one,
     * mid-query, at commit), so the whole chain is read.
     */
    public static Optional<Dependency> unreachable(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof DependencyFailure failed) {
                return Optional.of(failed.dependency());
            }
            // What quarkus-oidc throws while verifying a token when the realm's discovery or keys cannot be read.
            if (signInDown(t)) {
                return Optional.of(SIGN_IN);
            }
            // Hibernate's JDBCConnectionException carries the driver's SQLException as its cause; it is not
            // named here because the gateway, which shares this code, has no Hibernate.
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && lostConnection(sql)) {
                return Optional.of(DATABASE);
            }
        }
        return Optional.empty();
    }

    /**
     * A failure, its causes and what they suppressed, each once. Narayana reports a commit that failed because the
     * connection was lost as a RollbackException whose cause is empty: the driver's error is only among the
     * suppressed exceptions (an XAException from Agroal, caused by the driver's SQLException).
     */
    static List<Throwable> chain(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> found = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>();
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty()) {
            Throwable t = pending.removeFirst();
            if (seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            found.add(t);
            if (t.getCause() != null) {
                pending.addLast(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.addLast(suppressed);
            }
        }
        return found;
    }

    /**
     * Whether a failed authentication was the sign-in server not answering (its keys could not be fetched)
     * rather than a bad token.
     */
    public static boolean signInUnreachable(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (signInDown(t) || t instanceof java.net.ConnectException || t instanceof TimeoutException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * What quarkus-oidc throws when the realm cannot be read: its discovery failed ("OIDC Server is not available")
     * or an endpoint answered with a server error. An endpoint that answered 4xx (a token it does not know, sent to
     * introspection) is a bad token, a 401, not an outage; the OIDCException it becomes says nothing of being
     * unavailable.
     */
    private static boolean signInDown(Throwable t) {
        if (t instanceof OidcEndpointAccessException answered) {
            return answered.getErrorStatus() >= 500;
        }
        return t instanceof OIDCException && t.getMessage() != null && t.getMessage().contains("not available");
    }

    /**
     * SQLState class 08 is a connection exception; 57P01-57P03 are the server shutting down or starting. Agroal
     * reports a pool that could not get a connection in time without a state.
     */
    private static boolean lostConnection(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        return e.getMessage() != null && e.getMessage().startsWith("Acquisition timeout");
    }
}
