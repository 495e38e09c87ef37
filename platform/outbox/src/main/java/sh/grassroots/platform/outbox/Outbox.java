package sh.grassroots.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;
import sh.grassroots.events.EventEnvelope;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Records events in the caller's transaction. Call it from inside
 * {@code Panache.withTransaction}/{@code @WithTransaction}, never after the commit: an event
 * written after the commit is lost if the process dies in between.
 */
@ApplicationScoped
public class Outbox {
    /**
     * The log context (MDC) key of the W3C traceparent under which the current work runs: set
     * for an HTTP request by platform/web's RequestIdFilter, and for a received event by
     * {@link ReceivedEvent#consume}. Every envelope recorded meanwhile carries it.
     */
    public static final String TRACEPARENT_MDC_KEY = "traceparent";
    private final ObjectMapper mapper;
    private final Clock clock;

    public Outbox(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public <P> EventEnvelope<P> envelope(String type, int version, String aggregateId, String district, P payload) {
        Object traceparent = MDC.get(TRACEPARENT_MDC_KEY);
        return new EventEnvelope<>(UUID.randomUUID(), type, version, OffsetDateTime.now(clock),
                aggregateId, district, traceparent == null ? null : traceparent.toString(), payload);
    }

    /** Adds the event to the current transaction; the message key is the aggregate id. */
    public Uni<Void> record(String topic, EventEnvelope<?> event) {
        String json;
        try {
            json = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Event cannot be serialised: " + event.type(), e));
        }
        return OutboxEvent.of(event.eventId(), topic, event.aggregateId(), event.type(), json)
                .persist().replaceWithVoid();
    }
}
