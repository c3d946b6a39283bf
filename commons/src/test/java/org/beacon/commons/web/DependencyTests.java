package org.beacon.commons.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Optional;

import javax.transaction.xa.XAException;

import org.junit.jupiter.api.Test;

class DependencyTests {

    /** What PostgreSQL says to open connections when it is stopped (SQLState 57P01). */
    private static SQLException terminated() {
        return new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    }

    @Test
    void aCommitThatLostItsConnectionIsTheDatabaseBeingAway() {
        // Narayana's shape: no cause, the driver's error under a suppressed XAException from Agroal.
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(terminated());
        rollback.addSuppressed(xa);
        RuntimeException thrown = new RuntimeException("Error invoking subclass method", rollback);

        assertEquals(Optional.of(Dependency.DATABASE), Dependency.unreachable(thrown));
    }

    @Test
    void aLostConnectionAmongTheCausesIsTheDatabaseBeingAway() {
        assertEquals(Optional.of(Dependency.DATABASE),
                Dependency.unreachable(new IllegalStateException("Storing failed", terminated())));
    }

    @Test
    void aBugIsNotAnOutage() {
        Exception bug = new IllegalStateException("no such column");
        bug.addSuppressed(new SQLException("syntax error at or near \"selec\"", "42601"));
        assertEquals(Optional.empty(), Dependency.unreachable(new RuntimeException(bug)));
    }

    @Test
    void aCycleOfCausesEnds() {
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.addSuppressed(second);
        assertEquals(Optional.empty(), Dependency.unreachable(second));
    }
}
