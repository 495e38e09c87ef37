package sh.grassroots.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final ObjectMapper mapper;
    private final Clock clock;

    public Outbox(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public <P> EventEnvelope<P> envelope(String type, int version, String aggregateId, String district, P payload) {
        return new EventEnvelope<>(UUID.randomUUID(), type, version, OffsetDateTime.now(clock),
                aggregateId, district, EventTracing.currentTraceparent(), payload);
    }

    /**
     * Adds the event to the current transaction; the message key is the aggregate id. The row
     * keeps the envelope's traceparent (the span of the request or event being handled), which the
     * relay continues when it publishes.
     */
    public Uni<Void> record(String topic, EventEnvelope<?> event) {
        String json;
        try {
            json = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Event cannot be serialised: " + event.type(), e));
        }
        return OutboxEvent.of(event.eventId(), topic, event.aggregateId(), event.type(), json, event.traceparent())
                .persist().replaceWithVoid();
    }
}
