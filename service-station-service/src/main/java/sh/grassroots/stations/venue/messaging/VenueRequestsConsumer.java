package sh.grassroots.stations.venue.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import sh.grassroots.events.VenueEvents;
import sh.grassroots.events.VenueEvents.VenueReleased;
import sh.grassroots.events.VenueEvents.VenueRequested;
import sh.grassroots.platform.outbox.ReceivedEvent;
import sh.grassroots.stations.venue.application.VenueService;

import java.util.Set;

/**
 * Reads training.venue.v1 (VenueRequested, VenueReleased). Unknown types are skipped; a message
 * that cannot be read fails and goes to training.venue.v1.dlq. Unknown fields are ignored, as
 * the event conventions ask.
 */
@ApplicationScoped
public class VenueRequestsConsumer {
    private final ObjectMapper mapper;
    private final VenueService venues;

    public VenueRequestsConsumer(ObjectMapper mapper, VenueService venues) {
        this.mapper = mapper;
        this.venues = venues;
    }

    @Incoming("training-venue")
    public Uni<Void> consume(String json) {
        return ReceivedEvent.consume(mapper, json, Set.of(VenueEvents.REQUESTED, VenueEvents.RELEASED), event -> {
            if (VenueEvents.REQUESTED.equals(event.type())) {
                VenueRequested request = event.payload(VenueRequested.class);
                event.required(request.requestId(), "requestId");
                event.required(request.sessionId(), "sessionId");
                return venues.onRequested(event.eventId(), request);
            }
            VenueReleased released = event.payload(VenueReleased.class);
            event.required(released.requestId(), "requestId");
            return venues.onReleased(event.eventId(), released);
        });
    }
}
