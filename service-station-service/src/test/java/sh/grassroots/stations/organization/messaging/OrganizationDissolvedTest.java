package sh.grassroots.stations.organization.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.stations.support.TestClock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asManager;
import static sh.grassroots.stations.support.Api.bookAs;
import static sh.grassroots.stations.support.Api.booking;

/** org-service says an organization is dissolved: its bookings that have not started give their rooms back. */
@QuarkusTest
class OrganizationDissolvedTest {
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @Inject
    TestClock clock;
    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;
    ConsumerTask<String, String> bookingEvents;

    @BeforeEach
    void setUp() {
        clock.reset();
        kafka = new KafkaCompanion(bootstrap);
        bookingEvents = kafka.consumeStrings().withGroupId("dissolved-test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics("stations.booking.v1");
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        bookingEvents.close();
        kafka.close();
    }

    private void dissolved(UUID eventId, UUID organizationId) {
        String json = """
                {"eventId":"%s","type":"OrganizationDissolved","version":1,"occurredAt":"2026-12-02T15:00:00+08:00",
                 "aggregateId":"%s","district":"310101","traceparent":null,
                 "payload":{"organizationId":"%s","dissolvedOn":"2026-12-02","documentNumber":"黄组〔2026〕12号"}}"""
                .formatted(eventId, organizationId, organizationId);
        kafka.produceStrings().fromRecords(new ProducerRecord<>("org.organization.v1", organizationId.toString(), json))
                .awaitCompletion();
    }

    @Test
    void a_dissolved_branchs_future_bookings_are_cancelled_once_with_an_event_and_the_rest_stay() throws Exception {
        String station = aStation();
        String room = aRoom(station, 20);
        UUID branch = UUID.randomUUID();
        String other = UUID.randomUUID().toString();
        String started = bookAs(branch.toString(), station, room, "2026-12-02T14:00:00+08:00", "2026-12-02T16:00:00+08:00")
                .then().statusCode(201).extract().path("id");
        String future = bookAs(branch.toString(), station, room, "2026-12-03T14:00:00+08:00", "2026-12-03T16:00:00+08:00")
                .then().statusCode(201).extract().path("id");
        String someoneElses = bookAs(other, station, room, "2026-12-04T14:00:00+08:00", "2026-12-04T16:00:00+08:00")
                .then().statusCode(201).extract().path("id");
        clock.set(OffsetDateTime.parse("2026-12-02T15:00:00+08:00").toInstant());

        UUID eventId = UUID.randomUUID();
        dissolved(eventId, branch);
        await().atMost(PATIENCE).untilAsserted(() -> asManager().get(booking(station, future)).then()
                .body("status", equalTo("CANCELLED"))
                .body("statusReason", equalTo("ORGANIZATION_DISSOLVED")));
        asManager().get(booking(station, started)).then().body("status", equalTo("CONFIRMED"));
        asManager().get(booking(station, someoneElses)).then().body("status", equalTo("CONFIRMED"));

        // Delivered again, then a later event on the same key: the duplicate was consumed before it.
        dissolved(eventId, branch);
        UUID later = UUID.randomUUID();
        dissolved(later, branch);
        await().atMost(PATIENCE).until(() -> count("select count(*) from processed_event where event_id = '" + later
                + "' and consumer = 'service-station-service.organizations'") == 1);
        assertEquals(1, count("select count(*) from outbox_event where message_key = '" + future
                + "' and event_type = 'BookingCancelled'"));

        List<JsonNode> cancelled = await().atMost(PATIENCE).until(() -> eventsOf(future, "BookingCancelled"),
                l -> !l.isEmpty());
        assertEquals("ORGANIZATION_DISSOLVED", cancelled.get(0).path("payload").path("reason").asText());
    }

    private List<JsonNode> eventsOf(String bookingId, String type) {
        return bookingEvents.getRecords().stream().filter(r -> bookingId.equals(r.key())).map(r -> {
            try {
                return mapper.readTree(r.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(n -> type.equals(n.path("type").asText())).toList();
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
