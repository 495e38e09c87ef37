package sh.grassroots.training.calendar.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import sh.grassroots.events.StationEvents;
import sh.grassroots.platform.outbox.ReceivedEvent;
import sh.grassroots.training.calendar.application.BookingProjection;

import java.util.Set;

/**
 * Reads stations.booking.v1 for the calendar feeds: requested and confirmed bookings are kept,
 * rejected, cancelled and missed ones dropped. Unknown types are skipped; an unreadable message
 * goes to the dead-letter topic.
 */
@ApplicationScoped
public class StationBookingsConsumer {
    private final ObjectMapper mapper;
    private final BookingProjection projection;

    public StationBookingsConsumer(ObjectMapper mapper, BookingProjection projection) {
        this.mapper = mapper;
        this.projection = projection;
    }

    @Incoming("stations-bookings")
    public Uni<Void> consume(String json) {
        return ReceivedEvent.consume(mapper, json, Set.of(StationEvents.REQUESTED, StationEvents.CONFIRMED,
                StationEvents.REJECTED, StationEvents.CANCELLED, StationEvents.NO_SHOW), event -> switch (event.type()) {
            case StationEvents.REQUESTED -> {
                StationEvents.BookingRequested b = event.payload(StationEvents.BookingRequested.class);
                yield projection.booked(event.eventId(), new BookingProjection.Booked(
                        event.required(b.bookingId(), "bookingId"), event.required(b.stationId(), "stationId"),
                        event.required(b.roomId(), "roomId"), event.required(b.start(), "start"),
                        event.required(b.end(), "end"), event.required(b.bookerKind(), "bookerKind"), b.bookerId(),
                        b.attendees(), false));
            }
            case StationEvents.CONFIRMED -> {
                StationEvents.BookingConfirmed b = event.payload(StationEvents.BookingConfirmed.class);
                yield projection.booked(event.eventId(), new BookingProjection.Booked(
                        event.required(b.bookingId(), "bookingId"), event.required(b.stationId(), "stationId"),
                        event.required(b.roomId(), "roomId"), event.required(b.start(), "start"),
                        event.required(b.end(), "end"), event.required(b.bookerKind(), "bookerKind"), b.bookerId(),
                        b.attendees(), true));
            }
            case StationEvents.REJECTED -> projection.gone(event.eventId(),
                    event.required(event.payload(StationEvents.BookingRejected.class).bookingId(), "bookingId"));
            case StationEvents.CANCELLED -> projection.gone(event.eventId(),
                    event.required(event.payload(StationEvents.BookingCancelled.class).bookingId(), "bookingId"));
            default -> projection.gone(event.eventId(),
                    event.required(event.payload(StationEvents.BookingNoShow.class).bookingId(), "bookingId"));
        });
    }
}
