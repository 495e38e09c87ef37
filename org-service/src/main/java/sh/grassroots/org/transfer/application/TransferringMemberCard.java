package sh.grassroots.org.transfer.application;

import sh.grassroots.org.member.model.MemberStatus;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The member card another district's system reads for a transfer addressed to it: enough to
 * decide on the intake, no personal data beyond the masked ID number (no phone).
 */
public record TransferringMemberCard(UUID transferId, UUID memberId, String name, MemberStatus status,
                                     LocalDate admittedOn, LocalDate fullSince, String idNumber, boolean left,
                                     UUID fromOrganizationId, String fromOrganizationName, String fromDistrictCode) {
}
