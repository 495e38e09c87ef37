package sh.grassroots.platform.persistence;

import io.vertx.pgclient.PgException;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * Recognises the database failures that stand for a business rule: an integrity violation of a
 * named constraint (a unique index, an exclusion or check constraint, or a trigger that raises
 * with an integrity SQLSTATE and names its rule at the start of its message), a deadlock, an
 * optimistic-lock conflict. Hibernate Reactive hands violations over as a Hibernate
 * {@link ConstraintViolationException} over a {@link SQLException}; the Vert.x {@link PgException}
 * shows up when the client reports it directly. Every link of the cause chain is looked at.
 * <p>
 * The SQLSTATE is always checked, so a constraint's name in some other error's message (a
 * syntax error quoting it, say) is never taken for a violation of it.
 */
public final class DatabaseFailures {
    public static final String UNIQUE_VIOLATION = "23505";
    public static final String EXCLUSION_VIOLATION = "23P01";
    public static final String CHECK_VIOLATION = "23514";
    public static final String DEADLOCK = "40P01";
    public static final String SERIALIZATION_FAILURE = "40001";
    public static final String LOCK_NOT_AVAILABLE = "55P03";
    /** Data exceptions: a value the column or the function cannot take (NUL, out of range, too long, …). */
    public static final String DATA_EXCEPTION_CLASS = "22";
    private static final String INTEGRITY_VIOLATION_CLASS = "23";
    /**
     * SQLSTATEs after which the same work may succeed when tried again: the connection failed
     * (class 08), the server is short of resources (53), is shutting down or cannot take
     * connections now (57P01..57P03), a statement timed out or was cancelled (57014), a
     * serialization failure or deadlock (40001, 40P01), a lock timeout (55P03), and a database
     * that does not accept connections at the moment (55000 with that message: ALTER DATABASE ..
     * ALLOW_CONNECTIONS false, as during maintenance).
     */
    private static final java.util.Set<String> TRANSIENT_STATES = java.util.Set.of(
            SERIALIZATION_FAILURE, DEADLOCK, LOCK_NOT_AVAILABLE, "57014", "57P01", "57P02", "57P03");
    private static final int MAX_DEPTH = 20;

    /** What one link of the cause chain reports: its SQLSTATE and, where the driver knows it, the constraint. */
    private record Reported(String sqlState, String constraint, String message) {
        /** The named constraint, or, when the driver names none (a trigger's raise), the message's mention of it. */
        boolean names(String name) {
            if (constraint != null) {
                return constraint.startsWith(name); // the name itself, or a family's prefix
            }
            return message != null && message.contains(name);
        }
    }

    private DatabaseFailures() {
    }

    /**
     * Any integrity violation (SQLSTATE class 23) of {@code constraint}; a prefix such as
     * {@code "affiliation_"} matches every rule whose name starts with it.
     */
    public static boolean violates(Throwable failure, String constraint) {
        return anyLink(failure, r -> r.sqlState().startsWith(INTEGRITY_VIOLATION_CLASS) && r.names(constraint));
    }

    /** A violation with exactly this SQLSTATE (e.g. {@link #EXCLUSION_VIOLATION}) of {@code constraint}. */
    public static boolean violates(Throwable failure, String sqlState, String constraint) {
        return anyLink(failure, r -> r.sqlState().equals(sqlState) && r.names(constraint));
    }

    /** Any unique key: e.g. two replicas answering the same request at once. */
    public static boolean isUniqueViolation(Throwable failure) {
        return anyLink(failure, r -> r.sqlState().equals(UNIQUE_VIOLATION));
    }

    /**
     * Two writers can each wait for the other's uncommitted row; PostgreSQL then aborts one of
     * them. That one has not lost yet: the other may still roll back, so it may be retried.
     */
    public static boolean isDeadlock(Throwable failure) {
        return anyLink(failure, r -> r.sqlState().equals(DEADLOCK));
    }

    /**
     * A failure that says nothing about the work itself: the database was unreachable, refused
     * the connection, was restarting, or aborted the transaction for a serialization failure, a
     * deadlock or a lock timeout. The same work tried again later may succeed, so a consumer
     * retries it instead of giving the event up. Anything else (a violated rule, a bug) is not
     * transient.
     */
    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            Reported reported = reported(t);
            if (reported != null && transientState(reported)) {
                return true;
            }
            if (reported == null && unreachable(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(Reported reported) {
        String state = reported.sqlState();
        return state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state)
                || ("55000".equals(state) && reported.message() != null
                    && reported.message().contains("not currently accepting connections"));
    }

    /** The client could not reach the server or gave up waiting: no SQLSTATE, just the network's word. */
    private static boolean unreachable(Throwable t) {
        if (t instanceof java.net.ConnectException || t instanceof java.net.SocketException
                || t instanceof java.nio.channels.ClosedChannelException
                || t instanceof java.util.concurrent.TimeoutException
                || t instanceof java.net.UnknownHostException) {
            return true;
        }
        // Vert.x reports a closed connection or an exhausted pool with its own exception types,
        // which this library does not want to depend on by class.
        String name = t.getClass().getName();
        String message = t.getMessage() == null ? "" : t.getMessage();
        return name.equals("io.vertx.core.VertxException") && (message.contains("closed") || message.contains("Connection"))
                || name.equals("io.vertx.core.http.ConnectionPoolTooBusyException")
                || name.startsWith("io.netty.channel.") && name.endsWith("ConnectException")
                || name.equals("io.vertx.core.impl.NoStackTraceTimeoutException")
                || name.equals("io.vertx.core.impl.NoStackTraceThrowable") && message.contains("Timeout");
    }

    /** The SQLSTATE of the first link of the cause chain that reports one; null when none does. */
    public static String sqlState(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            Reported reported = reported(t);
            if (reported != null) {
                return reported.sqlState();
            }
        }
        return null;
    }

    /** A row changed since it was read (a version check failed). */
    public static boolean isOptimisticLock(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyLink(Throwable failure, Predicate<Reported> test) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            Reported reported = reported(t);
            if (reported != null && test.test(reported)) {
                return true;
            }
        }
        return false;
    }

    private static Reported reported(Throwable t) {
        if (t instanceof PgException pg && pg.getSqlState() != null) {
            return new Reported(pg.getSqlState(), blankToNull(pg.getConstraint()), pg.getMessage());
        }
        if (t instanceof ConstraintViolationException violation && violation.getSQLState() != null) {
            return new Reported(violation.getSQLState(), blankToNull(violation.getConstraintName()), violation.getMessage());
        }
        if (t instanceof JDBCException jdbc && jdbc.getSQLState() != null) {
            return new Reported(jdbc.getSQLState(), null, jdbc.getMessage());
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            return new Reported(sql.getSQLState(), null, sql.getMessage());
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
