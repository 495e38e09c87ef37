package sh.grassroots.stations.booking.model;

import java.util.Optional;

/** The answer to a booking request: accepted in a first status, or rejected by a named rule. */
public sealed interface BookingDecision permits BookingDecision.Accepted, BookingDecision.Rejected {

    record Accepted(BookingStatus initialStatus) implements BookingDecision {
    }

    /** {@code conflictingSlot} names the booking in the way when the rule is about another booking. */
    record Rejected(BookingRule rule, String detail, Optional<TimeRange> conflictingSlot) implements BookingDecision {
        public Rejected(BookingRule rule, String detail) {
            this(rule, detail, Optional.empty());
        }
    }
}
