package sh.grassroots.training.enrolment.model;

import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;

/**
 * The rules of the enrolment feature, each with its kind once (CONFLICT: clashes with the current state,
 * 409; INVALID: the request can never succeed as written, 422). The slug is the problem's type.
 */
public enum EnrolmentRule implements Rule {
    ALREADY_ENROLLED("already-enrolled", RuleKind.CONFLICT),
    ATTENDANCE_ALREADY_RECORDED("attendance-already-recorded", RuleKind.CONFLICT),
    CANCELLATION_DEADLINE_PASSED("cancellation-deadline-passed", RuleKind.INVALID),
    CHECK_IN_CODE_EXPIRED("check-in-code-expired", RuleKind.INVALID),
    CHECK_IN_CODE_INVALID("check-in-code-invalid", RuleKind.INVALID),
    CHECK_IN_NOT_OPEN("check-in-not-open", RuleKind.INVALID),
    ENROLMENT_NOT_CANCELLABLE("enrolment-not-cancellable", RuleKind.CONFLICT),
    ENROLMENT_WINDOW_CLOSED("enrolment-window-closed", RuleKind.INVALID),
    ENROLMENT_WINDOW_NOT_OPEN("enrolment-window-not-open", RuleKind.INVALID),
    HOLD_EXPIRED("hold-expired", RuleKind.CONFLICT),
    LEARNER_UNKNOWN("learner-unknown", RuleKind.INVALID),
    ORGANIZATION_UNKNOWN("organization-unknown", RuleKind.INVALID),
    NOT_ENROLLED("not-enrolled", RuleKind.CONFLICT),
    OFFER_NOT_OPEN("offer-not-open", RuleKind.CONFLICT),
    QUOTA_GROUP_UNKNOWN("quota-group-unknown", RuleKind.INVALID),
    SESSION_NOT_OPEN("session-not-open", RuleKind.INVALID),
    VENUE_NOT_CONFIRMED("venue-not-confirmed", RuleKind.CONFLICT);

    private final String slug;
    private final RuleKind kind;

    EnrolmentRule(String slug, RuleKind kind) {
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
