package sh.grassroots.stations.booking.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import sh.grassroots.stations.access.model.Actor;
import sh.grassroots.stations.booking.model.BookerKind;
import sh.grassroots.stations.booking.model.BookingStatus;
import sh.grassroots.stations.booking.model.TimeRange;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "booking")
public class BookingEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(name = "station_id", nullable = false)
    public UUID stationId;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BookingStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "booker_kind", nullable = false)
    public BookerKind bookerKind;

    @Column(name = "booker_id")
    public UUID bookerId;

    @Column(name = "booker_name", nullable = false)
    public String bookerName;

    /** Sealed by PersonalData; shown in clear to the station's managers only, masked to others. */
    @Column(name = "booker_phone")
    public String bookerPhone;

    @Column(nullable = false)
    public String purpose;

    @Column(nullable = false)
    public int attendees;

    @Column(name = "status_reason")
    public String statusReason;

    /** Set when the booking is one occurrence of a recurring series. */
    @Column(name = "series_id")
    public UUID seriesId;

    /** Set when the booking answers a training session's venue request; unique. */
    @Column(name = "venue_request_id")
    public UUID venueRequestId;

    @Column(name = "session_id")
    public UUID sessionId;

    /**
     * The room's buffer when the booking was made: no booking of the room that holds its slot may
     * start sooner after this one ends (constraint booking_buffer_kept).
     */
    @Column(name = "buffer_minutes", nullable = false)
    public int bufferMinutes;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** Whose key it is: the subject of the caller who sent it. */
    @Column(name = "idempotency_caller")
    public String idempotencyCaller;

    @Column(name = "request_fingerprint")
    public String requestFingerprint;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Who approved or rejected the request, and when; null until decided or when decided before it was recorded. */
    @Column(name = "decided_by_subject")
    public String decidedBySubject;

    @Column(name = "decided_by_kind")
    public String decidedByKind;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Version
    public long version;

    public void decidedBy(Actor actor, OffsetDateTime at) {
        decidedBySubject = actor.subject();
        decidedByKind = actor.kind();
        decidedAt = at;
    }

    public Actor decidedBy() {
        return Actor.stored(decidedBySubject, decidedByKind);
    }

    public TimeRange slot() {
        return new TimeRange(startsAt, endsAt);
    }
}
