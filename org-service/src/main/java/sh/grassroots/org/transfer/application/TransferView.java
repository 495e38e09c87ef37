package sh.grassroots.org.transfer.application;

import sh.grassroots.org.common.model.Actor;
import sh.grassroots.org.transfer.model.TransferStatus;
import sh.grassroots.org.transfer.persistence.TransferEntity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A transfer; {@code interDistrict} when the receiving organization is in another district than the member's home.
 * {@code requestedBy}, {@code decidedBy} (accepted or rejected) and {@code closedBy} (rejected, cancelled or
 * completed) say who took each step, by subject and kind; null for a step not taken yet or taken before
 * that was recorded.
 */
public record TransferView(UUID id, UUID memberId, UUID fromOrganizationId, UUID toOrganizationId,
                           String fromDistrictCode, String toDistrictCode, boolean interDistrict,
                           TransferStatus status, String note, String rejectionReason, OffsetDateTime requestedAt,
                           OffsetDateTime decidedAt, OffsetDateTime closedAt, Actor requestedBy, Actor decidedBy,
                           Actor closedBy, long version) {

    static TransferView of(TransferEntity e) {
        return new TransferView(e.id, e.memberId, e.fromOrganizationId, e.toOrganizationId, e.fromDistrictCode,
                e.toDistrictCode, !e.fromDistrictCode.equals(e.toDistrictCode), e.status, e.note,
                e.rejectionReason, e.requestedAt, e.decidedAt, e.closedAt,
                Actor.stored(e.requestedBySubject, e.requestedByKind), Actor.stored(e.decidedBySubject, e.decidedByKind),
                Actor.stored(e.closedBySubject, e.closedByKind), e.version);
    }
}
