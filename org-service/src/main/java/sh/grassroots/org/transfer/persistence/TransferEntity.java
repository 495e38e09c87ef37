package sh.grassroots.org.transfer.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import sh.grassroots.org.common.model.Actor;
import sh.grassroots.org.transfer.model.Transfer;
import sh.grassroots.org.transfer.model.TransferStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "transfer")
public class TransferEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    /** Orders a member's transfers and pages them; set by the database, so null until reloaded. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "from_organization_id", nullable = false)
    public UUID fromOrganizationId;

    @Column(name = "to_organization_id", nullable = false)
    public UUID toOrganizationId;

    /** The district of the member's home when the transfer was requested. */
    @Column(name = "from_district_code", nullable = false)
    public String fromDistrictCode;

    /** The receiving organization's district; another one than {@link #fromDistrictCode} makes it inter-district. */
    @Column(name = "to_district_code", nullable = false)
    public String toDistrictCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TransferStatus status;

    public String note;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "requested_by_subject")
    public String requestedBySubject;

    @Column(name = "requested_by_kind")
    public String requestedByKind;

    @Column(name = "decided_by_subject")
    public String decidedBySubject;

    @Column(name = "decided_by_kind")
    public String decidedByKind;

    @Column(name = "closed_by_subject")
    public String closedBySubject;

    @Column(name = "closed_by_kind")
    public String closedByKind;

    @Version
    public long version;

    public void requestedBy(Actor actor) {
        requestedBySubject = actor.subject();
        requestedByKind = actor.kind();
    }

    public void decidedBy(Actor actor) {
        decidedBySubject = actor.subject();
        decidedByKind = actor.kind();
    }

    public void closedBy(Actor actor) {
        closedBySubject = actor.subject();
        closedByKind = actor.kind();
    }

    public Transfer toModel() {
        return switch (status) {
            case REQUESTED -> new Transfer.Requested(id, memberId, fromOrganizationId, toOrganizationId);
            case ACCEPTED -> new Transfer.Accepted(id, memberId, fromOrganizationId, toOrganizationId);
            case REJECTED, CANCELLED, COMPLETED -> new Transfer.Closed(id, memberId, fromOrganizationId, toOrganizationId, status);
        };
    }
}
