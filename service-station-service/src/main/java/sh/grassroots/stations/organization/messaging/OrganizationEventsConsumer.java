package sh.grassroots.stations.organization.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import sh.grassroots.events.OrganizationEvents;
import sh.grassroots.stations.organization.application.OrganizationDissolution;

import java.util.UUID;

/**
 * Reads org.organization.v1 for the one event stations care about, OrganizationDissolved; other
 * types are skipped. A message that cannot be read goes to org.organization.v1.stations.dlq.
 */
@ApplicationScoped
public class OrganizationEventsConsumer {
    private static final Logger LOG = Logger.getLogger(OrganizationEventsConsumer.class);
    private final ObjectMapper mapper;
    private final OrganizationDissolution dissolution;

    public OrganizationEventsConsumer(ObjectMapper mapper, OrganizationDissolution dissolution) {
        this.mapper = mapper;
        this.dissolution = dissolution;
    }

    @Incoming("org-organizations")
    public Uni<Void> consume(String json) {
        JsonNode envelope;
        try {
            envelope = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Not a JSON event envelope", e));
        }
        String type = envelope.path("type").asText();
        if (!OrganizationEvents.DISSOLVED.equals(type)) {
            LOG.debugf("Skipping event type %s", type);
            return Uni.createFrom().voidItem();
        }
        UUID eventId;
        UUID organizationId;
        try {
            eventId = UUID.fromString(envelope.path("eventId").asText());
            organizationId = UUID.fromString(envelope.path("payload").path("organizationId").asText());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Malformed " + type + " event", e));
        }
        return logged(dissolution.onDissolved(eventId, organizationId).replaceWithVoid(), type, eventId);
    }

    /** The failure goes to the dead-letter topic; the log says why. */
    private static Uni<Void> logged(Uni<Void> handling, String type, UUID eventId) {
        return handling.onFailure().invoke(f -> LOG.warnf(f, "%s %s could not be applied", type, eventId));
    }
}
