package sh.grassroots.stations.booking.application;

import sh.grassroots.platform.persistence.DatabaseFailures;

/** The database's word on a booking: its slot overlaps another, or its Idempotency-Key was used. */
public final class BookingFailures {
    static final String NO_OVERLAP = "booking_no_overlap";
    static final String IDEMPOTENCY_KEY = "booking_idempotency_key_per_caller";

    private BookingFailures() {
    }

    public static boolean isOverlap(Throwable failure) {
        return DatabaseFailures.violates(failure, DatabaseFailures.EXCLUSION_VIOLATION, NO_OVERLAP);
    }

    public static boolean isDuplicateIdempotencyKey(Throwable failure) {
        return DatabaseFailures.violates(failure, DatabaseFailures.UNIQUE_VIOLATION, IDEMPOTENCY_KEY);
    }
}
