package sh.grassroots.training.learner.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * How one of org-service's member events changes training's learner projection. The inbox drops
 * redelivered events; this decides about events that arrive out of order or for people training
 * has not heard of.
 */
public final class MemberChange {

    /** What training keeps of a member. */
    public record Known(UUID personId, String name, UUID homeOrganizationId, String status, LocalDate leftOn) {
    }

    public sealed interface Event permits Registered, StatusChanged, Left, Transferred {
        UUID memberId();
    }

    public record Registered(UUID memberId, UUID homeOrganizationId, String name, String status) implements Event {
    }

    public record StatusChanged(UUID memberId, UUID homeOrganizationId, String newStatus) implements Event {
    }

    public record Left(UUID memberId, UUID homeOrganizationId, LocalDate leftOn, String reason) implements Event {
    }

    /** org-service completed a transfer of the member's home membership (possibly to another district). */
    public record Transferred(UUID memberId, UUID fromOrganizationId, UUID toOrganizationId, String toDistrict)
            implements Event {
    }

    public sealed interface Decision permits Store, Ignore {
    }

    /**
     * {@code cancelFutureEnrolments}: the person can no longer take part in sessions not yet held;
     * {@code recheckFutureEnrolments}: the person's home changed, each future enrolment stands only
     * if the course still admits them.
     */
    public record Store(Known learner, boolean cancelFutureEnrolments, String why, boolean recheckFutureEnrolments)
            implements Decision {
        public Store(Known learner, boolean cancelFutureEnrolments, String why) {
            this(learner, cancelFutureEnrolments, why, false);
        }
    }

    public record Ignore(String reason) implements Decision {
    }

    private MemberChange() {
    }

    public static Decision apply(Optional<Known> known, Event event) {
        if (known.isPresent() && known.get().leftOn() != null) {
            return new Ignore("member " + known.get().personId() + " has left; later events change nothing");
        }
        if (event instanceof Registered r) {
            String name = known.map(Known::name).orElse(r.name());
            return new Store(new Known(r.memberId(), r.name() == null ? name : r.name(), r.homeOrganizationId(),
                    r.status(), null), false, null);
        }
        if (event instanceof StatusChanged c) {
            // a status change can overtake the registration on another partition; the event carries enough to store
            String name = known.map(Known::name).orElse("");
            return new Store(new Known(c.memberId(), name, c.homeOrganizationId(), c.newStatus(), null), false, null);
        }
        if (event instanceof Transferred t) {
            if (known.isEmpty()) {
                // nothing to move: training learns of the member with their registration in the new home
                return new Ignore("member " + t.memberId() + " is not known to training");
            }
            Known k = known.get();
            if (t.toOrganizationId().equals(k.homeOrganizationId())) {
                return new Ignore("member " + t.memberId() + " is already at home in " + t.toOrganizationId());
            }
            return new Store(new Known(k.personId(), k.name(), t.toOrganizationId(), k.status(), null), false,
                    "the member's home membership was transferred to organization " + t.toOrganizationId()
                            + (t.toDistrict() == null ? "" : " (district " + t.toDistrict() + ")"), true);
        }
        Left l = (Left) event;
        String name = known.map(Known::name).orElse("");
        String status = known.map(Known::status).orElse("FULL");
        return new Store(new Known(l.memberId(), name, l.homeOrganizationId(), status, l.leftOn()), true,
                "the member left the party organization (" + l.reason() + ")");
    }
}
