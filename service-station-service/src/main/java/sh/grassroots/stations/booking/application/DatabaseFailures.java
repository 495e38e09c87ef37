package sh.grassroots.stations.booking.application;

import io.vertx.pgclient.PgException;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Recognises the database failures that stand for a business rule, by SQLSTATE and, where the
 * driver reports it, constraint name. Hibernate Reactive hands them over as a Hibernate
 * {@link ConstraintViolationException} over a {@link SQLException}; the Vert.x {@link PgException}
 * shows up when the client reports it directly. All are looked for along the cause chain.
 */
public final class DatabaseFailures {
    static final String EXCLUSION_VIOLATION = "23P01";
    static final String UNIQUE_VIOLATION = "23505";
    static final String DEADLOCK = "40P01";
    static final String NO_OVERLAP = "booking_no_overlap";
    static final String IDEMPOTENCY_KEY = "booking_idempotency_key_key";

    private record Failure(String sqlState, String constraint) {
        boolean is(String state, String name) {
            return state.equals(sqlState) && (constraint == null || constraint.equals(name));
        }
    }

    private DatabaseFailures() {
    }

    public static boolean isOverlap(Throwable failure) {
        return failure(failure).filter(f -> f.is(EXCLUSION_VIOLATION, NO_OVERLAP)).isPresent();
    }

    public static boolean isDuplicateIdempotencyKey(Throwable failure) {
        return failure(failure).filter(f -> f.is(UNIQUE_VIOLATION, IDEMPOTENCY_KEY)).isPresent();
    }

    /**
     * Two inserters of overlapping slots can each wait for the other's uncommitted row; PostgreSQL
     * then aborts one of them. That one has not lost yet: the other may still roll back.
     */
    public static boolean isDeadlock(Throwable failure) {
        return failure(failure).filter(f -> DEADLOCK.equals(f.sqlState())).isPresent();
    }

    /** Any unique key: e.g. two replicas answering the same venue request at once. */
    public static boolean isUniqueViolation(Throwable failure) {
        return failure(failure).filter(f -> UNIQUE_VIOLATION.equals(f.sqlState())).isPresent();
    }

    /** A check constraint, or a trigger that raises with that SQLSTATE and constraint name. */
    public static boolean isCheckViolation(Throwable failure, String constraint) {
        return failure(failure).filter(f -> f.is("23514", constraint)).isPresent();
    }

    public static boolean isOptimisticLock(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Failure> failure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof PgException pg) {
                return Optional.of(new Failure(pg.getSqlState(), pg.getConstraint()));
            }
            if (t instanceof ConstraintViolationException violation) {
                return Optional.of(new Failure(violation.getSQLState(), blankToNull(violation.getConstraintName())));
            }
            if (t instanceof JDBCException jdbc && jdbc.getSQLState() != null) {
                return Optional.of(new Failure(jdbc.getSQLState(), null));
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(new Failure(sql.getSQLState(), null));
            }
        }
        return Optional.empty();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
