package sh.grassroots.stations.booking.model;

import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.platform.rules.Rule;

import java.util.Optional;

/**
 * The answer to a booking request: accepted in a first status, or rejected by a named rule. It is
 * richer than an {@code Outcome} only in naming the booking in the way when the rule is about
 * another booking ({@code conflictingSlot}), which the API reports in the station's time zone.
 */
public sealed interface BookingDecision permits BookingDecision.Accepted, BookingDecision.Rejected {

    record Accepted(BookingStatus initialStatus) implements BookingDecision {
    }

    record Rejected(Rejection rejection, Optional<TimeRange> conflictingSlot) implements BookingDecision {
        public Rejected(BookingRule rule, String detail) {
            this(rule.rejects(detail), Optional.empty());
        }

        public Rejected(BookingRule rule, String detail, Optional<TimeRange> conflictingSlot) {
            this(rule.rejects(detail), conflictingSlot);
        }

        public Rule rule() {
            return rejection.rule();
        }

        public String detail() {
            return rejection.detail();
        }
    }
}
