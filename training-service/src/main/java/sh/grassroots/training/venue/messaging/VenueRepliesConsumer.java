package sh.grassroots.training.venue.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import sh.grassroots.events.VenueEvents;
import sh.grassroots.events.VenueEvents.VenueCancelled;
import sh.grassroots.events.VenueEvents.VenueConfirmed;
import sh.grassroots.events.VenueEvents.VenueRejected;
import sh.grassroots.platform.outbox.ReceivedEvent;
import sh.grassroots.training.venue.application.VenueReplies;
import sh.grassroots.training.venue.model.VenueSaga;

import java.util.Set;
import java.util.UUID;

/**
 * Reads stations.venue.v1 (VenueConfirmed, VenueRejected, VenueCancelled) through platform/events' records.
 * Unknown types are skipped; an unreadable message fails and goes to the dead-letter topic.
 */
@ApplicationScoped
public class VenueRepliesConsumer {
    private final ObjectMapper mapper;
    private final VenueReplies replies;

    public VenueRepliesConsumer(ObjectMapper mapper, VenueReplies replies) {
        this.mapper = mapper;
        this.replies = replies;
    }

    @Incoming("stations-venue")
    public Uni<Void> consume(String json) {
        return ReceivedEvent.consume(mapper, json, Set.of(VenueEvents.CONFIRMED, VenueEvents.REJECTED,
                VenueEvents.CANCELLED), event -> {
            UUID sessionId;
            VenueSaga.Reply reply;
            if (VenueEvents.CONFIRMED.equals(event.type())) {
                VenueConfirmed confirmed = event.payload(VenueConfirmed.class);
                sessionId = confirmed.sessionId();
                reply = new VenueSaga.Confirmed(confirmed.requestId(), confirmed.bookingId());
            } else if (VenueEvents.CANCELLED.equals(event.type())) {
                VenueCancelled cancelled = event.payload(VenueCancelled.class);
                sessionId = cancelled.sessionId();
                reply = new VenueSaga.Cancelled(cancelled.requestId(), cancelled.bookingId(), cancelled.reason());
            } else {
                VenueRejected rejected = event.payload(VenueRejected.class);
                sessionId = rejected.sessionId();
                reply = new VenueSaga.Rejected(rejected.requestId(), rejected.rule(), rejected.reason());
            }
            event.required(reply.requestId(), "requestId");
            return replies.apply(event.eventId(), event.required(sessionId, "sessionId"), reply);
        });
    }
}
