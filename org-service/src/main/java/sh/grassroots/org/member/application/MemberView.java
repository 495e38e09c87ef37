package sh.grassroots.org.member.application;

import sh.grassroots.org.member.model.LeaveReason;
import sh.grassroots.org.member.model.MemberStatus;
import sh.grassroots.org.member.persistence.MemberEntity;

import java.time.LocalDate;
import java.util.UUID;

/** What callers see of a member: the ID number and phone only masked. */
public record MemberView(UUID id, String name, MemberStatus status, UUID homeOrganizationId, LocalDate admittedOn,
                         LocalDate fullSince, String idNumber, String phone, LocalDate leftOn,
                         LeaveReason leaveReason, long version) {

    static MemberView of(MemberEntity e) {
        return new MemberView(e.id, e.name, e.status, e.homeOrganizationId, e.admittedOn, e.fullSince,
                e.idNumberMasked, e.phoneMasked, e.leftOn, e.leaveReason, e.version);
    }
}
