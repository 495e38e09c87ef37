package sh.grassroots.org.member.application;

import java.time.LocalDate;
import java.util.UUID;

/** {@code fullSince} is null for a probationary member. */
public record RegisterMember(String name, String idNumber, String phone, UUID homeOrganizationId,
                             LocalDate admittedOn, LocalDate fullSince) {
}
