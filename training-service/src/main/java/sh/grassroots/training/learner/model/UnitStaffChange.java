package sh.grassroots.training.learner.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How a member unit's registration of its staff (UnitStaffRegistered, UnitStaffLeft) changes
 * training's learners. A person who is not a party member becomes a learner of their unit; a party
 * member's learner record gains the unit. The registration may arrive before the member's own
 * MemberRegistered (another topic): the learner is then created as the unit's staff and becomes a
 * member when that event comes, keeping the unit.
 */
public final class UnitStaffChange {

    /** What training keeps of the person. */
    public record Known(UUID memberUnitId, LocalDate leftOn) {
    }

    public sealed interface Decision permits Create, SetUnit, Ignore {
    }

    /** A new learner: staff of {@code unitId}, not (yet) known as a party member. */
    public record Create(UUID unitId, String displayName) implements Decision {
    }

    /**
     * The learner's unit becomes {@code unitId} (null: none). {@code recheckWhy} is set when the
     * person's future enrolments may have stood through the unit they no longer work for.
     */
    public record SetUnit(UUID unitId, String recheckWhy) implements Decision {
        public boolean recheck() {
            return recheckWhy != null;
        }
    }

    public record Ignore(String reason) implements Decision {
    }

    private UnitStaffChange() {
    }

    public static Decision registered(Optional<Known> known, UUID unitId, String displayName) {
        if (known.isEmpty()) {
            return new Create(unitId, displayName == null ? "" : displayName);
        }
        Known k = known.get();
        if (k.leftOn() != null) {
            return new Ignore("the person left the party organization on " + k.leftOn()
                    + "; a member unit registers them under a new person id");
        }
        if (unitId.equals(k.memberUnitId())) {
            return new Ignore("the person is already staff of unit " + unitId);
        }
        return new SetUnit(unitId, k.memberUnitId() == null ? null
                : "the person now works for member unit " + unitId + " instead of " + k.memberUnitId());
    }

    /** Only the unit the person works for can let them go; a stale leave of an earlier unit changes nothing. */
    public static Decision left(Optional<Known> known, UUID unitId, LocalDate leftOn) {
        if (known.isEmpty() || !Objects.equals(known.get().memberUnitId(), unitId)) {
            return new Ignore("the person is not staff of unit " + unitId);
        }
        return new SetUnit(null, "the person left member unit " + unitId + " on " + leftOn);
    }
}
