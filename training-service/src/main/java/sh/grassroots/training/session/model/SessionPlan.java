package sh.grassroots.training.session.model;

import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.training.common.model.Check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a session takes place and how people get in. Checked before it is saved; the database
 * repeats the basic checks as constraints.
 */
public record SessionPlan(Instant startsAt, Instant endsAt, int capacity, Instant enrolmentOpensAt,
                          Instant enrolmentClosesAt, Instant cancellationDeadline, SeatQuota quota,
                          Duration holdWindow) {

    public static final Duration SHORTEST_HOLD = Duration.ofMinutes(1);
    public static final Duration LONGEST_HOLD = Duration.ofDays(2);

    private static Check<Facts> rule(String name, java.util.function.Function<Facts, Optional<Rejection>> check) {
        return new Check<>(name, check);
    }

    private record Facts(SessionPlan plan, Instant now) {
    }

    static final Check<Facts> CAPACITY_POSITIVE = rule("session-capacity-not-positive", f ->
            f.plan.capacity > 0 ? Optional.empty()
                    : Optional.of(new Rejection(SessionRule.SESSION_CAPACITY_NOT_POSITIVE,
                    "A session needs at least one seat; capacity was " + f.plan.capacity)));

    static final Check<Facts> ENDS_AFTER_START = rule("session-ends-before-start", f ->
            f.plan.endsAt.isAfter(f.plan.startsAt) ? Optional.empty()
                    : Optional.of(new Rejection(SessionRule.SESSION_ENDS_BEFORE_START,
                    "The session ends at " + f.plan.endsAt + ", not after it starts at " + f.plan.startsAt)));

    static final Check<Facts> STARTS_IN_FUTURE = rule("session-in-the-past", f ->
            f.plan.startsAt.isAfter(f.now) ? Optional.empty()
                    : Optional.of(new Rejection(SessionRule.SESSION_IN_THE_PAST, "A session cannot be scheduled in the past")));

    static final Check<Facts> WINDOW_IN_ORDER = rule("enrolment-window-invalid", f ->
            f.plan.enrolmentOpensAt.isBefore(f.plan.enrolmentClosesAt)
                    && !f.plan.enrolmentClosesAt.isAfter(f.plan.startsAt) ? Optional.empty()
                    : Optional.of(new Rejection(SessionRule.ENROLMENT_WINDOW_INVALID,
                    "Enrolment must open before it closes, and close no later than the session starts")));

    static final Check<Facts> DEADLINE_BEFORE_START = rule("cancellation-deadline-invalid", f ->
            !f.plan.cancellationDeadline.isAfter(f.plan.startsAt) ? Optional.empty()
                    : Optional.of(new Rejection(SessionRule.CANCELLATION_DEADLINE_INVALID,
                    "The cancellation deadline must not be after the session starts")));

    static final Check<Facts> QUOTA_FITS = rule("seat-quota-invalid", f ->
            f.plan.quota.seatsPerGroup() <= 0 && f.plan.quota.by() != SeatQuota.By.NONE
                    ? Optional.of(new Rejection(SessionRule.SEAT_QUOTA_INVALID, "A seat quota must give each group at least one seat"))
                    : Optional.empty());

    static final Check<Facts> HOLD_WINDOW_SENSIBLE = rule("hold-window-invalid", f ->
            f.plan.holdWindow.compareTo(SHORTEST_HOLD) >= 0 && f.plan.holdWindow.compareTo(LONGEST_HOLD) <= 0
                    ? Optional.empty()
                    : Optional.of(new Rejection(SessionRule.HOLD_WINDOW_INVALID,
                    "A freed seat is held for between one minute and two days")));

    static final List<Check<Facts>> POLICY = List.of(CAPACITY_POSITIVE, ENDS_AFTER_START, STARTS_IN_FUTURE,
            WINDOW_IN_ORDER, DEADLINE_BEFORE_START, QUOTA_FITS, HOLD_WINDOW_SENSIBLE);

    /** The first rule the plan breaks, if any. */
    public Optional<Rejection> check(Clock clock) {
        return Check.firstBroken(POLICY, new Facts(this, clock.instant()));
    }
}
