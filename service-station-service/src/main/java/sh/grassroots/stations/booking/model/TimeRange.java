package sh.grassroots.stations.booking.model;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A half-open interval [start, end): two bookings that touch at a boundary do not overlap. */
public record TimeRange(OffsetDateTime start, OffsetDateTime end) {

    public enum Problem { MISSING_BOUND, END_NOT_AFTER_START }

    /** Checks the two bounds; a range that ends before it starts is a value, not an exception. */
    public static Optional<Problem> check(OffsetDateTime start, OffsetDateTime end) {
        if (start == null || end == null) {
            return Optional.of(Problem.MISSING_BOUND);
        }
        if (!end.isAfter(start)) {
            return Optional.of(Problem.END_NOT_AFTER_START);
        }
        return Optional.empty();
    }

    public TimeRange {
        if (check(start, end).isPresent()) {
            throw new IllegalArgumentException("Invalid range " + start + " .. " + end + ": check() first");
        }
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
