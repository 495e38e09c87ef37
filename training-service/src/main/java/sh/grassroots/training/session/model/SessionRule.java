package sh.grassroots.training.session.model;

import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;

/**
 * The rules of the session feature, each with its kind once (CONFLICT: clashes with the current state,
 * 409; INVALID: the request can never succeed as written, 422). The slug is the problem's type.
 */
public enum SessionRule implements Rule {
    CANCELLATION_DEADLINE_INVALID("cancellation-deadline-invalid", RuleKind.INVALID),
    ELIGIBILITY_MEMBER_STATUS("eligibility-member-status", RuleKind.INVALID),
    ELIGIBILITY_MEMBERS_ONLY("eligibility-members-only", RuleKind.INVALID),
    ELIGIBILITY_NOT_STAFF_OF_MEMBER_UNIT("eligibility-not-staff-of-member-unit", RuleKind.INVALID),
    ELIGIBILITY_OUTSIDE_SUBTREE("eligibility-outside-subtree", RuleKind.INVALID),
    ELIGIBILITY_PREREQUISITE_MISSING("eligibility-prerequisite-missing", RuleKind.INVALID),
    ENROLMENT_WINDOW_INVALID("enrolment-window-invalid", RuleKind.INVALID),
    HOLD_WINDOW_INVALID("hold-window-invalid", RuleKind.INVALID),
    SEAT_QUOTA_INVALID("seat-quota-invalid", RuleKind.INVALID),
    SESSION_ALREADY_CANCELLED("session-already-cancelled", RuleKind.CONFLICT),
    SESSION_ALREADY_STARTED("session-already-started", RuleKind.CONFLICT),
    SESSION_CAPACITY_NOT_POSITIVE("session-capacity-not-positive", RuleKind.INVALID),
    SESSION_ENDS_BEFORE_START("session-ends-before-start", RuleKind.INVALID),
    SESSION_IN_THE_PAST("session-in-the-past", RuleKind.INVALID),
    SESSION_NOT_ENDED("session-not-ended", RuleKind.INVALID),
    SESSION_NOT_OPEN("session-not-open", RuleKind.INVALID);

    private final String slug;
    private final RuleKind kind;

    SessionRule(String slug, RuleKind kind) {
        this.slug = slug;
        this.kind = kind;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public RuleKind kind() {
        return kind;
    }
}
