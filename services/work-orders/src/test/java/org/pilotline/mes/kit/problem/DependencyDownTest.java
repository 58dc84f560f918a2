package org.pilotline.mes.kit.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * A database that is down is told from a defect, through the wrappers Hibernate and the pool put around it: the
 * first is a 503 to retry, the second a 500. (Seen on a plant from ./mes up with PostgreSQL killed: before this,
 * every call answered 500 "internal".)
 */
class DependencyDownTest {

    @Test
    void connectionFailuresThroughWrappersAreADependencyDown() {
        assertTrue(DependencyDown.causes(new IllegalStateException("query failed",
                new PSQLException("Connection to 127.0.0.1:5433 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))));
        assertTrue(DependencyDown.causes(new RuntimeException(new SQLException(
                "terminating connection due to administrator command", "57P01"))));
        assertTrue(DependencyDown.causes(new RuntimeException(new SQLException(
                "Acquisition timeout while waiting for new connection"))));
    }

    @Test
    void otherFailuresAreDefects() {
        assertFalse(DependencyDown.causes(new IllegalStateException("bug")));
        assertFalse(DependencyDown.causes(new RuntimeException(new SQLException("syntax error", "42601"))));
    }
}
