package sh.grassroots.notifications.inbox.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import sh.grassroots.events.StationEvents;
import sh.grassroots.events.StationEvents.BookingCancelled;
import sh.grassroots.events.StationEvents.BookingConfirmed;
import sh.grassroots.events.StationEvents.BookingRejected;
import sh.grassroots.events.StationEvents.BookingRequested;
import sh.grassroots.notifications.inbox.application.Notify;
import sh.grassroots.notifications.inbox.application.Projections;
import sh.grassroots.notifications.inbox.model.Kind;
import sh.grassroots.platform.outbox.ReceivedEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * stations.booking.v1: a member's own booking confirmed, rejected or cancelled. Rejections and
 * cancellations do not name the booker, so whom a booking is for is kept from BookingRequested
 * and BookingConfirmed (a member booking for themselves; organizations', units' and walk-ins'
 * bookings tell nobody here).
 */
@ApplicationScoped
public class BookingEventsConsumer {
    static final String CONSUMER = "notification-service.bookings";
    static final String MEMBER = "MEMBER";

    private final ObjectMapper mapper;
    private final Notify notify;
    private final Projections projections;

    public BookingEventsConsumer(ObjectMapper mapper, Notify notify, Projections projections) {
        this.mapper = mapper;
        this.notify = notify;
        this.projections = projections;
    }

    @Incoming("station-bookings")
    public Uni<Void> consume(String json) {
        Set<String> handled = Set.of(StationEvents.REQUESTED, StationEvents.CONFIRMED, StationEvents.REJECTED,
                StationEvents.CANCELLED);
        return ReceivedEvent.consume(mapper, json, handled, event -> switch (event.type()) {
            case StationEvents.REQUESTED -> {
                BookingRequested r = event.payload(BookingRequested.class);
                event.required(r.bookingId(), "bookingId");
                yield notify.once(CONSUMER, event.eventId(), () -> MEMBER.equals(r.bookerKind()) && r.bookerId() != null
                        ? projections.bookingFor(r.bookingId(), r.bookerId().toString()).replaceWith((Notify.Tell) null)
                        : Uni.createFrom().nullItem());
            }
            case StationEvents.CONFIRMED -> {
                BookingConfirmed c = event.payload(BookingConfirmed.class);
                event.required(c.bookingId(), "bookingId");
                if (!MEMBER.equals(c.bookerKind()) || c.bookerId() == null) {
                    yield Uni.createFrom().voidItem();
                }
                yield notify.once(CONSUMER, event.eventId(), () -> projections.bookingFor(c.bookingId(), c.bookerId().toString())
                        .map(ignored -> new Notify.Tell(c.bookerId().toString(), Kind.BOOKING_CONFIRMED,
                                facts(c.bookingId().toString(), c.start() == null ? null : c.start().toString(), null))));
            }
            case StationEvents.REJECTED -> {
                BookingRejected r = event.payload(BookingRejected.class);
                event.required(r.bookingId(), "bookingId");
                yield notify.once(CONSUMER, event.eventId(), () -> projections.recipientOf(r.bookingId())
                        .map(person -> person.map(p -> new Notify.Tell(p, Kind.BOOKING_REJECTED,
                                facts(r.bookingId().toString(), null, r.reason()))).orElse(null)));
            }
            default -> {
                BookingCancelled c = event.payload(BookingCancelled.class);
                event.required(c.bookingId(), "bookingId");
                yield notify.once(CONSUMER, event.eventId(), () -> projections.recipientOf(c.bookingId())
                        .map(person -> person.map(p -> new Notify.Tell(p, Kind.BOOKING_CANCELLED,
                                facts(c.bookingId().toString(), c.start() == null ? null : c.start().toString(), c.reason())))
                                .orElse(null)));
            }
        });
    }

    private static Map<String, String> facts(String bookingId, String start, String reason) {
        Map<String, String> facts = new HashMap<>();
        facts.put("bookingId", bookingId);
        facts.put("start", start);
        facts.put("reason", reason);
        return facts;
    }
}
