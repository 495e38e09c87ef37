package sh.grassroots.platform.outbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;
import sh.grassroots.events.EventEnvelope;
import sh.grassroots.events.OrganizationEvents;
import sh.grassroots.events.OrganizationEvents.OrganizationMoved;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceivedEventTest {
    // as strict as the services' own mapper: unknown properties fail unless the reader allows them
    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final UUID eventId = UUID.randomUUID();
    private final UUID org = UUID.randomUUID();
    private final List<OrganizationMoved> moved = new ArrayList<>();

    private String envelope(String type, String eventId, String payload) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"version\":1,"
                + "\"occurredAt\":\"2026-11-29T10:00:00+08:00\",\"aggregateId\":\"" + org + "\",\"district\":\"310110\","
                + "\"addedLater\":true,\"payload\":" + payload + "}";
    }

    private Uni<Void> consume(String json) {
        return ReceivedEvent.consume(mapper, json, Set.of(OrganizationEvents.MOVED), event -> {
            OrganizationMoved m = event.payload(OrganizationMoved.class);
            event.required(m.organizationId(), "organizationId");
            event.eventId();
            moved.add(m);
            return Uni.createFrom().voidItem();
        });
    }

    private Throwable failure(String json) {
        return assertThrows(RuntimeException.class, () -> consume(json).await().indefinitely());
    }

    @Test
    void a_handled_type_reaches_the_handler_and_fields_added_later_are_ignored() {
        consume(envelope(OrganizationEvents.MOVED, eventId.toString(),
                "{\"organizationId\":\"" + org + "\",\"newParentId\":null,\"movedBy\":\"someone\"}")).await().indefinitely();
        assertEquals(1, moved.size());
        assertEquals(org, moved.get(0).organizationId());
        assertNull(moved.get(0).newParentId());
    }

    @Test
    void other_types_are_skipped_even_when_their_payload_would_not_fit() {
        consume(envelope("OrganizationRenamed", "not-a-uuid", "42")).await().indefinitely();
        assertTrue(moved.isEmpty());
    }

    @Test
    void what_cannot_be_read_is_dead_lettered_at_once_with_the_reason() {
        assertEquals(DeadLetter.UNREADABLE, deadLetter(failure("not json")).reason());
        assertEquals(DeadLetter.UNREADABLE, deadLetter(failure("[1,2]")).reason());
        for (String invalid : List.of(
                envelope(OrganizationEvents.MOVED, "not-a-uuid", "{\"organizationId\":\"" + org + "\"}"),
                envelope(OrganizationEvents.MOVED, eventId.toString(), "{\"organizationId\":\"not-a-uuid\"}"),
                envelope(OrganizationEvents.MOVED, eventId.toString(), "{\"newParentId\":null}"),
                envelope(OrganizationEvents.MOVED, eventId.toString(), "null"))) {
            DeadLetter letter = deadLetter(failure(invalid));
            assertEquals(DeadLetter.INVALID, letter.reason());
            assertTrue(letter.getMessage().startsWith("invalid-for-schema: OrganizationMoved "), letter.getMessage());
        }
        assertTrue(moved.isEmpty());
    }

    private static DeadLetter deadLetter(Throwable failure) {
        return assertInstanceOf(DeadLetter.class, failure);
    }

    private final Redelivery quick = new Redelivery(Duration.ofMillis(1), Duration.ofMillis(5), 3);

    @Test
    void a_transient_database_failure_is_retried_until_it_applies_however_long_it_lasts() {
        AtomicInteger attempts = new AtomicInteger();
        Throwable refused = new IllegalStateException("could not open a session",
                new SQLException("database \"training\" is not currently accepting connections", "55000"));
        ReceivedEvent.consume(mapper, envelope(OrganizationEvents.MOVED, eventId.toString(), "{}"),
                Set.of(OrganizationEvents.MOVED), event -> attempts.incrementAndGet() < 20
                        ? Uni.createFrom().failure(refused) : Uni.createFrom().voidItem(), quick).await().indefinitely();
        assertEquals(20, attempts.get(), "retried far beyond the attempts an unexpected failure gets");
    }

    @Test
    void another_failure_is_retried_a_few_times_then_dead_lettered_with_its_cause() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("projection bug");
        Uni<Void> result = ReceivedEvent.consume(mapper, envelope(OrganizationEvents.MOVED, eventId.toString(), "{}"),
                Set.of(OrganizationEvents.MOVED), event -> {
                    attempts.incrementAndGet();
                    return Uni.createFrom().failure(boom);
                }, quick);
        DeadLetter letter = assertThrows(DeadLetter.class, () -> result.await().indefinitely());
        assertEquals(3, attempts.get());
        assertEquals(DeadLetter.GAVE_UP, letter.reason());
        assertEquals(boom, letter.getCause());
        assertTrue(letter.getMessage().contains("projection bug"), letter.getMessage());
    }

    @Test
    void a_payload_found_malformed_inside_the_handlers_pipeline_is_dead_lettered_without_retries() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<Void> result = ReceivedEvent.consume(mapper, envelope(OrganizationEvents.MOVED, eventId.toString(), "{}"),
                Set.of(OrganizationEvents.MOVED), event -> Uni.createFrom().voidItem().invoke(() -> {
                    attempts.incrementAndGet();
                    event.required(null, "organizationId");
                }), quick);
        assertEquals(DeadLetter.INVALID, assertThrows(DeadLetter.class, () -> result.await().indefinitely()).reason());
        assertEquals(1, attempts.get());
    }

    @Test
    void backoff_doubles_up_to_its_ceiling() {
        Redelivery policy = new Redelivery(Duration.ofMillis(200), Duration.ofSeconds(10), 5);
        assertEquals(Duration.ofMillis(200), policy.backoff(1));
        assertEquals(Duration.ofMillis(400), policy.backoff(2));
        assertEquals(Duration.ofMillis(6400), policy.backoff(6));
        assertEquals(Duration.ofSeconds(10), policy.backoff(7));
        assertEquals(Duration.ofSeconds(10), policy.backoff(500));
    }

    @Test
    void the_whole_envelope_can_be_read_with_its_payload_record() {
        EventEnvelope<OrganizationMoved> whole = ReceivedEvent.read(mapper, envelope(OrganizationEvents.MOVED,
                eventId.toString(), "{\"organizationId\":\"" + org + "\"}")).envelope(OrganizationMoved.class);
        assertEquals(eventId, whole.eventId());
        assertEquals("310110", whole.district());
        assertEquals(org, whole.payload().organizationId());
    }

    @Test
    void events_recorded_while_handling_an_event_continue_its_trace() {
        Outbox outbox = new Outbox(mapper, java.time.Clock.systemUTC());
        List<String> recordedUnder = new ArrayList<>();
        String traced = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String payload = "{\"organizationId\":\"" + org + "\"}";
        String withTrace = envelope(OrganizationEvents.MOVED, eventId.toString(), payload)
                .replace("\"addedLater\":true", "\"traceparent\":\"" + traced + "\"");
        String withoutTrace = envelope(OrganizationEvents.MOVED, UUID.randomUUID().toString(), payload)
                .replace("\"addedLater\":true", "\"traceparent\":null");

        for (String json : List.of(withTrace, withoutTrace)) {
            ReceivedEvent.consume(mapper, json, Set.of(OrganizationEvents.MOVED), event -> {
                recordedUnder.add(outbox.envelope("Reply", 1, org.toString(), "310110", "payload").traceparent());
                return Uni.createFrom().voidItem();
            }).await().indefinitely();
        }

        assertEquals(traced, recordedUnder.get(0));
        assertNull(recordedUnder.get(1), "an event without a trace must not inherit the previous one's");
        assertEquals(traced, ReceivedEvent.read(mapper, withTrace).traceparent());
    }
}
