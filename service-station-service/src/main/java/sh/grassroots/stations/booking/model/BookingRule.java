package sh.grassroots.stations.booking.model;

import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;

import java.util.Locale;

/** The rules a booking request is checked against; each has a stable slug the API reports. */
public enum BookingRule implements Rule {
    STATION_CLOSED(RuleKind.INVALID),
    OUTSIDE_OPENING_HOURS(RuleKind.INVALID),
    TOO_SHORT_NOTICE(RuleKind.INVALID),
    BEYOND_HORIZON(RuleKind.INVALID),
    TOO_SHORT(RuleKind.INVALID),
    TOO_LONG(RuleKind.INVALID),
    OVER_CAPACITY(RuleKind.INVALID),
    QUOTA_EXCEEDED(RuleKind.INVALID),
    SLOT_TAKEN(RuleKind.CONFLICT),
    BUFFER_TOO_SMALL(RuleKind.CONFLICT),
    /** Only asked of venue requests, which cannot wait for a manager's approval. */
    APPROVAL_REQUIRED(RuleKind.INVALID),
    /** Only asked of venue requests: a slot that has already begun cannot be booked. */
    ALREADY_STARTED(RuleKind.INVALID);

    private final RuleKind kind;

    BookingRule(RuleKind kind) {
        this.kind = kind;
    }

    @Override
    public String slug() {
        return "booking-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public RuleKind kind() {
        return kind;
    }
}
