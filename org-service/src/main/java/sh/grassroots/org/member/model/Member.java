package sh.grassroots.org.member.model;

import java.time.LocalDate;
import java.util.UUID;

/** A member on the register ({@link ActiveMember}) or one whose record was closed ({@link FormerMember}). */
public sealed interface Member permits ActiveMember, FormerMember {
    UUID id();

    UUID homeOrganizationId();

    MemberStatus status();

    LocalDate admittedOn();
}
