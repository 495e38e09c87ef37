package sh.grassroots.org.conference.model;

import sh.grassroots.platform.rules.Outcome;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * The rotating-chair roster: at most one chair on any day, and only a unit that is a member for
 * the whole of its term. Gaps are allowed (the conference may be between chairs).
 */
public final class Roster {
    private Roster() {
    }

    public static Outcome<ChairTerm> schedule(UUID id, MemberUnit unit, LocalDate startsOn, LocalDate endsOn,
                                              Collection<ChairTerm> existing) {
        if (endsOn.isBefore(startsOn)) {
            return Outcome.rejected(ConferenceRule.CHAIR_TERM_ENDS_BEFORE_START,
                    "A chair term cannot end (" + endsOn + ") before it starts (" + startsOn + ")");
        }
        if (!unit.memberThroughout(startsOn, endsOn)) {
            return Outcome.rejected(ConferenceRule.CHAIR_UNIT_NOT_MEMBER, unit.name() + " is a member from "
                    + unit.joinedOn() + unit.leftOn().map(d -> " until " + d).orElse("")
                    + "; it cannot chair from " + startsOn + " to " + endsOn);
        }
        Optional<ChairTerm> conflict = firstOverlapping(existing, startsOn, endsOn);
        if (conflict.isPresent()) {
            return Outcome.rejected(ConferenceRule.CHAIR_TERMS_OVERLAP, overlapDetail(conflict.get()));
        }
        return Outcome.done(new ChairTerm(id, unit.id(), unit.name(), startsOn, endsOn));
    }

    public static Optional<ChairTerm> firstOverlapping(Collection<ChairTerm> terms, LocalDate from, LocalDate until) {
        return terms.stream().filter(t -> t.overlaps(from, until))
                .min(Comparator.comparing(ChairTerm::startsOn));
    }

    public static String overlapDetail(ChairTerm conflicting) {
        return "The term overlaps the chair term " + conflicting.describe();
    }

    /** The chair on {@code day}, if a term covers it. */
    public static Optional<ChairTerm> chairOn(Collection<ChairTerm> terms, LocalDate day) {
        return terms.stream().filter(t -> t.covers(day)).findFirst();
    }
}
