package sh.grassroots.stations.venue.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import sh.grassroots.events.VenueEvents;
import sh.grassroots.events.VenueEvents.VenueReleased;
import sh.grassroots.events.VenueEvents.VenueRequested;
import sh.grassroots.stations.venue.application.VenueService;

import java.util.UUID;

/**
 * Reads training.venue.v1. Unknown types are skipped; a message that cannot be read fails and goes
 * to training.venue.v1.dlq. Unknown fields are ignored, as the event conventions ask.
 */
@ApplicationScoped
public class VenueRequestsConsumer {
    private static final Logger LOG = Logger.getLogger(VenueRequestsConsumer.class);
    private final ObjectMapper mapper;
    private final VenueService venues;

    public VenueRequestsConsumer(ObjectMapper mapper, VenueService venues) {
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.venues = venues;
    }

    @Incoming("training-venue")
    public Uni<Void> consume(String json) {
        JsonNode envelope;
        UUID eventId;
        try {
            envelope = mapper.readTree(json);
            eventId = UUID.fromString(envelope.path("eventId").asText());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Not a JSON event envelope with an eventId", e));
        }
        String type = envelope.path("type").asText();
        try {
            if (VenueEvents.REQUESTED.equals(type)) {
                VenueRequested request = mapper.treeToValue(envelope.path("payload"), VenueRequested.class);
                if (request == null || request.requestId() == null || request.sessionId() == null) {
                    return Uni.createFrom().failure(new IllegalArgumentException("VenueRequested without requestId or sessionId"));
                }
                return logged(venues.onRequested(eventId, request), type, eventId);
            }
            if (VenueEvents.RELEASED.equals(type)) {
                VenueReleased released = mapper.treeToValue(envelope.path("payload"), VenueReleased.class);
                if (released == null || released.requestId() == null) {
                    return Uni.createFrom().failure(new IllegalArgumentException("VenueReleased without requestId"));
                }
                return logged(venues.onReleased(eventId, released), type, eventId);
            }
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Malformed " + type + " event", e));
        }
        LOG.debugf("Skipping event type %s", type);
        return Uni.createFrom().voidItem();
    }

    /** The failure goes to the dead-letter topic; the log says why. */
    private static Uni<Void> logged(Uni<Void> handling, String type, UUID eventId) {
        return handling.onFailure().invoke(f -> LOG.warnf(f, "%s %s could not be applied", type, eventId));
    }
}
