package io.ferry.connectors.jdbc.source;

import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.util.List;

/**
 * {@code query.retry.attempts}: which failed queries the task runs again, and how many times in a row.
 *
 * <p>As in Confluent's connector, a positive number is the retries allowed after the first failure, and
 * -1 or 0 allow any number. Confluent retries every SQL error but the driver's non-transient ones; PostgreSQL's
 * driver types none of its errors so, which would retry a misspelt column for ever, so Ferry also fails at once
 * on the SQL states no retry can cure. A broken connection (SQL state class 08) is always retried on a new
 * connection, although MariaDB's driver reports it as non-transient.
 */
final class QueryRetryPolicy {
    /** SQL state classes of errors a retry cannot cure: syntax or access rule, data, feature, authorization,
     * unknown catalog, unknown schema. */
    private static final List<String> PERMANENT_CLASSES = List.of("42", "22", "0A", "28", "3D", "3F");

    private final int attempts;

    /** @param attempts {@code query.retry.attempts} */
    QueryRetryPolicy(int attempts) {
        this.attempts = attempts;
    }

    /**
     * Whether running the query again may succeed: a broken connection, or anything but a non-transient or
     * permanent-state error.
     */
    static boolean curable(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return true;
        }
        if (e instanceof SQLNonTransientException) {
            return false;
        }
        return state == null || state.length() < 2 || !PERMANENT_CLASSES.contains(state.substring(0, 2));
    }

    /** Whether a query that has now failed {@code failuresInARow} times may run again. */
    boolean allowsRetryAfter(int failuresInARow) {
        return attempts <= 0 || failuresInARow <= attempts;
    }

    /** The setting as configured, for messages. */
    int attempts() {
        return attempts;
    }
}
