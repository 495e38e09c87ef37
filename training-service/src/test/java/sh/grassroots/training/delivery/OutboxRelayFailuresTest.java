package sh.grassroots.training.delivery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.outbox.OutboxRelay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay against the real broker with rows it cannot publish: a record larger than the
 * broker takes. What the broker acknowledged is published once, the failing row is parked with
 * its attempts and error, its aggregate's later row waits, other aggregates go on.
 */
@QuarkusTest
class OutboxRelayFailuresTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxRelay relay;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "outbox.relay.max-attempts", defaultValue = "5")
    int maxAttempts;

    KafkaCompanion kafka;
    final String topic = "relay-test-" + UUID.randomUUID();

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrap);
    }

    @AfterEach
    void close() throws Exception {
        // A parked row would hold its aggregate for good; these are the test's own.
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from outbox_event where topic = ?")) {
            s.setString(1, topic);
            s.executeUpdate();
        }
        kafka.close();
    }

    @Test
    void a_row_the_broker_refuses_is_parked_its_aggregate_waits_and_everything_else_is_published_once() throws Exception {
        String tooLarge = "x".repeat(2 * 1024 * 1024);
        long a1 = insert("a", "{\"n\":\"a1\"}");
        long b1 = insert("b", tooLarge);
        long b2 = insert("b", "{\"n\":\"b2\"}");
        long c1 = insert("c", "{\"n\":\"c1\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> published(a1) && published(c1));
        await().atMost(Duration.ofSeconds(60)).until(() -> row(b1).parkedAt() != null);

        Row parked = row(b1);
        assertEquals(maxAttempts, parked.attempts());
        assertTrue(parked.lastError().contains("RecordTooLargeException"), parked.lastError());
        Row waiting = row(b2);
        assertNull(waiting.publishedAt(), "an aggregate's later event waits behind its parked one");
        assertEquals(0, waiting.attempts(), "and is not even tried");

        long d1 = insert("d", "{\"n\":\"d1\"}");
        long c2 = insert("c", "{\"n\":\"c2\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> published(d1) && published(c2));
        assertNull(row(b2).publishedAt());

        await().atMost(Duration.ofSeconds(10)).until(() -> relay.lag().parked() >= 1);
        RestAssured.given().get(metrics).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("outbox_parked"))
                .body(org.hamcrest.Matchers.containsString("outbox_oldest_unpublished_age_seconds"));

        try (ConsumerTask<String, String> records = kafka.consumeStrings().withGroupId("relay-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> records.getRecords().size() >= 4);
            Thread.sleep(1000);
            Map<String, Long> byValue = records.getRecords().stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::value, Collectors.counting()));
            assertEquals(Map.of("{\"n\":\"a1\"}", 1L, "{\"n\":\"c1\"}", 1L, "{\"n\":\"d1\"}", 1L, "{\"n\":\"c2\"}", 1L), byValue,
                    "each acknowledged row once, nothing of the parked aggregate");
            List<String> keyC = records.getRecords().stream().filter(r -> "c".equals(r.key())).map(ConsumerRecord::value).toList();
            assertEquals(List.of("{\"n\":\"c1\"}", "{\"n\":\"c2\"}"), keyC);
        }
    }

    @Test
    void the_readiness_detail_reports_the_broker_and_the_outbox_lag_and_stays_up() {
        RestAssured.given().get(readiness).then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.broker", org.hamcrest.Matchers.notNullValue())
                .body("checks.find { it.name == 'outbox' }.data.unpublished", org.hamcrest.Matchers.notNullValue());
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL readiness;

    private record Row(Object publishedAt, Object parkedAt, int attempts, String lastError) {
    }

    private long insert(String key, String envelope) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into outbox_event (event_id, topic, message_key, event_type, envelope) "
                     + "values (?, ?, ?, 'RelayTest', ?) returning id")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, topic);
            s.setString(3, key);
            s.setString(4, envelope);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private boolean published(long id) throws Exception {
        return row(id).publishedAt() != null;
    }

    private Row row(long id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select published_at, parked_at, attempts, last_error from outbox_event where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return new Row(rs.getObject(1), rs.getObject(2), rs.getInt(3), rs.getString(4));
            }
        }
    }
}
