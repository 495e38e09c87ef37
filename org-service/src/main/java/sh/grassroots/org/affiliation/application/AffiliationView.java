package sh.grassroots.org.affiliation.application;

import sh.grassroots.org.affiliation.model.EndReason;

import java.time.LocalDate;
import java.util.UUID;

/** An affiliation, active ({@code endedOn} null) or ended. */
public record AffiliationView(UUID id, UUID memberId, String memberName, UUID organizationId, String organizationName,
                              String kind, LocalDate since, LocalDate endedOn, EndReason endReason) {
}
