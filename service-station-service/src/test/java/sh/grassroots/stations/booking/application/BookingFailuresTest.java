package sh.grassroots.stations.booking.application;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shapes in which Hibernate Reactive reports the failures seen in the concurrency tests. */
class BookingFailuresTest {

    /** The driver's message names the constraint; Hibernate may or may not extract the name. */
    private static ConstraintViolationException violation(String sqlState, String constraint, boolean named) {
        SQLException sql = new SQLException("ERROR: conflicting key value violates constraint \"" + constraint
                + "\" (" + sqlState + ")", sqlState);
        return new ConstraintViolationException("error executing SQL statement", sql, "insert into booking ...",
                named ? constraint : null);
    }

    @Test
    void an_exclusion_violation_on_the_overlap_guard_is_an_overlap() {
        assertTrue(BookingFailures.isOverlap(new CompletionException(violation("23P01", "booking_no_overlap", false))));
        assertTrue(BookingFailures.isOverlap(violation("23P01", "booking_no_overlap", true)));
    }

    @Test
    void another_constraint_or_state_is_not_an_overlap() {
        assertFalse(BookingFailures.isOverlap(violation("23P01", "some_other_exclusion", true)));
        assertFalse(BookingFailures.isOverlap(violation("23P01", "some_other_exclusion", false)));
        assertFalse(BookingFailures.isOverlap(violation("23505", "booking_no_overlap", false)));
        assertFalse(BookingFailures.isOverlap(new IllegalStateException("booking_no_overlap")));
    }

    @Test
    void a_duplicate_idempotency_key_is_recognised_by_its_constraint() {
        assertTrue(BookingFailures.isDuplicateIdempotencyKey(violation("23505", "booking_idempotency_key_per_caller", true)));
        assertTrue(BookingFailures.isDuplicateIdempotencyKey(violation("23505", "booking_idempotency_key_per_caller", false)));
        assertFalse(BookingFailures.isDuplicateIdempotencyKey(violation("23505", "booking_pkey", true)));
    }
}
