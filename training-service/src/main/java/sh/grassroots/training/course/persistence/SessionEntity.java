package sh.grassroots.training.course.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import sh.grassroots.training.course.model.SeatQuota;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A session row. The seat counter and the arrival counter are changed only by conditional SQL
 * updates (see SeatCounters), never through this entity, hence not updatable here.
 */
@Entity
@Table(name = "training_session")
public class SessionEntity extends PanacheEntityBase {
    public enum Status {
        SCHEDULED,
        CANCELLED
    }

    public enum VenueKind {
        STATION_ROOM,
        ADDRESS
    }

    @Id
    public UUID id;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "venue_kind", nullable = false)
    public VenueKind venueKind;

    @Column(nullable = false)
    public String venue;

    @Column(name = "station_room_id")
    public UUID stationRoomId;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "seats_taken", nullable = false, updatable = false)
    public int seatsTaken;

    @Column(name = "enrolment_opens_at", nullable = false)
    public OffsetDateTime enrolmentOpensAt;

    @Column(name = "enrolment_closes_at", nullable = false)
    public OffsetDateTime enrolmentClosesAt;

    @Column(name = "cancellation_deadline", nullable = false)
    public OffsetDateTime cancellationDeadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "quota_by", nullable = false)
    public SeatQuota.By quotaBy;

    @Column(name = "seats_per_group", nullable = false)
    public int seatsPerGroup;

    @Column(name = "hold_minutes", nullable = false)
    public int holdMinutes;

    @Column(name = "check_in_secret", nullable = false, updatable = false)
    public byte[] checkInSecret;

    @Column(name = "last_position", nullable = false, updatable = false)
    public long lastPosition;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;

    public SeatQuota quota() {
        return new SeatQuota(quotaBy, seatsPerGroup);
    }

    public Duration holdWindow() {
        return Duration.ofMinutes(holdMinutes);
    }
}
