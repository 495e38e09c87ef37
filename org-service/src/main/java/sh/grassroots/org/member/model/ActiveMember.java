package sh.grassroots.org.member.model;

import sh.grassroots.platform.rules.Outcome;

import java.time.LocalDate;
import java.util.UUID;

public record ActiveMember(UUID id, UUID homeOrganizationId, MemberStatus status, LocalDate admittedOn)
        implements Member {

    /** Status only moves forward: probationary to full. */
    public Outcome<MemberChange.BecameFull> changeStatus(MemberStatus target, LocalDate on, LocalDate today) {
        if (target == MemberStatus.PROBATIONARY) {
            return Outcome.rejected(MemberRule.ONLY_PROBATIONARY_TO_FULL,
                    "A member's status only changes from PROBATIONARY to FULL");
        }
        return becomeFull(on, today);
    }

    /** 转正: a probationary member becomes full, at the earliest a year after admission. */
    public Outcome<MemberChange.BecameFull> becomeFull(LocalDate on, LocalDate today) {
        if (status == MemberStatus.FULL) {
            return Outcome.rejected(MemberRule.ALREADY_FULL, "The member is already a full member");
        }
        if (on.isAfter(today)) {
            return Outcome.rejected(MemberRule.CHANGE_IN_FUTURE, "Full membership cannot start in the future (" + on + ")");
        }
        if (on.isBefore(Probation.earliestEnd(admittedOn))) {
            return Outcome.rejected(MemberRule.PROBATION_NOT_OVER,
                    "The probation that began on " + admittedOn + " lasts until " + Probation.earliestEnd(admittedOn));
        }
        return Outcome.done(new MemberChange.BecameFull(id, on));
    }

    public Outcome<MemberChange.Left> leave(LocalDate on, LeaveReason reason, LocalDate today) {
        if (on.isAfter(today)) {
            return Outcome.rejected(MemberRule.CHANGE_IN_FUTURE, "The leaving date " + on + " is after today");
        }
        if (on.isBefore(admittedOn)) {
            return Outcome.rejected(MemberRule.LEFT_BEFORE_ADMISSION, "The member was admitted on " + admittedOn);
        }
        return Outcome.done(new MemberChange.Left(id, on, reason));
    }
}
