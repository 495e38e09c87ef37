package sh.grassroots.stations.booking.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The named booking rules. Each returns a rejection or nothing; {@link #POLICY} lists them in the
 * order they are asked, and the first rejection wins.
 */
public final class BookingRules {

    /** A rule with its name, so that a policy can be read as a list. */
    public record Named(BookingRule rule, Function<BookingRequest, Optional<BookingDecision.Rejected>> check) {
    }

    public static final List<Named> POLICY = List.of(
            new Named(BookingRule.STATION_CLOSED, BookingRules::stationNotClosed),
            new Named(BookingRule.OUTSIDE_OPENING_HOURS, BookingRules::withinOpeningHours),
            new Named(BookingRule.TOO_SHORT_NOTICE, BookingRules::minimumNotice),
            new Named(BookingRule.BEYOND_HORIZON, BookingRules::maximumHorizon),
            new Named(BookingRule.TOO_SHORT, BookingRules::minimumLength),
            new Named(BookingRule.TOO_LONG, BookingRules::maximumLength),
            new Named(BookingRule.OVER_CAPACITY, BookingRules::attendeesWithinCapacity),
            new Named(BookingRule.QUOTA_EXCEEDED, BookingRules::withinQuota),
            new Named(BookingRule.SLOT_TAKEN, BookingRules::slotFree),
            new Named(BookingRule.BUFFER_TOO_SMALL, BookingRules::bufferKept));

    /**
     * The rules a training session's venue request must pass. The room itself must be usable then
     * (open, not closed, big enough, free, with its buffer kept); the terms that ration members'
     * time (notice, horizon, length, quota) do not apply, because a course provider plans its terms
     * ahead and a lesson lasts as long as the course says. A room that needs a manager's approval
     * refuses: the saga answers confirmed or rejected, it has no "pending" to wait in.
     */
    public static final List<Named> VENUE_POLICY = List.of(
            new Named(BookingRule.ALREADY_STARTED, BookingRules::notYetStarted),
            new Named(BookingRule.APPROVAL_REQUIRED, BookingRules::noApprovalNeeded),
            new Named(BookingRule.STATION_CLOSED, BookingRules::stationNotClosed),
            new Named(BookingRule.OUTSIDE_OPENING_HOURS, BookingRules::withinOpeningHours),
            new Named(BookingRule.OVER_CAPACITY, BookingRules::attendeesWithinCapacity),
            new Named(BookingRule.SLOT_TAKEN, BookingRules::slotFree),
            new Named(BookingRule.BUFFER_TOO_SMALL, BookingRules::bufferKept));

    private BookingRules() {
    }

    /** A venue request is confirmed at once or rejected; see {@link #VENUE_POLICY}. */
    public static BookingDecision decideVenue(BookingRequest request) {
        for (Named named : VENUE_POLICY) {
            Optional<BookingDecision.Rejected> rejected = named.check().apply(request);
            if (rejected.isPresent()) {
                return rejected.get();
            }
        }
        return new BookingDecision.Accepted(BookingStatus.CONFIRMED);
    }

    public static Optional<BookingDecision.Rejected> notYetStarted(BookingRequest r) {
        if (!r.slot().start().toInstant().isAfter(r.now())) {
            return reject(BookingRule.ALREADY_STARTED, "The slot from " + r.slot().start() + " has already begun");
        }
        return Optional.empty();
    }

    public static Optional<BookingDecision.Rejected> noApprovalNeeded(BookingRequest r) {
        if (r.room().requiresApproval()) {
            return reject(BookingRule.APPROVAL_REQUIRED,
                    "This room is only given out after a station manager's approval; ask the station to book it");
        }
        return Optional.empty();
    }

    public static BookingDecision decide(BookingRequest request) {
        for (Named named : POLICY) {
            Optional<BookingDecision.Rejected> rejected = named.check().apply(request);
            if (rejected.isPresent()) {
                return rejected.get();
            }
        }
        return new BookingDecision.Accepted(request.room().requiresApproval()
                ? BookingStatus.REQUESTED : BookingStatus.CONFIRMED);
    }

    public static Optional<BookingDecision.Rejected> stationNotClosed(BookingRequest r) {
        return r.station().closureDuring(r.slot().start(), r.slot().end())
                .map(c -> new BookingDecision.Rejected(BookingRule.STATION_CLOSED,
                        "The station is closed from " + c.start() + " to " + c.end()
                                + (c.reason() == null || c.reason().isBlank() ? "" : ": " + c.reason())));
    }

    public static Optional<BookingDecision.Rejected> withinOpeningHours(BookingRequest r) {
        if (r.station().withinOpeningHours(r.slot().start(), r.slot().end())) {
            return Optional.empty();
        }
        var day = r.slot().start().atZoneSameInstant(r.station().zone()).getDayOfWeek();
        String hours = r.station().hours().on(day)
                .map(h -> "it opens " + h.opens() + "-" + h.closes() + " on " + day)
                .orElse("it does not open on " + day);
        return reject(BookingRule.OUTSIDE_OPENING_HOURS,
                "The booking must lie within one day's opening hours of the station; " + hours);
    }

    public static Optional<BookingDecision.Rejected> minimumNotice(BookingRequest r) {
        Instant earliest = r.now().plus(r.room().minimumNotice());
        if (r.slot().start().toInstant().isBefore(earliest)) {
            return reject(BookingRule.TOO_SHORT_NOTICE,
                    "This room must be booked at least " + minutes(r.room().minimumNotice()) + " minutes ahead");
        }
        return Optional.empty();
    }

    public static Optional<BookingDecision.Rejected> maximumHorizon(BookingRequest r) {
        Instant latest = r.now().plus(r.room().maximumHorizon());
        if (r.slot().start().toInstant().isAfter(latest)) {
            return reject(BookingRule.BEYOND_HORIZON,
                    "This room can be booked at most " + r.room().maximumHorizon().toDays() + " days ahead");
        }
        return Optional.empty();
    }

    public static Optional<BookingDecision.Rejected> minimumLength(BookingRequest r) {
        if (r.slot().length().compareTo(r.room().minimumLength()) < 0) {
            return reject(BookingRule.TOO_SHORT,
                    "A booking of this room lasts at least " + minutes(r.room().minimumLength()) + " minutes");
        }
        return Optional.empty();
    }

    public static Optional<BookingDecision.Rejected> maximumLength(BookingRequest r) {
        if (r.slot().length().compareTo(r.room().maximumLength()) > 0) {
            return reject(BookingRule.TOO_LONG,
                    "A booking of this room lasts at most " + minutes(r.room().maximumLength()) + " minutes");
        }
        return Optional.empty();
    }

    public static Optional<BookingDecision.Rejected> attendeesWithinCapacity(BookingRequest r) {
        if (r.attendees() > r.room().capacity()) {
            return reject(BookingRule.OVER_CAPACITY,
                    r.attendees() + " attendees do not fit a room for " + r.room().capacity());
        }
        return Optional.empty();
    }

    /** Keeps one busy branch from taking a popular room every day; a quota of 0 means none. */
    public static Optional<BookingDecision.Rejected> withinQuota(BookingRequest r) {
        int weekly = r.room().weeklyQuota();
        if (weekly > 0 && r.usage().inSameWeek() >= weekly) {
            return reject(BookingRule.QUOTA_EXCEEDED,
                    "A booker may hold " + weekly + " bookings of this room per week and already has "
                            + r.usage().inSameWeek());
        }
        int monthly = r.room().monthlyQuota();
        if (monthly > 0 && r.usage().inSameMonth() >= monthly) {
            return reject(BookingRule.QUOTA_EXCEEDED,
                    "A booker may hold " + monthly + " bookings of this room per month and already has "
                            + r.usage().inSameMonth());
        }
        return Optional.empty();
    }

    /**
     * An early, friendly answer only: two requests checked at the same moment both pass it. The
     * database's exclusion constraint is what makes an overlap impossible.
     */
    public static Optional<BookingDecision.Rejected> slotFree(BookingRequest r) {
        return r.nearbyBookings().stream()
                .filter(other -> other.overlaps(r.slot()))
                .min(Comparator.comparing(TimeRange::start))
                .map(other -> new BookingDecision.Rejected(BookingRule.SLOT_TAKEN,
                        "The room is already booked from " + other.start() + " to " + other.end(),
                        Optional.of(other)));
    }

    public static Optional<BookingDecision.Rejected> bufferKept(BookingRequest r) {
        return bufferKept(r.slot(), r.room().buffer(), r.nearbyBookings());
    }

    /**
     * The buffer rule on its own: also how a booking that lost the race at the database's
     * {@code booking_buffer_kept} constraint learns which booking came too close.
     */
    public static Optional<BookingDecision.Rejected> bufferKept(TimeRange slot, Duration buffer, List<TimeRange> nearby) {
        if (buffer.isZero()) {
            return Optional.empty();
        }
        TimeRange widened = new TimeRange(slot.start().minus(buffer), slot.end().plus(buffer));
        return nearby.stream()
                .filter(other -> other.overlaps(widened))
                .min(Comparator.comparing(TimeRange::start))
                .map(other -> new BookingDecision.Rejected(BookingRule.BUFFER_TOO_SMALL,
                        "The room needs " + minutes(buffer) + " minutes between bookings; the booking from "
                                + other.start() + " to " + other.end() + " is too close",
                        Optional.of(other)));
    }

    private static Optional<BookingDecision.Rejected> reject(BookingRule rule, String detail) {
        return Optional.of(new BookingDecision.Rejected(rule, detail));
    }

    private static long minutes(Duration d) {
        return d.toMinutes();
    }
}
