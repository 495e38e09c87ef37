package sh.grassroots.notifications.inbox.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.notifications.inbox.application.Notify;
import sh.grassroots.notifications.inbox.application.Projections;
import sh.grassroots.notifications.inbox.model.Kind;
import sh.grassroots.platform.outbox.ReceivedEvent;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * training.enrolment.v1: a seat held (with its deadline and the enrolment to accept), confirmed,
 * waitlisted (with the position), promoted, an offer expired, an enrolment cancelled by someone
 * other than the learner (an organizer, the session's cancellation, org-service's changes).
 */
@ApplicationScoped
public class EnrolmentEventsConsumer {
    static final String CONSUMER = "notification-service.enrolments";
    private static final Map<String, Kind> KINDS = Map.of(
            TrainingEvents.SEAT_OFFERED, Kind.SEAT_HELD,
            TrainingEvents.SEAT_OFFER_EXPIRED, Kind.SEAT_OFFER_EXPIRED,
            TrainingEvents.ENROLMENT_CONFIRMED, Kind.ENROLMENT_CONFIRMED,
            TrainingEvents.ENROLMENT_WAITLISTED, Kind.ENROLMENT_WAITLISTED,
            TrainingEvents.ENROLMENT_PROMOTED, Kind.ENROLMENT_PROMOTED,
            TrainingEvents.ENROLMENT_CANCELLED, Kind.ENROLMENT_CANCELLED);

    /** EnrolmentChanged with EnrolmentCancelled's extra field. */
    public record Enrolment(UUID enrolmentId, UUID sessionId, UUID personId, String status, long position,
                            OffsetDateTime offerExpiresAt, String reason, String cancelledBy) {
    }

    private final ObjectMapper mapper;
    private final Notify notify;
    private final Projections projections;

    public EnrolmentEventsConsumer(ObjectMapper mapper, Notify notify, Projections projections) {
        this.mapper = mapper;
        this.notify = notify;
        this.projections = projections;
    }

    @Incoming("training-enrolments")
    public Uni<Void> consume(String json) {
        return ReceivedEvent.consume(mapper, json, KINDS.keySet(), event -> {
            Enrolment e = event.payload(Enrolment.class);
            event.required(e.enrolmentId(), "enrolmentId");
            event.required(e.sessionId(), "sessionId");
            event.required(e.personId(), "personId");
            Kind kind = KINDS.get(event.type());
            if (kind == Kind.SEAT_HELD) {
                event.required(e.offerExpiresAt(), "offerExpiresAt");
            }
            return notify.once(CONSUMER, event.eventId(), () -> {
                if (kind == Kind.ENROLMENT_CANCELLED && "LEARNER".equals(e.cancelledBy())) {
                    return Uni.createFrom().nullItem(); // they did it themselves
                }
                return projections.session(e.sessionId()).map(known -> {
                    Map<String, String> facts = new HashMap<>(known);
                    facts.put("enrolmentId", e.enrolmentId().toString());
                    facts.put("sessionId", e.sessionId().toString());
                    if (kind == Kind.SEAT_HELD) {
                        facts.put("deadline", e.offerExpiresAt().toString());
                    }
                    if (kind == Kind.ENROLMENT_WAITLISTED) {
                        facts.put("position", Long.toString(e.position()));
                    }
                    if (kind == Kind.ENROLMENT_CANCELLED && e.reason() != null) {
                        facts.put("reason", e.reason());
                    }
                    return new Notify.Tell(e.personId().toString(), kind, facts);
                });
            });
        });
    }
}
