package sh.grassroots.stations.booking.application;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shapes in which Hibernate Reactive reports the failures seen in the concurrency tests. */
class DatabaseFailuresTest {

    private static ConstraintViolationException violation(String sqlState, String constraint) {
        SQLException sql = new SQLException("ERROR: violates constraint (" + sqlState + ")", sqlState);
        return new ConstraintViolationException("error executing SQL statement", sql, "insert into booking ...",
                constraint);
    }

    @Test
    void an_exclusion_violation_on_the_overlap_guard_is_an_overlap() {
        assertTrue(DatabaseFailures.isOverlap(new CompletionException(violation("23P01", null))));
        assertTrue(DatabaseFailures.isOverlap(violation("23P01", "booking_no_overlap")));
    }

    @Test
    void another_constraint_or_state_is_not_an_overlap() {
        assertFalse(DatabaseFailures.isOverlap(violation("23P01", "some_other_exclusion")));
        assertFalse(DatabaseFailures.isOverlap(violation("23505", null)));
        assertFalse(DatabaseFailures.isOverlap(new IllegalStateException("no database here")));
    }

    @Test
    void a_duplicate_idempotency_key_is_recognised_by_its_constraint() {
        assertTrue(DatabaseFailures.isDuplicateIdempotencyKey(violation("23505", "booking_idempotency_key_key")));
        assertFalse(DatabaseFailures.isDuplicateIdempotencyKey(violation("23505", "booking_pkey")));
    }

    @Test
    void a_deadlock_is_recognised_under_hibernates_lock_exception() {
        SQLException sql = new SQLException("ERROR: deadlock detected (40P01)", "40P01");
        assertTrue(DatabaseFailures.isDeadlock(new CompletionException(new LockAcquisitionException("x", sql))));
        assertFalse(DatabaseFailures.isDeadlock(violation("23P01", null)));
    }
}
