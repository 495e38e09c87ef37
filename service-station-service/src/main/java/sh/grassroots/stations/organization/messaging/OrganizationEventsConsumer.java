package sh.grassroots.stations.organization.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import sh.grassroots.events.OrganizationEvents;
import sh.grassroots.events.OrganizationEvents.OrganizationCreated;
import sh.grassroots.events.OrganizationEvents.OrganizationDissolved;
import sh.grassroots.events.OrganizationEvents.OrganizationMoved;
import sh.grassroots.platform.outbox.ReceivedEvent;
import sh.grassroots.stations.organization.application.OrganizationDissolution;
import sh.grassroots.stations.organization.application.OrganizationTree;

import java.util.Set;

/**
 * Reads org.organization.v1: Created and Moved keep the tree's shape, Dissolved also cancels the
 * organization's future bookings; other types are skipped. A message that cannot be read goes to
 * org.organization.v1.stations.dlq.
 */
@ApplicationScoped
public class OrganizationEventsConsumer {
    private static final Set<String> HANDLED = Set.of(OrganizationEvents.CREATED, OrganizationEvents.MOVED,
            OrganizationEvents.DISSOLVED);

    private final ObjectMapper mapper;
    private final OrganizationTree tree;
    private final OrganizationDissolution dissolution;

    public OrganizationEventsConsumer(ObjectMapper mapper, OrganizationTree tree, OrganizationDissolution dissolution) {
        this.mapper = mapper;
        this.tree = tree;
        this.dissolution = dissolution;
    }

    @Incoming("org-organizations")
    public Uni<Void> consume(String json) {
        return ReceivedEvent.consume(mapper, json, HANDLED, event -> {
            if (OrganizationEvents.CREATED.equals(event.type())) {
                OrganizationCreated created = event.payload(OrganizationCreated.class);
                event.required(created.organizationId(), "organizationId");
                event.required(created.districtCode(), "districtCode");
                event.required(created.name(), "name");
                event.required(created.kind(), "kind");
                return tree.onCreated(event.eventId(), created);
            }
            if (OrganizationEvents.MOVED.equals(event.type())) {
                OrganizationMoved moved = event.payload(OrganizationMoved.class);
                return tree.onMoved(event.eventId(), event.required(moved.organizationId(), "organizationId"),
                        moved.newParentId());
            }
            OrganizationDissolved dissolved = event.payload(OrganizationDissolved.class);
            return dissolution.onDissolved(event.eventId(), event.required(dissolved.organizationId(), "organizationId"),
                    dissolved.dissolvedOn());
        });
    }
}
