package sh.grassroots.training.session.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import sh.grassroots.training.session.model.SeatQuota;
import sh.grassroots.training.course.model.VenueKind;
import sh.grassroots.training.venue.model.VenueSaga;

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
        /** At a station room, waiting for the station to confirm the booking. */
        VENUE_PENDING,
        SCHEDULED,
        /** The station refused the room; the organizer sees its rule and reason. */
        VENUE_REJECTED,
        CANCELLED
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

    /** The current venue request; a station reply quoting another one is stale. */
    @Column(name = "venue_request_id")
    public UUID venueRequestId;

    @Column(name = "venue_booking_id")
    public UUID venueBookingId;

    @Column(name = "venue_rejection_rule")
    public String venueRejectionRule;

    @Column(name = "venue_rejection_reason")
    public String venueRejectionReason;

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

    public VenueSaga.Stage venueStage() {
        return switch (status) {
            case CANCELLED -> VenueSaga.Stage.CLOSED;
            case VENUE_PENDING -> VenueSaga.Stage.PENDING;
            case VENUE_REJECTED -> VenueSaga.Stage.REJECTED;
            case SCHEDULED -> venueKind == VenueKind.STATION_ROOM && venueRequestId != null
                    ? VenueSaga.Stage.CONFIRMED : VenueSaga.Stage.NOT_NEEDED;
        };
    }

    public Duration holdWindow() {
        return Duration.ofMinutes(holdMinutes);
    }
}
