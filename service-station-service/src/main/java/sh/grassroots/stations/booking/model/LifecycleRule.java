package sh.grassroots.stations.booking.model;

import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;

import java.util.Locale;

/** Rules on moving a booking from one status to another, each with a stable slug. */
public enum LifecycleRule implements Rule {
    NOT_AWAITING_DECISION(RuleKind.CONFLICT),
    NOT_CANCELLABLE(RuleKind.CONFLICT),
    CANCELLATION_DEADLINE_PASSED(RuleKind.INVALID),
    NOT_CONFIRMED(RuleKind.CONFLICT),
    CHECK_IN_NOT_OPEN(RuleKind.INVALID),
    CHECK_IN_CLOSED(RuleKind.INVALID);

    private final RuleKind kind;

    LifecycleRule(RuleKind kind) {
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
