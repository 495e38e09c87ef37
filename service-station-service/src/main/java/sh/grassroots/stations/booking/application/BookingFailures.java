package sh.grassroots.stations.booking.application;

import sh.grassroots.platform.persistence.DatabaseFailures;

/**
 * The database's word on a booking: its slot overlaps another or comes closer to one than the
 * buffer (both exclusion constraints), or its Idempotency-Key was used.
 */
public final class BookingFailures {
    static final String NO_OVERLAP = "booking_no_overlap";
    static final String BUFFER_KEPT = "booking_buffer_kept";
    static final String IDEMPOTENCY_KEY = "booking_idempotency_key_per_caller";

    private BookingFailures() {
    }

    /** Another booking holds an overlapping slot, or one too close to keep the buffer between them. */
    public static boolean isOverlap(Throwable failure) {
        return DatabaseFailures.violates(failure, DatabaseFailures.EXCLUSION_VIOLATION, NO_OVERLAP)
                || DatabaseFailures.violates(failure, DatabaseFailures.EXCLUSION_VIOLATION, BUFFER_KEPT);
    }

    public static boolean isDuplicateIdempotencyKey(Throwable failure) {
        return DatabaseFailures.violates(failure, DatabaseFailures.UNIQUE_VIOLATION, IDEMPOTENCY_KEY);
    }
}
