package org.pilotline.mes.kit.problem;

import java.sql.SQLException;

/**
 * Tells a dependency that is down (the database unreachable, restarting, its pool unable to connect) from a defect:
 * the first is answered 503 with a hint to retry, promptly, and readiness says DOWN meanwhile; only the second is a
 * 500 worth a stack trace. The MQTT ingest asks too: an outage is not a message's fault, so it waits, unacknowledged.
 */
public final class DependencyDown {

    private DependencyDown() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P: the server shutting down or not accepting connections yet
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                // Agroal's pool gave up waiting for a connection it could not open
                if (sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
