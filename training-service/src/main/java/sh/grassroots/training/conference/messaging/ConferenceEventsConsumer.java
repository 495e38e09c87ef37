package sh.grassroots.training.conference.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import sh.grassroots.events.ConferenceEvents;
import sh.grassroots.events.ConferenceEvents.ConferenceCreated;
import sh.grassroots.events.ConferenceEvents.MemberUnitJoined;
import sh.grassroots.events.ConferenceEvents.MemberUnitLeft;
import sh.grassroots.platform.outbox.ReceivedEvent;
import sh.grassroots.training.conference.application.ConferenceProjector;

import java.util.Set;

/**
 * Reads org.conference.v1 (ConferenceCreated, MemberUnitJoined, MemberUnitLeft). Unknown types
 * are skipped; a message that cannot be read, or lacks what the projection keys on, fails and
 * goes to the dead-letter topic.
 */
@ApplicationScoped
public class ConferenceEventsConsumer {
    private static final Set<String> HANDLED = Set.of(
            ConferenceEvents.CREATED, ConferenceEvents.UNIT_JOINED, ConferenceEvents.UNIT_LEFT);

    private final ObjectMapper mapper;
    private final ConferenceProjector projector;

    public ConferenceEventsConsumer(ObjectMapper mapper, ConferenceProjector projector) {
        this.mapper = mapper;
        this.projector = projector;
    }

    @Incoming("org-conferences")
    public Uni<Void> consume(String json) {
        return ReceivedEvent.consume(mapper, json, HANDLED, event -> {
            if (ConferenceEvents.CREATED.equals(event.type())) {
                ConferenceCreated created = event.payload(ConferenceCreated.class);
                event.required(created.conferenceId(), "conferenceId");
                event.required(created.hostDistrict(), "hostDistrict");
                return projector.onCreated(event.eventId(), created);
            }
            if (ConferenceEvents.UNIT_JOINED.equals(event.type())) {
                MemberUnitJoined joined = event.payload(MemberUnitJoined.class);
                event.required(joined.conferenceId(), "conferenceId");
                event.required(joined.unitId(), "unitId");
                event.required(joined.hostDistrict(), "hostDistrict");
                return projector.onUnitJoined(event.eventId(), joined);
            }
            MemberUnitLeft left = event.payload(MemberUnitLeft.class);
            event.required(left.unitId(), "unitId");
            event.required(left.leftOn(), "leftOn");
            return projector.onUnitLeft(event.eventId(), left);
        });
    }
}
