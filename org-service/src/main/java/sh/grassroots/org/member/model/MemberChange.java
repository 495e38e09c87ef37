package sh.grassroots.org.member.model;

import java.time.LocalDate;
import java.util.UUID;

public sealed interface MemberChange permits MemberChange.Registered, MemberChange.BecameFull, MemberChange.Left {
    UUID memberId();

    record Registered(UUID memberId, UUID homeOrganizationId, MemberStatus status, LocalDate admittedOn,
                      LocalDate fullSince) implements MemberChange {
    }

    record BecameFull(UUID memberId, LocalDate effectiveOn) implements MemberChange {
    }

    record Left(UUID memberId, LocalDate leftOn, LeaveReason reason) implements MemberChange {
    }
}
