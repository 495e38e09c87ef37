package sh.grassroots.platform.persistence;

import io.vertx.pgclient.PgException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    /** As the Vert.x client reports it: SQLSTATE and constraint in their own fields. */
    private static PgException pg(String sqlState, String message, String constraint) {
        PgException e = new PgException(message, "ERROR", sqlState, null, null, null, null, null, null, null, null,
                null, null, null, null, null, constraint);
        assertEquals(constraint, e.getConstraint(), "constructor argument order");
        return e;
    }

    /** As Hibernate Reactive hands it over, wrapped the way Mutiny and the session wrap it. */
    private static Throwable hibernate(String sqlState, String message, String constraint) {
        var violation = new ConstraintViolationException("could not execute statement [" + message + "]",
                new SQLException(message, sqlState), constraint);
        return new CompletionException(new IllegalStateException("flush failed", violation));
    }

    @Test
    void a_unique_index_is_recognised_by_its_name_whoever_reports_it() {
        String message = "duplicate key value violates unique constraint \"enrolment_one_active_per_person\"";
        for (Throwable failure : new Throwable[]{
                pg("23505", message, "enrolment_one_active_per_person"),
                hibernate("23505", message, "enrolment_one_active_per_person"),
                new CompletionException(pg("23505", message, "enrolment_one_active_per_person"))}) {
            assertTrue(DatabaseFailures.violates(failure, "enrolment_one_active_per_person"));
            assertTrue(DatabaseFailures.violates(failure, DatabaseFailures.UNIQUE_VIOLATION, "enrolment_one_active_per_person"));
            assertTrue(DatabaseFailures.isUniqueViolation(failure));
            assertFalse(DatabaseFailures.violates(failure, "session_seats_within_capacity"));
            assertFalse(DatabaseFailures.violates(failure, DatabaseFailures.CHECK_VIOLATION, "enrolment_one_active_per_person"));
        }
    }

    @Test
    void another_constraint_is_not_taken_for_the_unique_index() {
        Throwable capacity = hibernate("23514",
                "new row for relation \"training_session\" violates check constraint \"session_seats_within_capacity\"",
                "session_seats_within_capacity");
        assertFalse(DatabaseFailures.violates(capacity, "enrolment_one_active_per_person"));
        assertFalse(DatabaseFailures.isUniqueViolation(capacity));
        assertTrue(DatabaseFailures.violates(capacity, DatabaseFailures.CHECK_VIOLATION, "session_seats_within_capacity"));
    }

    @Test
    void a_trigger_that_raises_with_an_integrity_sqlstate_is_recognised_by_the_rule_its_message_starts_with() {
        Throwable trigger = pg("23514", "affiliation_to_dissolved_branch: organization 42 is dissolved", null);
        assertTrue(DatabaseFailures.violates(trigger, "affiliation_to_dissolved_branch"));
        assertTrue(DatabaseFailures.violates(trigger, "affiliation_"), "a prefix names every rule of a family");
        assertFalse(DatabaseFailures.violates(trigger, "affiliation_of_former_member"));
    }

    @Test
    void a_name_in_a_message_that_is_no_integrity_violation_is_not_a_violation() {
        Throwable syntax = pg("42601", "syntax error near \"member_one_registration_per_person\"", null);
        Throwable plain = new IllegalStateException("member_one_registration_per_person");
        assertFalse(DatabaseFailures.violates(syntax, "member_one_registration_per_person"));
        assertFalse(DatabaseFailures.violates(plain, "member_one_registration_per_person"));
        assertFalse(DatabaseFailures.isUniqueViolation(plain));
        assertFalse(DatabaseFailures.violates(null, "anything"));
    }

    @Test
    void exclusion_constraints_deadlocks_and_stale_rows() {
        Throwable overlap = hibernate("23P01",
                "conflicting key value violates exclusion constraint \"booking_no_overlap\"", "booking_no_overlap");
        assertTrue(DatabaseFailures.violates(overlap, DatabaseFailures.EXCLUSION_VIOLATION, "booking_no_overlap"));
        assertFalse(DatabaseFailures.violates(overlap, DatabaseFailures.UNIQUE_VIOLATION, "booking_no_overlap"));

        assertTrue(DatabaseFailures.isDeadlock(new CompletionException(pg("40P01", "deadlock detected", null))));
        assertTrue(DatabaseFailures.isDeadlock(new CompletionException(new org.hibernate.exception.LockAcquisitionException(
                "could not execute statement", new SQLException("ERROR: deadlock detected (40P01)", "40P01")))));
        assertFalse(DatabaseFailures.isDeadlock(overlap));

        assertTrue(DatabaseFailures.isOptimisticLock(new CompletionException(
                new org.hibernate.StaleObjectStateException("Booking", 1))));
        assertTrue(DatabaseFailures.isOptimisticLock(new jakarta.persistence.OptimisticLockException()));
        assertFalse(DatabaseFailures.isOptimisticLock(overlap));
    }

    @Test
    void a_database_that_refuses_connections_or_cannot_be_reached_is_transient() {
        assertTrue(DatabaseFailures.isTransient(new CompletionException(
                pg("55000", "database \"training\" is not currently accepting connections", null))));
        assertTrue(DatabaseFailures.isTransient(pg("57P01", "terminating connection due to administrator command", null)));
        assertTrue(DatabaseFailures.isTransient(pg("08006", "connection failure", null)));
        assertTrue(DatabaseFailures.isTransient(pg("53300", "sorry, too many clients already", null)));
        assertTrue(DatabaseFailures.isTransient(new IllegalStateException("session failed",
                new java.net.ConnectException("Connection refused: /127.0.0.1:5432"))));
    }

    @Test
    void a_serialization_failure_a_deadlock_and_a_lock_timeout_are_transient() {
        assertTrue(DatabaseFailures.isTransient(hibernate("40001", "could not serialize access", null)));
        assertTrue(DatabaseFailures.isTransient(pg("40P01", "deadlock detected", null)));
        assertTrue(DatabaseFailures.isTransient(pg("55P03", "canceling statement due to lock timeout", null)));
    }

    @Test
    void a_broken_rule_a_bug_and_another_prerequisite_state_are_not_transient() {
        assertFalse(DatabaseFailures.isTransient(hibernate("23505", "duplicate key", "x_unique")));
        assertFalse(DatabaseFailures.isTransient(pg("22021", "invalid byte sequence for encoding", null)));
        assertFalse(DatabaseFailures.isTransient(pg("55000", "cannot drop sequence while it is in use", null)));
        assertFalse(DatabaseFailures.isTransient(new NullPointerException("payload.name")));
        assertFalse(DatabaseFailures.isTransient(new IllegalArgumentException("Malformed event")));
    }
}
