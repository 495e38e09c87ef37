package sh.grassroots.org.member.model;

import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.tree.model.OrganizationKind;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Registering a member in their home organization; the first rule broken is the answer. */
public final class Registration {

    /** What the rules need to know of the home organization. */
    public record Home(UUID id, OrganizationKind kind, boolean dissolved) {
    }

    private Registration() {
    }

    /**
     * @param fullSince empty for a probationary member; the date they became full otherwise
     */
    public static Outcome<MemberChange.Registered> decide(UUID memberId, Home home, LocalDate admittedOn,
                                                          Optional<LocalDate> fullSince, LocalDate today) {
        if (home.dissolved()) {
            return Outcome.rejected(MemberRule.HOME_DISSOLVED, "The home organization has been dissolved");
        }
        if (home.kind() != OrganizationKind.BRANCH) {
            return Outcome.rejected(MemberRule.HOME_MUST_BE_BRANCH,
                    "A member's record is held by a branch, not a " + home.kind());
        }
        if (admittedOn.isAfter(today)) {
            return Outcome.rejected(MemberRule.ADMITTED_IN_FUTURE, "The admission date " + admittedOn + " is after today");
        }
        if (fullSince.isPresent()) {
            LocalDate full = fullSince.get();
            if (full.isBefore(Probation.earliestEnd(admittedOn)) || full.isAfter(today)) {
                return Outcome.rejected(MemberRule.PROBATION_NOT_OVER, "Full membership can start between "
                        + Probation.earliestEnd(admittedOn) + " and today, not on " + full);
            }
        }
        MemberStatus status = fullSince.isPresent() ? MemberStatus.FULL : MemberStatus.PROBATIONARY;
        return Outcome.done(new MemberChange.Registered(memberId, home.id(), status, admittedOn, fullSince.orElse(null)));
    }
}
