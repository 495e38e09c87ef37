package sh.grassroots.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import sh.grassroots.events.EventEnvelope;

import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * An event as a consumer receives it (see {@code EventEnvelope}): its type and id, and its
 * payload read into the platform/events record the type names.
 * <p>
 * Lenient where the event conventions ask it to be: unknown types are skipped and unknown
 * fields ignored, so producers can add both. Strict where a consumer needs it: a message that is
 * not an envelope, lacks a valid eventId, or whose payload does not fit its record is malformed
 * (an {@link IllegalArgumentException}); {@link #consume} turns that into a {@link DeadLetter},
 * which sends the message to the consumer's dead-letter topic, and retries what may succeed later.
 */
public final class ReceivedEvent {
    private static final Logger LOG = Logger.getLogger(ReceivedEvent.class);

    private final ObjectMapper mapper;
    private final JsonNode envelope;
    private final String type;

    private ReceivedEvent(ObjectMapper mapper, JsonNode envelope) {
        this.mapper = mapper;
        this.envelope = envelope;
        this.type = envelope.path("type").asText("");
    }

    /**
     * Reads {@code json} and hands events of the {@code handled} types to {@code handler};
     * other types are skipped. What happens when it goes wrong depends on why (see
     * {@link Redelivery}): a message that is not an event, or whose payload does not fit its
     * record, fails at once with a {@link DeadLetter} (the consumer's dead-letter topic gets it,
     * the reason in its {@code dead-letter-reason} header); a transient database failure is
     * retried with backoff for as long as it lasts, so the event is not acknowledged and its
     * partition waits; any other failure is retried a few times, then dead-lettered.
     */
    public static Uni<Void> consume(ObjectMapper mapper, String json, Set<String> handled,
                                    Function<ReceivedEvent, Uni<?>> handler) {
        return consume(mapper, json, handled, handler, Redelivery.DEFAULT);
    }

    /** As {@link #consume(ObjectMapper, String, Set, Function)}, with the given retry policy. */
    public static Uni<Void> consume(ObjectMapper mapper, String json, Set<String> handled,
                                    Function<ReceivedEvent, Uni<?>> handler, Redelivery redelivery) {
        ReceivedEvent event;
        try {
            event = read(mapper, json);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(DeadLetter.unreadable(e));
        }
        if (!handled.contains(event.type())) {
            LOG.debugf("Skipping event type %s", event.type());
            return Uni.createFrom().voidItem();
        }
        return traced(event, () -> redelivery.attempt(event, () -> {
            try {
                return handler.apply(event).replaceWithVoid();
            } catch (IllegalArgumentException e) { // the payload does not fit the event's record
                return Uni.createFrom().failure(DeadLetter.invalid(event, e));
            } catch (RuntimeException e) { // a handler that threw instead of failing its Uni
                return Uni.createFrom().failure(e);
            }
        }));
    }

    /**
     * The context the handling continues. The messaging instrumentation makes current a span
     * read from the record's headers: the relay's publish span, in the trace the envelope names;
     * that is the closer parent. A record without trace headers (another producer, a test) gets a
     * fresh trace from the instrumentation instead: then the envelope's traceparent is the one
     * that continues the work that recorded the event.
     */
    private static Context parentOf(ReceivedEvent event) {
        Context current = Context.current();
        SpanContext active = Span.fromContext(current).getSpanContext();
        Context recorded = EventTracing.contextOf(event.traceparent());
        SpanContext envelope = Span.fromContext(recorded).getSpanContext();
        if (!envelope.isValid() || active.isValid() && active.getTraceId().equals(envelope.getTraceId())) {
            return current;
        }
        return recorded;
    }

    /**
     * Runs the handling in a consumer span, current until it ends, so that what the handler does
     * (its database calls, the events it records) belongs to the trace of the work that recorded
     * this event ({@link #parentOf}).
     */
    private static Uni<Void> traced(ReceivedEvent event, java.util.function.Supplier<Uni<Void>> handling) {
        return Uni.createFrom().deferred(() -> {
            Context parent = parentOf(event);
            Span span = EventTracing.tracer().spanBuilder(event.type() + " process")
                    .setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.operation.type", "process")
                    .setAttribute("messaging.message.id", event.envelope.path("eventId").asText())
                    .startSpan();
            Scope scope = parent.with(span).makeCurrent();
            Uni<Void> handled;
            try {
                handled = handling.get();
            } catch (RuntimeException e) {
                handled = Uni.createFrom().failure(e);
            }
            return handled.onTermination().invoke((ignored, failure, cancelled) -> {
                if (failure != null) {
                    span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
                }
                span.end();
                scope.close();
            });
        });
    }

    String describe() {
        return type + " " + envelope.path("eventId").asText();
    }

    /** The W3C traceparent the event was recorded under, or null. */
    public String traceparent() {
        JsonNode traceparent = envelope.path("traceparent");
        return traceparent.isTextual() && !traceparent.asText().isBlank() ? traceparent.asText() : null;
    }

    /** Reads the envelope; the payload is read when asked for. */
    public static ReceivedEvent read(ObjectMapper mapper, String json) {
        JsonNode envelope;
        try {
            envelope = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEvent("Not a JSON event envelope", e);
        }
        if (envelope == null || !envelope.isObject()) {
            throw new MalformedEvent("Not a JSON event envelope");
        }
        return new ReceivedEvent(mapper, envelope);
    }

    public String type() {
        return type;
    }

    public UUID eventId() {
        try {
            return UUID.fromString(envelope.path("eventId").asText());
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent(type + " event without a valid eventId", e);
        }
    }

    /** The payload as its record; fields the record does not know are ignored. */
    public <P> P payload(Class<P> record) {
        P payload;
        try {
            payload = mapper.readerFor(record).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(envelope.path("payload"));
        } catch (java.io.IOException | RuntimeException e) {
            throw new MalformedEvent("Malformed " + type + " event", e);
        }
        if (payload == null) {
            throw new MalformedEvent(type + " event without a payload");
        }
        return payload;
    }

    /** The whole envelope with its payload record, for consumers that keep more than the payload. */
    public <P> EventEnvelope<P> envelope(Class<P> record) {
        EventEnvelope<P> whole;
        try {
            whole = mapper.readerFor(mapper.getTypeFactory().constructParametricType(EventEnvelope.class, record))
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(envelope);
        } catch (java.io.IOException | RuntimeException e) {
            throw new MalformedEvent("Malformed " + type + " event", e);
        }
        required(whole.eventId(), "eventId");
        required(whole.payload(), "payload");
        return whole;
    }

    /** A payload field the consumer cannot do without; {@code value} when present. */
    public <T> T required(T value, String field) {
        if (value == null) {
            throw new MalformedEvent(type + " event without " + field);
        }
        return value;
    }
}
