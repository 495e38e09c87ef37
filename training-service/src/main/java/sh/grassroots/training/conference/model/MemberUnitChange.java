package sh.grassroots.training.conference.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How a member unit event changes training's projection of the unit. Events of one conference
 * arrive in order (keyed by conference id), but the projection may start late or an event be
 * delivered again under another id, so each rule looks at what is already known.
 */
public final class MemberUnitChange {

    /** What the projection holds of the unit. */
    public record Known(LocalDate joinedOn, LocalDate leftOn) {
    }

    public sealed interface Decision permits Store, Ignore {
    }

    /** Write the unit as a member (again): {@code leftOn} cleared. */
    public record Store() implements Decision {
    }

    public record Ignore(String reason) implements Decision {
    }

    /** The unit left on {@code leftOn}: write the date. */
    public record Leave(LocalDate leftOn) {
    }

    private MemberUnitChange() {
    }

    /** A unit joins: stored, unless the projection already saw it leave after this join. */
    public static Decision joined(Optional<Known> known, LocalDate joinedOn) {
        if (known.isPresent() && known.get().leftOn() != null && joinedOn != null
                && joinedOn.isBefore(known.get().leftOn())) {
            return new Ignore("the unit left on " + known.get().leftOn() + ", after this join on " + joinedOn);
        }
        return new Store();
    }

    /** A unit leaves: the date is recorded once; a unit training never saw join is not invented. */
    public static Optional<Leave> left(Optional<Known> known, LocalDate leftOn) {
        if (known.isEmpty() || known.get().leftOn() != null) {
            return Optional.empty();
        }
        return Optional.of(new Leave(leftOn));
    }
}
