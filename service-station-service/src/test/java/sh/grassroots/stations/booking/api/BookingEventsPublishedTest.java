package sh.grassroots.stations.booking.api;

import sh.grassroots.events.StationEvents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.stations.support.TestClock;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asManager;
import static sh.grassroots.stations.support.Api.book;
import static sh.grassroots.stations.support.Api.booking;

/** Booking events leave through the outbox to Kafka, keyed by booking id, in the order they happened. */
@QuarkusTest
class BookingEventsPublishedTest {
    private static final String TOPIC = "stations.booking.v1";

    @Inject
    TestClock clock;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;
    ConsumerTask<String, String> consumer;

    @BeforeEach
    void listen() {
        clock.reset();
        kafka = new KafkaCompanion(bootstrap);
        consumer = kafka.consumeStrings().withGroupId("stations-test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(TOPIC);
    }

    @AfterEach
    void stop() {
        consumer.close();
        kafka.close();
    }

    @Test
    void a_booking_and_its_cancellation_are_published_keyed_by_the_booking() throws Exception {
        String station = aStation();
        String room = aRoom(station, 20);
        String id = book(station, room, "2026-12-02T14:00:00+08:00", "2026-12-02T16:00:00+08:00", 10)
                .then().statusCode(201).extract().path("id");
        asManager().contentType(ContentType.JSON).body("{\"reason\":\"改期\"}").post(booking(station, id) + "/cancel")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsFor(id), r -> r.size() >= 2);
        JsonNode confirmed = mapper.readTree(records.get(0).value());
        JsonNode cancelled = mapper.readTree(records.get(1).value());
        assertEquals("BookingConfirmed", confirmed.path("type").asText());
        assertEquals(id, confirmed.path("aggregateId").asText());
        assertEquals(room, confirmed.path("payload").path("roomId").asText());
        assertEquals("310101", confirmed.path("district").asText());
        assertFalse(confirmed.path("eventId").asText().isEmpty());
        assertEquals("BookingCancelled", cancelled.path("type").asText());
        assertEquals("改期", cancelled.path("payload").path("reason").asText());
    }

    private List<ConsumerRecord<String, String>> recordsFor(String key) {
        return consumer.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }
}
