package sh.grassroots.notifications.inbox.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.events.TrainingEvents.SessionScheduled;
import sh.grassroots.notifications.inbox.application.Projections;
import sh.grassroots.platform.outbox.ReceivedEvent;

import java.util.Set;

/**
 * training.session.v1: SessionScheduled, for the course title and start the enrolment texts
 * name. A cancelled session is told through its enrolments' EnrolmentCancelled, one per person.
 */
@ApplicationScoped
public class SessionEventsConsumer {
    private final ObjectMapper mapper;
    private final Projections projections;

    public SessionEventsConsumer(ObjectMapper mapper, Projections projections) {
        this.mapper = mapper;
        this.projections = projections;
    }

    @Incoming("training-sessions")
    public Uni<Void> consume(String json) {
        return ReceivedEvent.consume(mapper, json, Set.of(TrainingEvents.SESSION_SCHEDULED), event -> {
            SessionScheduled s = event.payload(SessionScheduled.class);
            event.required(s.sessionId(), "sessionId");
            event.required(s.startsAt(), "startsAt");
            return projections.sessionScheduled(s.sessionId(), s.courseTitle() == null ? "" : s.courseTitle(), s.startsAt());
        });
    }
}
