package sh.grassroots.training.calendar.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.outbox.Inbox;
import sh.grassroots.training.calendar.persistence.StationBookingEntity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the room bookings of people and organizations from stations.booking.v1, each event at
 * most once, for their calendar feeds. A walk-in's or a member unit's booking is nobody's feed
 * here and is not kept.
 */
@ApplicationScoped
public class BookingProjection {
    static final String CONSUMER = "training.calendar-bookings";
    /** Bookers whose feed training serves: a member (a person) and an organization of the tree. */
    static final Set<String> KEPT = Set.of("MEMBER", "ORGANIZATION");

    public record Booked(UUID bookingId, UUID stationId, UUID roomId, OffsetDateTime start, OffsetDateTime end,
                         String bookerKind, UUID bookerId, int attendees, boolean confirmed) {
    }

    private final Inbox inbox;
    private final Clock clock;

    public BookingProjection(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /** A booking requested (tentative) or confirmed; a request after the confirmation leaves it confirmed. */
    public Uni<Boolean> booked(UUID eventId, Booked booked) {
        return Panache.withTransaction(() -> inbox.once(CONSUMER, eventId, () -> {
            if (!KEPT.contains(booked.bookerKind()) || booked.bookerId() == null) {
                return Uni.createFrom().voidItem();
            }
            return StationBookingEntity.<StationBookingEntity>findById(booked.bookingId()).chain(row -> {
                StationBookingEntity b = row == null ? new StationBookingEntity() : row;
                b.bookingId = booked.bookingId();
                b.stationId = booked.stationId();
                b.roomId = booked.roomId();
                b.bookerKind = booked.bookerKind();
                b.bookerId = booked.bookerId();
                b.startsAt = booked.start();
                b.endsAt = booked.end();
                b.attendees = booked.attendees();
                b.confirmed = booked.confirmed() || (row != null && row.confirmed);
                b.updatedAt = OffsetDateTime.now(clock);
                return (row == null ? b.persist() : Uni.createFrom().item(b)).replaceWithVoid();
            });
        }));
    }

    /** Rejected, cancelled or missed: off every calendar. */
    public Uni<Boolean> gone(UUID eventId, UUID bookingId) {
        return Panache.withTransaction(() -> inbox.once(CONSUMER, eventId,
                () -> StationBookingEntity.delete("bookingId", bookingId).replaceWithVoid()));
    }
}
