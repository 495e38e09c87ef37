package sh.grassroots.org.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.events.Topics;
import sh.grassroots.org.tree.api.OrganizationApiTest;
import sh.grassroots.platform.outbox.OutboxRelay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OutboxPublishingTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxRelay relay;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;
    ConsumerTask<String, String> consumer;

    @BeforeEach
    void listen() {
        kafka = new KafkaCompanion(bootstrap);
        consumer = kafka.consumeStrings().withGroupId("outbox-test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.ORG_ORGANIZATION);
    }

    @AfterEach
    void stop() {
        consumer.close();
        kafka.close();
    }

    @Test
    void creating_an_organization_publishes_its_event_keyed_by_the_organization_id() throws Exception {
        String id = OrganizationApiTest.createCommittee("上海清算所党委 " + UUID.randomUUID());

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordFor(id), r -> r != null);
        JsonNode envelope = mapper.readTree(record.value());
        assertEquals("OrganizationCreated", envelope.path("type").asText());
        assertEquals(id, envelope.path("aggregateId").asText());
        assertEquals(id, envelope.path("payload").path("organizationId").asText());
        assertEquals("310110", envelope.path("district").asText());
        assertNotNull(envelope.path("occurredAt").asText(null));
        assertEquals(envelope.path("eventId").asText(), new String(record.headers().lastHeader("eventId").value()));

        await().atMost(Duration.ofSeconds(10)).until(() -> publishedAt(id) != null);
    }

    @Test
    void the_row_and_its_outbox_record_are_written_together() throws Exception {
        String id = OrganizationApiTest.createCommittee("东方证券党委 " + UUID.randomUUID());
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from organization o join outbox_event e on e.message_key = o.id::text where o.id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void an_event_carries_the_trace_context_of_the_request_that_caused_it() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        String traced = createCommitteeWithTraceparent("国泰君安党委 " + UUID.randomUUID(), traceparent);
        String untraced = createCommitteeWithTraceparent("海通证券党委 " + UUID.randomUUID(), "not-a-traceparent");

        // the request's trace, under the service's own span of it; the row keeps it for the relay
        String recorded = envelopeOf(traced).path("traceparent").asText();
        assertTrue(recorded.startsWith("00-" + traceId + "-"), recorded);
        assertEquals(recorded, traceparentColumnOf(traced));
        // a malformed traceparent is not passed on: the request starts a trace of its own
        String fresh = envelopeOf(untraced).path("traceparent").asText();
        assertTrue(fresh.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"), fresh);
        assertEquals(fresh, traceparentColumnOf(untraced));
    }

    @Test
    void the_relay_publishes_an_event_in_the_trace_of_the_request_that_recorded_it() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String id = createCommitteeWithTraceparent("申万宏源党委 " + UUID.randomUUID(), "00-" + traceId + "-00f067aa0ba902b7-01");

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordFor(id), r -> r != null);
        String header = new String(record.headers().lastHeader("traceparent").value(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(header.startsWith("00-" + traceId + "-"), header);
        assertTrue(!header.equals(traceparentColumnOf(id)), "the record names the relay's publish span, a child of the request's");
    }

    private String traceparentColumnOf(String organizationId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select traceparent from outbox_event where message_key = ?")) {
            s.setString(1, organizationId);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no outbox record for " + organizationId);
                return rs.getString(1);
            }
        }
    }

    private static String createCommitteeWithTraceparent(String name, String traceparent) {
        return sh.grassroots.org.testing.Districts.asAdmin().header("traceparent", traceparent)
                .contentType(io.restassured.http.ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"kind\":\"COMMITTEE\",\"districtCode\":\"310110\"}")
                .post("/api/v1/orgs/organizations").then().statusCode(201).extract().path("id");
    }

    private JsonNode envelopeOf(String organizationId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select envelope from outbox_event where message_key = ?")) {
            s.setString(1, organizationId);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no outbox record for " + organizationId);
                return mapper.readTree(rs.getString(1));
            }
        }
    }

    @Test
    void two_relays_running_at_once_publish_every_row_exactly_once() throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "insert into outbox_event (event_id, topic, message_key, event_type, envelope) values (?, ?, ?, 'RelayProbe', ?)")) {
            for (int i = 0; i < 300; i++) {
                UUID eventId = UUID.randomUUID();
                String key = "relay-probe-" + eventId;
                keys.add(key);
                insert.setObject(1, eventId);
                insert.setString(2, Topics.ORG_ORGANIZATION);
                insert.setString(3, key);
                insert.setString(4, "{\"eventId\":\"" + eventId + "\",\"type\":\"RelayProbe\"}");
                insert.addBatch();
            }
            insert.executeBatch();
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> drain = () -> {
                int total = 0;
                for (int i = 0; i < 40; i++) {
                    total += relay.publishBatch();
                }
                return total;
            };
            List<Future<Integer>> runs = pool.invokeAll(List.of(drain, drain));
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> countsByKey(keys).size() == keys.size());
        Thread.sleep(1000); // a duplicate would arrive right behind the original
        Map<String, Long> counts = countsByKey(keys);
        assertEquals(keys.size(), counts.size());
        assertTrue(counts.values().stream().allMatch(n -> n == 1), "some rows were published twice: " + counts);
    }

    private Map<String, Long> countsByKey(List<String> keys) {
        var wanted = new java.util.HashSet<>(keys);
        return consumer.getRecords().stream().map(ConsumerRecord::key).filter(wanted::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private ConsumerRecord<String, String> recordFor(String key) {
        return consumer.getRecords().stream().filter(r -> key.equals(r.key())).findFirst().orElse(null);
    }

    private Object publishedAt(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select published_at from outbox_event where message_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }
}
