package sh.grassroots.stations.booking.model;

import java.util.Locale;

/** Rules on moving a booking from one status to another, each with a stable slug. */
public enum LifecycleRule {
    NOT_AWAITING_DECISION,
    NOT_CANCELLABLE,
    CANCELLATION_DEADLINE_PASSED,
    NOT_CONFIRMED,
    CHECK_IN_NOT_OPEN,
    CHECK_IN_CLOSED;

    public String slug() {
        return "booking-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
