package sh.grassroots.training.calendar.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A room booking of a person or an organization, as stations.booking.v1 told it. */
@Entity
@Table(name = "station_booking")
public class StationBookingEntity extends PanacheEntityBase {
    @Id
    @Column(name = "booking_id")
    public UUID bookingId;

    @Column(name = "station_id", nullable = false)
    public UUID stationId;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(name = "booker_kind", nullable = false)
    public String bookerKind;

    @Column(name = "booker_id", nullable = false)
    public UUID bookerId;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(nullable = false)
    public int attendees;

    @Column(nullable = false)
    public boolean confirmed;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
