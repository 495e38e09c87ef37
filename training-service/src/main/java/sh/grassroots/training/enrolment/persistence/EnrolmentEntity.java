package sh.grassroots.training.enrolment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import sh.grassroots.training.enrolment.model.Cancellation;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "enrolment")
public class EnrolmentEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "quota_group_id")
    public UUID quotaGroupId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EnrolmentStatus status;

    @Column(nullable = false)
    public long position;

    @Column(name = "enrolled_at", nullable = false)
    public OffsetDateTime enrolledAt;

    @Column(name = "offered_at")
    public OffsetDateTime offeredAt;

    @Column(name = "offer_expires_at")
    public OffsetDateTime offerExpiresAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "close_reason")
    public String closeReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by")
    public Cancellation.By cancelledBy;

    /** The gateway's subject of whoever cancelled (a member id); null when training itself did. */
    @Column(name = "cancelled_by_subject")
    public String cancelledBySubject;

    @Version
    public long version;
}
