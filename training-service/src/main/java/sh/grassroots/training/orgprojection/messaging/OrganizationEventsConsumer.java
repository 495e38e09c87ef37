package sh.grassroots.training.orgprojection.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import sh.grassroots.events.EventEnvelope;
import sh.grassroots.events.OrganizationEvents;
import sh.grassroots.events.OrganizationEvents.OrganizationCreated;
import sh.grassroots.events.OrganizationEvents.OrganizationDissolved;
import sh.grassroots.events.OrganizationEvents.OrganizationMoved;
import sh.grassroots.platform.outbox.ReceivedEvent;
import sh.grassroots.training.orgprojection.application.OrganizationProjector;

import java.util.Set;

/**
 * Reads org.organization.v1 (OrganizationCreated, OrganizationMoved, OrganizationDissolved).
 * Unknown event types are skipped (producers may add types); a message that cannot be read
 * fails and goes to the dead-letter topic.
 */
@ApplicationScoped
public class OrganizationEventsConsumer {
    private static final Set<String> HANDLED = Set.of(
            OrganizationEvents.CREATED, OrganizationEvents.MOVED, OrganizationEvents.DISSOLVED);

    private final ObjectMapper mapper;
    private final OrganizationProjector projector;

    public OrganizationEventsConsumer(ObjectMapper mapper, OrganizationProjector projector) {
        this.mapper = mapper;
        this.projector = projector;
    }

    @Incoming("org-organizations")
    public Uni<Void> consume(String json) {
        return ReceivedEvent.consume(mapper, json, HANDLED, event -> {
            if (OrganizationEvents.CREATED.equals(event.type())) {
                EventEnvelope<OrganizationCreated> created = event.envelope(OrganizationCreated.class);
                event.required(created.payload().organizationId(), "organizationId");
                return projector.onCreated(created);
            }
            if (OrganizationEvents.MOVED.equals(event.type())) {
                OrganizationMoved moved = event.payload(OrganizationMoved.class);
                return projector.onMoved(event.eventId(), event.required(moved.organizationId(), "organizationId"),
                        moved.newParentId());
            }
            OrganizationDissolved dissolved = event.payload(OrganizationDissolved.class);
            return projector.onDissolved(event.eventId(), event.required(dissolved.organizationId(), "organizationId"),
                    event.required(dissolved.dissolvedOn(), "dissolvedOn"));
        });
    }
}
