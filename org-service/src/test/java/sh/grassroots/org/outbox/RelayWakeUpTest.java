package sh.grassroots.org.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay's poll is set to an hour here, far beyond the test's waits: an event that reaches the
 * consumer at all was published because its commit woke the relay, not because a poll came round.
 */
@QuarkusTest
@TestProfile(RelayWakeUpTest.HourlyPoll.class)
class RelayWakeUpTest {
    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outbox.relay.interval", "1h");
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;
    ConsumerTask<String, String> consumer;

    @BeforeEach
    void listen() {
        kafka = new KafkaCompanion(bootstrap);
        consumer = kafka.consumeStrings().withGroupId("wake-up-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.ORG_ORGANIZATION);
    }

    @AfterEach
    void stop() {
        consumer.close();
        kafka.close();
    }

    @Test
    void an_event_is_published_when_its_transaction_commits_not_when_the_poll_comes_round() {
        String id = OrganizationApiTest.createCommittee("浦发银行党委 " + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(20)).until(() -> received(id));
    }

    @Test
    void rows_inserted_by_plain_sql_wake_the_relay_too() throws Exception {
        String key = "wake-probe-" + UUID.randomUUID();
        insertRaw(key);
        await().atMost(Duration.ofSeconds(20)).until(() -> received(key));
    }

    @Test
    void the_relay_listens_again_after_its_connection_was_killed() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> listeners() > 0);
        assertTrue(terminateListeners() > 0, "no LISTEN connection to kill");

        // Whether this commit's notification is lost with the connection or not, the event goes out:
        // the relay listens again and makes a pass once it does.
        String during = OrganizationApiTest.createCommittee("交通银行党委 " + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> received(during));

        await().atMost(Duration.ofSeconds(20)).until(() -> listeners() > 0);
        String after = OrganizationApiTest.createCommittee("上海银行党委 " + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(20)).until(() -> received(after));
    }

    private boolean received(String key) {
        return consumer.getRecords().stream().map(ConsumerRecord::key).anyMatch(key::equals);
    }

    private void insertRaw(String key) throws Exception {
        UUID eventId = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("with probe as (select 1) insert into outbox_event "
                     + "(event_id, topic, message_key, event_type, envelope) select ?, ?, ?, 'WakeProbe', ? from probe")) {
            insert.setObject(1, eventId);
            insert.setString(2, Topics.ORG_ORGANIZATION);
            insert.setString(3, key);
            insert.setString(4, "{\"eventId\":\"" + eventId + "\",\"type\":\"WakeProbe\"}");
            insert.executeUpdate();
        }
    }

    private int listeners() throws Exception {
        return count("select count(*) from pg_stat_activity where application_name = 'outbox-relay-listener' "
                + "and datname = current_database()");
    }

    private int terminateListeners() throws Exception {
        return count("select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity "
                + "where application_name = 'outbox-relay-listener' and datname = current_database()");
    }

    private int count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
