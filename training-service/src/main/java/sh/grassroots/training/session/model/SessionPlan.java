package sh.grassroots.training.session.model;

import sh.grassroots.training.common.model.Rejection;
import sh.grassroots.training.common.model.Rule;

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

    private static Rule<Facts> rule(String name, java.util.function.Function<Facts, Optional<Rejection>> check) {
        return new Rule<>(name, check);
    }

    private record Facts(SessionPlan plan, Instant now) {
    }

    static final Rule<Facts> CAPACITY_POSITIVE = rule("session-capacity-not-positive", f ->
            f.plan.capacity > 0 ? Optional.empty()
                    : Optional.of(new Rejection("session-capacity-not-positive",
                    "A session needs at least one seat; capacity was " + f.plan.capacity)));

    static final Rule<Facts> ENDS_AFTER_START = rule("session-ends-before-start", f ->
            f.plan.endsAt.isAfter(f.plan.startsAt) ? Optional.empty()
                    : Optional.of(new Rejection("session-ends-before-start",
                    "The session ends at " + f.plan.endsAt + ", not after it starts at " + f.plan.startsAt)));

    static final Rule<Facts> STARTS_IN_FUTURE = rule("session-in-the-past", f ->
            f.plan.startsAt.isAfter(f.now) ? Optional.empty()
                    : Optional.of(new Rejection("session-in-the-past", "A session cannot be scheduled in the past")));

    static final Rule<Facts> WINDOW_IN_ORDER = rule("enrolment-window-invalid", f ->
            f.plan.enrolmentOpensAt.isBefore(f.plan.enrolmentClosesAt)
                    && !f.plan.enrolmentClosesAt.isAfter(f.plan.startsAt) ? Optional.empty()
                    : Optional.of(new Rejection("enrolment-window-invalid",
                    "Enrolment must open before it closes, and close no later than the session starts")));

    static final Rule<Facts> DEADLINE_BEFORE_START = rule("cancellation-deadline-invalid", f ->
            !f.plan.cancellationDeadline.isAfter(f.plan.startsAt) ? Optional.empty()
                    : Optional.of(new Rejection("cancellation-deadline-invalid",
                    "The cancellation deadline must not be after the session starts")));

    static final Rule<Facts> QUOTA_FITS = rule("seat-quota-invalid", f ->
            f.plan.quota.seatsPerGroup() <= 0 && f.plan.quota.by() != SeatQuota.By.NONE
                    ? Optional.of(new Rejection("seat-quota-invalid", "A seat quota must give each group at least one seat"))
                    : Optional.empty());

    static final Rule<Facts> HOLD_WINDOW_SENSIBLE = rule("hold-window-invalid", f ->
            f.plan.holdWindow.compareTo(SHORTEST_HOLD) >= 0 && f.plan.holdWindow.compareTo(LONGEST_HOLD) <= 0
                    ? Optional.empty()
                    : Optional.of(new Rejection("hold-window-invalid",
                    "A freed seat is held for between one minute and two days")));

    static final List<Rule<Facts>> POLICY = List.of(CAPACITY_POSITIVE, ENDS_AFTER_START, STARTS_IN_FUTURE,
            WINDOW_IN_ORDER, DEADLINE_BEFORE_START, QUOTA_FITS, HOLD_WINDOW_SENSIBLE);

    /** The first rule the plan breaks, if any. */
    public Optional<Rejection> check(Clock clock) {
        return Rule.firstBroken(POLICY, new Facts(this, clock.instant()));
    }
}
