package sh.grassroots.training.enrolment.model;

import sh.grassroots.training.common.model.Rejection;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Whether an enrolment may be cancelled, and whether that frees a seat for the waitlist. */
public final class Cancellation {

    public enum By {
        /** The learner themself: only until the cancellation deadline. */
        LEARNER,
        /** An organizer or training admin, at any time. */
        ORGANIZER,
        /** Training itself, reacting to the organization (a member left or moved, a branch was dissolved). */
        SYSTEM
    }

    /** Roles that may cancel anybody's enrolment (the gateway lets these manage courses and sessions). */
    public static final Set<String> ORGANIZER_ROLES = Set.of("organizer", "training_admin", "district_admin");

    /** Who is cancelling, as the gateway reported the caller. */
    public record Caller(String subject, Set<String> roles) {
        public Caller {
            Objects.requireNonNull(subject, "subject");
            roles = Set.copyOf(roles);
        }
    }

    /** Who cancelled, for the record and the event; {@code subject} is null when training itself did. */
    public record Canceller(By by, String subject) {
        public static final Canceller SYSTEM_CANCELLER = new Canceller(By.SYSTEM, null);
    }

    public sealed interface Authority permits Allowed, Refused {
    }

    public record Allowed(Canceller canceller) implements Authority {
    }

    public record Refused(Rejection rejection) implements Authority {
    }

    /**
     * An organizer may cancel anybody's enrolment; anybody else only their own, as the learner (so
     * the deadline applies to them). Without a caller there is nobody to hold to either rule.
     */
    public static Authority authorize(Optional<Caller> caller, UUID enrolledPerson) {
        if (caller.isEmpty()) {
            return new Refused(new Rejection("unauthenticated",
                    "Cancelling an enrolment needs to know who asks; call through the gateway"));
        }
        Caller c = caller.get();
        if (c.roles().stream().anyMatch(ORGANIZER_ROLES::contains)) {
            return new Allowed(new Canceller(By.ORGANIZER, c.subject()));
        }
        if (c.subject().equals(enrolledPerson.toString())) {
            return new Allowed(new Canceller(By.LEARNER, c.subject()));
        }
        return new Refused(new Rejection("not-own-enrolment",
                "Only the enrolled person or an organizer may cancel this enrolment"));
    }

    private Cancellation() {
    }

    public static Optional<Rejection> check(EnrolmentStatus status, By by, Instant deadline, Clock clock) {
        if (!(status == EnrolmentStatus.CONFIRMED || status == EnrolmentStatus.WAITLISTED
                || status == EnrolmentStatus.OFFERED)) {
            return Optional.of(new Rejection("enrolment-not-cancellable",
                    "An enrolment that is " + status + " cannot be cancelled"));
        }
        if (by == By.LEARNER && clock.instant().isAfter(deadline)) {
            return Optional.of(new Rejection("cancellation-deadline-passed",
                    "Cancellations closed at " + deadline + "; ask the organizer"));
        }
        return Optional.empty();
    }

    public static boolean freesASeat(EnrolmentStatus status) {
        return status.holdsASeat();
    }
}
