package sh.grassroots.stations.booking.model;

import sh.grassroots.platform.rules.Outcome;
import java.time.Duration;
import java.time.Instant;

/**
 * requested → confirmed / rejected; requested or confirmed → cancelled (before the deadline);
 * confirmed → checked in (from a little before the start until the end) or no-show.
 */
public final class BookingLifecycle {
    /** People arrive early to set up; they may check in this long before the start. */
    public static final Duration CHECK_IN_OPENS_BEFORE_START = Duration.ofMinutes(30);

    private BookingLifecycle() {
    }

    public static Outcome<BookingStatus> approve(BookingStatus current) {
        if (current != BookingStatus.REQUESTED) {
            return Outcome.rejected(LifecycleRule.NOT_AWAITING_DECISION,
                    "Only a requested booking can be approved; this one is " + current);
        }
        return Outcome.done(BookingStatus.CONFIRMED);
    }

    public static Outcome<BookingStatus> reject(BookingStatus current) {
        if (current != BookingStatus.REQUESTED) {
            return Outcome.rejected(LifecycleRule.NOT_AWAITING_DECISION,
                    "Only a requested booking can be rejected; this one is " + current);
        }
        return Outcome.done(BookingStatus.REJECTED);
    }

    /** The deadline keeps a room from being freed too late for anyone else to use it. */
    public static Outcome<BookingStatus> cancel(BookingStatus current, TimeRange slot, Duration deadlineBeforeStart, Instant now) {
        if (current != BookingStatus.REQUESTED && current != BookingStatus.CONFIRMED) {
            return Outcome.rejected(LifecycleRule.NOT_CANCELLABLE,
                    "Only a requested or confirmed booking can be cancelled; this one is " + current);
        }
        Instant deadline = slot.start().toInstant().minus(deadlineBeforeStart);
        if (!now.isBefore(deadline)) {
            return Outcome.rejected(LifecycleRule.CANCELLATION_DEADLINE_PASSED,
                    "Bookings of this room can be cancelled until " + deadlineBeforeStart.toMinutes()
                            + " minutes before the start");
        }
        return Outcome.done(BookingStatus.CANCELLED);
    }

    public static Outcome<BookingStatus> checkIn(BookingStatus current, TimeRange slot, Instant now) {
        if (current != BookingStatus.CONFIRMED) {
            return Outcome.rejected(LifecycleRule.NOT_CONFIRMED,
                    "Only a confirmed booking can be checked in; this one is " + current);
        }
        if (now.isBefore(slot.start().toInstant().minus(CHECK_IN_OPENS_BEFORE_START))) {
            return Outcome.rejected(LifecycleRule.CHECK_IN_NOT_OPEN,
                    "Check-in opens " + CHECK_IN_OPENS_BEFORE_START.toMinutes() + " minutes before the start");
        }
        if (!now.isBefore(slot.end().toInstant())) {
            return Outcome.rejected(LifecycleRule.CHECK_IN_CLOSED, "The booking has already ended");
        }
        return Outcome.done(BookingStatus.CHECKED_IN);
    }

    /** A confirmed booking nobody checked in for within the grace period gives its room back. */
    public static Outcome<BookingStatus> markNoShow(BookingStatus current, TimeRange slot, Duration grace, Instant now) {
        if (current != BookingStatus.CONFIRMED) {
            return Outcome.rejected(LifecycleRule.NOT_CONFIRMED,
                    "Only a confirmed booking can be a no-show; this one is " + current);
        }
        if (now.isBefore(slot.start().toInstant().plus(grace))) {
            return Outcome.rejected(LifecycleRule.CHECK_IN_NOT_OPEN, "The grace period has not passed yet");
        }
        return Outcome.done(BookingStatus.NO_SHOW);
    }

    /**
     * Gives the room back on behalf of the booker as a whole: a training session that was cancelled,
     * an organization that was dissolved. No cancellation deadline: nobody will come either way, and
     * an early free slot is better than a no-show.
     */
    public static Outcome<BookingStatus> release(BookingStatus current) {
        if (current != BookingStatus.REQUESTED && current != BookingStatus.CONFIRMED) {
            return Outcome.rejected(LifecycleRule.NOT_CANCELLABLE,
                    "Only a requested or confirmed booking can be released; this one is " + current);
        }
        return Outcome.done(BookingStatus.CANCELLED);
    }
}
