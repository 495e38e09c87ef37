package sh.grassroots.org.member.model;

import java.time.LocalDate;
import java.util.UUID;

public record FormerMember(UUID id, UUID homeOrganizationId, MemberStatus status, LocalDate admittedOn,
                           LocalDate leftOn, LeaveReason reason) implements Member {
}
