package sh.grassroots.training.session.model;

import sh.grassroots.platform.rules.Rejection;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Ending a session's life: cancelling it before it starts, closing the register after it ends. */
public final class SessionClosure {

    private SessionClosure() {
    }

    /** {@code notCancelled}: scheduled, or still waiting for (or refused) its station room. */
    public static Optional<Rejection> mayCancel(boolean notCancelled, Instant startsAt, Clock clock) {
        if (!notCancelled) {
            return Optional.of(new Rejection(SessionRule.SESSION_ALREADY_CANCELLED, "The session is already cancelled"));
        }
        if (!clock.instant().isBefore(startsAt)) {
            return Optional.of(new Rejection(SessionRule.SESSION_ALREADY_STARTED, "A session that has started cannot be cancelled"));
        }
        return Optional.empty();
    }

    /** Confirmed people not checked in by the end are recorded as no-shows, and only then. */
    public static Optional<Rejection> mayRecordNoShows(boolean scheduled, Instant endsAt, Clock clock) {
        if (!scheduled) {
            return Optional.of(new Rejection(SessionRule.SESSION_NOT_OPEN, "The session was cancelled"));
        }
        if (clock.instant().isBefore(endsAt)) {
            return Optional.of(new Rejection(SessionRule.SESSION_NOT_ENDED, "No-shows are recorded after the session ends at " + endsAt));
        }
        return Optional.empty();
    }
}
