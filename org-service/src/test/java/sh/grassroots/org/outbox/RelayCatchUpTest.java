package sh.grassroots.org.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;
import sh.grassroots.events.Topics;
import sh.grassroots.org.tree.api.OrganizationApiTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(DedicatedBrokerProfile.class)
class RelayCatchUpTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void events_written_while_kafka_is_down_are_published_when_it_returns() throws Exception {
        var broker = DedicatedBrokerProfile.broker;
        String before = OrganizationApiTest.createCommittee("复星集团党委 " + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(List.of(before)) == 0);

        broker.stop();
        List<String> duringOutage = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // The business write does not depend on Kafka: the API still answers 201.
            duringOutage.add(OrganizationApiTest.createCommittee("汇添富基金党委 " + i + " " + UUID.randomUUID()));
        }
        // Several relay ticks fail meanwhile; the rows must stay unpublished, not be lost or marked sent.
        Thread.sleep(3000);
        assertEquals(5, unpublished(duringOutage));

        // Readiness is the database's: it answers at once and UP, and its detail tells of the broker.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long started = System.nanoTime();
            io.restassured.response.Response ready = io.restassured.RestAssured.given().get(readiness);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, ready.statusCode(), ready.asString());
            assertTrue(millis < 2000, "readiness took " + millis + " ms with the broker down");
            assertEquals("unreachable", ready.path("checks.find { it.name == 'outbox' }.data.broker"), ready.asString());
        });
        // An outage is nobody's fault: no row counts an attempt against itself, none is parked
        // (this profile parks after a single counted failure).
        assertEquals(0, attemptedOrParked(duringOutage));

        broker.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(duringOutage) == 0);

        try (KafkaCompanion kafka = new KafkaCompanion(broker.bootstrapServers());
             ConsumerTask<String, String> consumer = kafka.consumeStrings()
                     .withGroupId("catch-up-" + UUID.randomUUID()).withOffsetReset(OffsetResetStrategy.EARLIEST)
                     .fromTopics(Topics.ORG_ORGANIZATION)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> keys(consumer).containsAll(duringOutage));
            assertTrue(keys(consumer).contains(before));
        }
    }

    private static Set<String> keys(ConsumerTask<String, String> consumer) {
        return consumer.getRecords().stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL readiness;

    private int attemptedOrParked(List<String> keys) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from outbox_event where message_key = any(?) "
                     + "and (attempts > 0 or parked_at is not null or last_error is not null)")) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int unpublished(List<String> keys) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from outbox_event where published_at is null and message_key = any(?)")) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
