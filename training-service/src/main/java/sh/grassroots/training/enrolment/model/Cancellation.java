package sh.grassroots.training.enrolment.model;

import sh.grassroots.platform.rules.Rejection;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Whether an enrolment may be cancelled, and whether that frees a seat for the waitlist. */
public final class Cancellation {

    public enum By {
        /** The learner themself: only until the cancellation deadline. */
        LEARNER,
        /** A manager in scope (of the person's home, or the session's organizers), at any time. */
        ORGANIZER,
        /** Training itself, reacting to the organization (a member left or moved, a branch was dissolved). */
        SYSTEM
    }

    /** Who cancelled, for the record and the event; {@code subject} is null when training itself did. */
    public record Canceller(By by, String subject) {
        public static final Canceller SYSTEM_CANCELLER = new Canceller(By.SYSTEM, null);
    }

    private Cancellation() {
    }

    public static Optional<Rejection> check(EnrolmentStatus status, By by, Instant deadline, Clock clock) {
        if (!(status == EnrolmentStatus.CONFIRMED || status == EnrolmentStatus.WAITLISTED
                || status == EnrolmentStatus.OFFERED)) {
            return Optional.of(new Rejection(EnrolmentRule.ENROLMENT_NOT_CANCELLABLE,
                    "An enrolment that is " + status + " cannot be cancelled"));
        }
        if (by == By.LEARNER && clock.instant().isAfter(deadline)) {
            return Optional.of(new Rejection(EnrolmentRule.CANCELLATION_DEADLINE_PASSED,
                    "Cancellations closed at " + deadline + "; ask the organizer"));
        }
        return Optional.empty();
    }

    public static boolean freesASeat(EnrolmentStatus status) {
        return status.holdsASeat();
    }
}
