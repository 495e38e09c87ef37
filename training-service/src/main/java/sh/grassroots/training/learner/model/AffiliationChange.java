package sh.grassroots.training.learner.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * How org-service's affiliation events change training's record of who is affiliated to which
 * functional or temporary branch. Both events of a member are keyed by the member id, so they
 * arrive in order; still, the projection may start late or see an event again under another id,
 * so each rule looks at what is already known.
 */
public final class AffiliationChange {
    public static final Set<String> KINDS = Set.of("FUNCTIONAL", "TEMPORARY");

    /** What training keeps of one affiliation. */
    public record Known(LocalDate since, LocalDate endedOn) {
    }

    public sealed interface Decision permits Start, End, Ignore {
    }

    /** Write the affiliation as active (again), from {@code since}. */
    public record Start(LocalDate since) implements Decision {
    }

    /**
     * Record the end; the person's future enrolments are then looked at again, as those that only
     * stood through this branch no longer stand.
     */
    public record End(LocalDate endedOn, String why) implements Decision {
    }

    public record Ignore(String reason) implements Decision {
    }

    private AffiliationChange() {
    }

    /** An affiliation starts, unless it is already active or ended after this start (a stale repeat). */
    public static Decision added(Optional<Known> known, LocalDate since) {
        if (known.isEmpty()) {
            return new Start(since);
        }
        Known k = known.get();
        if (k.endedOn() == null) {
            return new Ignore("the affiliation is already active since " + k.since());
        }
        if (since == null || !since.isAfter(k.endedOn())) {
            return new Ignore("the affiliation ended on " + k.endedOn() + ", after this start on " + since);
        }
        return new Start(since);
    }

    /** An active affiliation ends once; the end of one training never saw start changes nothing. */
    public static Decision ended(Optional<Known> known, LocalDate endedOn, String branchName, String reason) {
        if (known.isEmpty()) {
            return new Ignore("the affiliation is not known to training");
        }
        if (known.get().endedOn() != null) {
            return new Ignore("the affiliation already ended on " + known.get().endedOn());
        }
        return new End(endedOn, "the affiliation to " + branchName + " ended on " + endedOn
                + " (" + (reason == null ? "UNKNOWN" : reason) + ")");
    }
}
