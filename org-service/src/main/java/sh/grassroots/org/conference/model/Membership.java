package sh.grassroots.org.conference.model;

import sh.grassroots.platform.rules.Outcome;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** Joining and leaving a conference. A unit may rejoin after it left, never hold two memberships at once. */
public final class Membership {
    private Membership() {
    }

    /**
     * @param units every unit the conference ever had, former ones included
     */
    public static Outcome<MemberUnit> join(UUID id, LocalDate conferenceFoundedOn, Collection<MemberUnit> units,
                                           String name, Sector sector, Optional<UUID> organizationId,
                                           LocalDate joinedOn) {
        if (joinedOn.isBefore(conferenceFoundedOn)) {
            return Outcome.rejected(ConferenceRule.JOINED_BEFORE_FOUNDING, "The conference was founded on "
                    + conferenceFoundedOn + "; a unit cannot join it on " + joinedOn);
        }
        Optional<MemberUnit> running = units.stream()
                .filter(u -> u.sameUnitAs(name, organizationId))
                .filter(u -> u.leftOn().map(joinedOn::isBefore).orElse(true))
                .findFirst();
        if (running.isPresent()) {
            MemberUnit u = running.get();
            return Outcome.rejected(ConferenceRule.UNIT_ALREADY_MEMBER, u.name() + " (unit " + u.id()
                    + ") is a member since " + u.joinedOn() + u.leftOn().map(d -> " until " + d).orElse("")
                    + "; it cannot join again on " + joinedOn);
        }
        return Outcome.done(new MemberUnit(id, name.strip(), sector, organizationId, joinedOn, Optional.empty()));
    }

    /**
     * @param termsOfUnit the unit's chair terms: it must stay a member to the end of each
     */
    public static Outcome<MemberUnit> leave(MemberUnit unit, LocalDate leftOn, Collection<ChairTerm> termsOfUnit) {
        if (unit.leftOn().isPresent()) {
            return Outcome.rejected(ConferenceRule.UNIT_ALREADY_LEFT,
                    unit.name() + " already left on " + unit.leftOn().get());
        }
        if (!leftOn.isAfter(unit.joinedOn())) {
            return Outcome.rejected(ConferenceRule.LEAVE_NOT_AFTER_JOIN, unit.name() + " joined on "
                    + unit.joinedOn() + "; it can only leave after that, not on " + leftOn);
        }
        Optional<ChairTerm> later = termsOfUnit.stream().filter(t -> !t.endsOn().isBefore(leftOn)).findFirst();
        if (later.isPresent()) {
            return Outcome.rejected(ConferenceRule.UNIT_HOLDS_LATER_CHAIR_TERM, unit.name() + " chairs the conference "
                    + later.get().describe() + "; it cannot leave on " + leftOn + " before that term ends");
        }
        return Outcome.done(new MemberUnit(unit.id(), unit.name(), unit.sector(), unit.organizationId(),
                unit.joinedOn(), Optional.of(leftOn)));
    }
}
