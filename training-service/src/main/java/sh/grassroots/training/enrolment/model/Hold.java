package sh.grassroots.training.enrolment.model;

import sh.grassroots.platform.rules.Rejection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A freed seat offered to the first in line, kept for them until {@code expiresAt}. */
public record Hold(Instant offeredAt, Instant expiresAt) {

    public static Hold offer(Clock clock, Duration window) {
        Instant now = clock.instant();
        return new Hold(now, now.plus(window));
    }

    /** Expiry is exclusive of the last instant: at {@code expiresAt} the hold has passed. */
    public boolean hasExpired(Clock clock) {
        return !clock.instant().isBefore(expiresAt);
    }

    /** Empty when the person may still take the seat. */
    public Optional<Rejection> accept(Clock clock) {
        return hasExpired(clock)
                ? Optional.of(new Rejection(EnrolmentRule.HOLD_EXPIRED,
                "The seat was held until " + expiresAt + " and has passed to the next in line"))
                : Optional.empty();
    }
}
