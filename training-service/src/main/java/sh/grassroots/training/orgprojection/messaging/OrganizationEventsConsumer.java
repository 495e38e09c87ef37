package sh.grassroots.training.orgprojection.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import sh.grassroots.events.EventEnvelope;
import sh.grassroots.events.OrganizationEvents;
import sh.grassroots.events.OrganizationEvents.OrganizationCreated;
import sh.grassroots.training.orgprojection.application.OrganizationProjector;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Reads org.organization.v1. Unknown event types are skipped (producers may add types);
 * a message that cannot be read at all fails and goes to the dead-letter topic.
 */
@ApplicationScoped
public class OrganizationEventsConsumer {
    static final String MOVED = "OrganizationMoved";
    static final String DISSOLVED = "OrganizationDissolved";
    private static final Logger LOG = Logger.getLogger(OrganizationEventsConsumer.class);

    private final ObjectMapper mapper;
    private final OrganizationProjector projector;

    public OrganizationEventsConsumer(ObjectMapper mapper, OrganizationProjector projector) {
        this.mapper = mapper;
        this.projector = projector;
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
        if (MOVED.equals(type) || DISSOLVED.equals(type)) {
            return change(type, envelope);
        }
        if (!OrganizationEvents.CREATED.equals(type)) {
            LOG.debugf("Skipping event type %s", type);
            return Uni.createFrom().voidItem();
        }
        EventEnvelope<OrganizationCreated> event;
        try {
            event = new EventEnvelope<>(
                    UUID.fromString(envelope.path("eventId").asText()), type, envelope.path("version").asInt(),
                    null, envelope.path("aggregateId").asText(), envelope.path("district").asText(null),
                    envelope.path("traceparent").asText(null),
                    mapper.treeToValue(envelope.path("payload"), OrganizationCreated.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Malformed " + type + " event", e));
        }
        if (event.payload() == null || event.payload().organizationId() == null) {
            return Uni.createFrom().failure(new IllegalArgumentException(type + " event without an organization id"));
        }
        return projector.onCreated(event).replaceWithVoid();
    }

    /**
     * OrganizationMoved and OrganizationDissolved are read by field name: their records are not yet
     * in the installed platform/events; the names here are those of OrganizationEvents.
     */
    private Uni<Void> change(String type, JsonNode envelope) {
        try {
            UUID eventId = UUID.fromString(envelope.path("eventId").asText());
            JsonNode p = envelope.path("payload");
            UUID organizationId = UUID.fromString(p.path("organizationId").asText());
            if (MOVED.equals(type)) {
                UUID newParent = p.path("newParentId").isNull() || p.path("newParentId").isMissingNode()
                        ? null : UUID.fromString(p.path("newParentId").asText());
                return projector.onMoved(eventId, organizationId, newParent).replaceWithVoid();
            }
            return projector.onDissolved(eventId, organizationId, LocalDate.parse(p.path("dissolvedOn").asText()))
                    .replaceWithVoid();
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Malformed " + type + " event", e));
        }
    }
}
