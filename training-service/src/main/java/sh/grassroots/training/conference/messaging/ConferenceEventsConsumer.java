package sh.grassroots.training.conference.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import sh.grassroots.events.ConferenceEvents;
import sh.grassroots.events.ConferenceEvents.ConferenceCreated;
import sh.grassroots.events.ConferenceEvents.MemberUnitJoined;
import sh.grassroots.events.ConferenceEvents.MemberUnitLeft;
import sh.grassroots.events.ConferenceEvents.UnitStaffLeft;
import sh.grassroots.events.ConferenceEvents.UnitStaffRegistered;
import sh.grassroots.platform.outbox.ReceivedEvent;
import sh.grassroots.training.conference.application.ConferenceProjector;
import sh.grassroots.training.learner.application.UnitStaffProjector;

import java.util.Set;

/**
 * Reads org.conference.v1 (ConferenceCreated, MemberUnitJoined, MemberUnitLeft, and the units'
 * staff as learners: UnitStaffRegistered, UnitStaffLeft). Unknown types
 * are skipped; a message that cannot be read, or lacks what the projection keys on, fails and
 * goes to the dead-letter topic.
 */
@ApplicationScoped
public class ConferenceEventsConsumer {
    private static final Set<String> HANDLED = Set.of(
            ConferenceEvents.CREATED, ConferenceEvents.UNIT_JOINED, ConferenceEvents.UNIT_LEFT,
            ConferenceEvents.STAFF_REGISTERED, ConferenceEvents.STAFF_LEFT);

    private final ObjectMapper mapper;
    private final ConferenceProjector projector;
    private final UnitStaffProjector staff;

    public ConferenceEventsConsumer(ObjectMapper mapper, ConferenceProjector projector, UnitStaffProjector staff) {
        this.mapper = mapper;
        this.projector = projector;
        this.staff = staff;
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
            if (ConferenceEvents.STAFF_REGISTERED.equals(event.type())) {
                UnitStaffRegistered registered = event.payload(UnitStaffRegistered.class);
                event.required(registered.unitId(), "unitId");
                event.required(registered.personId(), "personId");
                return staff.onRegistered(event.eventId(), registered);
            }
            if (ConferenceEvents.STAFF_LEFT.equals(event.type())) {
                UnitStaffLeft staffLeft = event.payload(UnitStaffLeft.class);
                event.required(staffLeft.unitId(), "unitId");
                event.required(staffLeft.personId(), "personId");
                return staff.onLeft(event.eventId(), staffLeft);
            }
            MemberUnitLeft left = event.payload(MemberUnitLeft.class);
            event.required(left.unitId(), "unitId");
            event.required(left.leftOn(), "leftOn");
            return projector.onUnitLeft(event.eventId(), left);
        });
    }
}
