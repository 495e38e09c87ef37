package sh.grassroots.training.venue.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import sh.grassroots.events.VenueEvents;
import sh.grassroots.training.venue.application.VenueReplies;
import sh.grassroots.training.venue.model.VenueSaga;

import java.util.UUID;

/**
 * Reads stations.venue.v1 (VenueConfirmed, VenueRejected) through platform/events' records.
 * Unknown types are skipped; an unreadable message fails and goes to the dead-letter topic.
 */
@ApplicationScoped
public class VenueRepliesConsumer {
    private static final Logger LOG = Logger.getLogger(VenueRepliesConsumer.class);

    private final ObjectMapper mapper;
    private final VenueReplies replies;

    public VenueRepliesConsumer(ObjectMapper mapper, VenueReplies replies) {
        this.mapper = mapper;
        this.replies = replies;
    }

    @Incoming("stations-venue")
    public Uni<Void> consume(String json) {
        String type;
        UUID eventId;
        UUID sessionId;
        VenueSaga.Reply reply;
        try {
            JsonNode envelope = mapper.readTree(json);
            type = envelope.path("type").asText();
            if (!VenueEvents.CONFIRMED.equals(type) && !VenueEvents.REJECTED.equals(type)) {
                LOG.debugf("Skipping event type %s", type);
                return Uni.createFrom().voidItem();
            }
            eventId = UUID.fromString(envelope.path("eventId").asText());
            // the payload records are read leniently: consumers ignore fields added later
            JsonNode payload = envelope.path("payload");
            if (VenueEvents.CONFIRMED.equals(type)) {
                var p = mapper.readerFor(VenueEvents.VenueConfirmed.class)
                        .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .<VenueEvents.VenueConfirmed>readValue(payload);
                sessionId = p.sessionId();
                reply = new VenueSaga.Confirmed(p.requestId(), p.bookingId());
            } else {
                var p = mapper.readerFor(VenueEvents.VenueRejected.class)
                        .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .<VenueEvents.VenueRejected>readValue(payload);
                sessionId = p.sessionId();
                reply = new VenueSaga.Rejected(p.requestId(), p.rule(), p.reason());
            }
            if (sessionId == null || reply.requestId() == null) {
                throw new IllegalArgumentException("no sessionId or requestId");
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Malformed venue reply", e));
        }
        return replies.apply(eventId, sessionId, reply).replaceWithVoid();
    }
}
