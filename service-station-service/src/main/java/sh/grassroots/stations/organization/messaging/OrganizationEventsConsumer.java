package sh.grassroots.stations.organization.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import sh.grassroots.events.OrganizationEvents;
import sh.grassroots.events.OrganizationEvents.OrganizationDissolved;
import sh.grassroots.platform.outbox.ReceivedEvent;
import sh.grassroots.stations.organization.application.OrganizationDissolution;

import java.util.Set;

/**
 * Reads org.organization.v1 for the one event stations care about, OrganizationDissolved; other
 * types are skipped. A message that cannot be read goes to org.organization.v1.stations.dlq.
 */
@ApplicationScoped
public class OrganizationEventsConsumer {
    private final ObjectMapper mapper;
    private final OrganizationDissolution dissolution;

    public OrganizationEventsConsumer(ObjectMapper mapper, OrganizationDissolution dissolution) {
        this.mapper = mapper;
        this.dissolution = dissolution;
    }

    @Incoming("org-organizations")
    public Uni<Void> consume(String json) {
        return ReceivedEvent.consume(mapper, json, Set.of(OrganizationEvents.DISSOLVED), event -> {
            OrganizationDissolved dissolved = event.payload(OrganizationDissolved.class);
            return dissolution.onDissolved(event.eventId(), event.required(dissolved.organizationId(), "organizationId"));
        });
    }
}
