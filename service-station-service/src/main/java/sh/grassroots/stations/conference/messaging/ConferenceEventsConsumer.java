package sh.grassroots.stations.conference.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import sh.grassroots.events.ConferenceEvents;
import sh.grassroots.events.ConferenceEvents.MemberUnitJoined;
import sh.grassroots.events.ConferenceEvents.MemberUnitLeft;
import sh.grassroots.platform.outbox.ReceivedEvent;
import sh.grassroots.stations.conference.application.MemberUnits;

import java.util.Set;

/**
 * Reads org.conference.v1 for member units joining and leaving (ConferenceCreated and unknown
 * types are skipped: a unit's event carries its conference's host district). A message that
 * cannot be read goes to org.conference.v1.stations.dlq.
 */
@ApplicationScoped
public class ConferenceEventsConsumer {
    private final ObjectMapper mapper;
    private final MemberUnits units;

    public ConferenceEventsConsumer(ObjectMapper mapper, MemberUnits units) {
        this.mapper = mapper;
        this.units = units;
    }

    @Incoming("org-conferences")
    public Uni<Void> consume(String json) {
        return ReceivedEvent.consume(mapper, json, Set.of(ConferenceEvents.UNIT_JOINED, ConferenceEvents.UNIT_LEFT),
                event -> {
                    if (ConferenceEvents.UNIT_JOINED.equals(event.type())) {
                        MemberUnitJoined joined = event.payload(MemberUnitJoined.class);
                        event.required(joined.unitId(), "unitId");
                        event.required(joined.conferenceId(), "conferenceId");
                        event.required(joined.hostDistrict(), "hostDistrict");
                        return units.onJoined(event.eventId(), joined);
                    }
                    MemberUnitLeft left = event.payload(MemberUnitLeft.class);
                    event.required(left.unitId(), "unitId");
                    event.required(left.conferenceId(), "conferenceId");
                    return units.onLeft(event.eventId(), left);
                });
    }
}
