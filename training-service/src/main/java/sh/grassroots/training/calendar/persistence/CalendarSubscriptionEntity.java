package sh.grassroots.training.calendar.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import sh.grassroots.training.calendar.model.SubscribedCalendar.SubjectKind;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A feed URL someone made; the token itself is never stored, only its SHA-256. */
@Entity
@Table(name = "calendar_subscription")
public class CalendarSubscriptionEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false, updatable = false)
    public byte[] tokenHash;

    @Column(name = "owner_id", nullable = false, updatable = false)
    public String ownerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false, updatable = false)
    public SubjectKind subjectKind;

    @Column(name = "subject_id", nullable = false, updatable = false)
    public UUID subjectId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
