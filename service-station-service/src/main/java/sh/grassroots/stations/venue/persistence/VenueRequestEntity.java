package sh.grassroots.stations.venue.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The answer given to one venue request: a booking, or a rule and reason. */
@Entity
@Table(name = "venue_request")
public class VenueRequestEntity extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(name = "booking_id")
    public UUID bookingId;

    public String rule;

    public String reason;

    @Column(name = "answered_at", nullable = false)
    public OffsetDateTime answeredAt;
}
