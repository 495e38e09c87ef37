package sh.grassroots.org.conference.model;

import sh.grassroots.platform.rules.Outcome;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A member unit's staff registered as learners (金融研修院 is for the units' finance staff, party
 * members or not). A party member registered in the tree is linked to their member record and keeps
 * their member id as their person id, so that every service holds one learner for them; anyone
 * else gets a new id. The first refusal wins.
 */
public final class UnitStaff {
    private UnitStaff() {
    }

    /** A registered member named by the request: their id, name, and whether they still are a member. */
    public record KnownMember(UUID id, String name, boolean active) {
    }

    /** What a registration stores and publishes. */
    public record Registration(UUID personId, String name, boolean partyMember, Optional<UUID> memberId,
                               LocalDate registeredOn) {
    }

    /**
     * @param name        the name given; a linked member's own name is used when it is absent
     * @param partyMember as the request says; a linked member is one, and may not be said not to be
     */
    public static Outcome<Registration> register(MemberUnit unit, LocalDate today, String name, Boolean partyMember,
                                                 Optional<KnownMember> member) {
        if (!unit.memberOn(today)) {
            return Outcome.rejected(ConferenceRule.STAFF_UNIT_NOT_MEMBER,
                    unit.name() + " is not a member unit of the conference today: its staff cannot be registered");
        }
        if (member.isPresent()) {
            KnownMember known = member.get();
            if (Boolean.FALSE.equals(partyMember)) {
                return Outcome.rejected(ConferenceRule.STAFF_PARTY_MEMBER_MISMATCH,
                        "A person linked to a member record is a party member; send partyMember true or leave it out");
            }
            if (!known.active()) {
                return Outcome.rejected(ConferenceRule.STAFF_MEMBER_HAS_LEFT,
                        "Member " + known.id() + " is no longer a party member");
            }
            String shown = name == null || name.isBlank() ? known.name() : name.strip();
            return Outcome.done(new Registration(known.id(), shown, true, Optional.of(known.id()), today));
        }
        if (name == null || name.isBlank()) {
            return Outcome.rejected(ConferenceRule.STAFF_NAME_MISSING,
                    "A person who is not linked to a member record needs a name");
        }
        return Outcome.done(new Registration(UUID.randomUUID(), name.strip(), Boolean.TRUE.equals(partyMember),
                Optional.empty(), today));
    }

    /** Leaving the unit's learners today; once only. */
    public static Outcome<LocalDate> leave(Optional<LocalDate> leftOn, LocalDate today) {
        if (leftOn.isPresent()) {
            return Outcome.rejected(ConferenceRule.STAFF_ALREADY_LEFT, "The person left the unit's learners on "
                    + leftOn.get());
        }
        return Outcome.done(today);
    }
}
