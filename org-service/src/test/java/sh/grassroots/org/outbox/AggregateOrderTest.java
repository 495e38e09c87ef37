package sh.grassroots.org.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import sh.grassroots.events.OrganizationEvents;
import sh.grassroots.events.Topics;
import sh.grassroots.org.testing.Districts;
import sh.grassroots.org.tree.api.OrganizationApiTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One aggregate's events reach the topic in the order its changes committed, with writers
 * racing on it: renames, whose events carry the name before and after, must chain (each event's
 * old name is the previous event's new name) and end at the organization's name. The order rests
 * on the aggregate's version (the loser of a race rolls back with its event) and on the relay
 * publishing one database's rows in id order, one relay at a time; this test checks the outcome,
 * not those assumptions.
 */
@QuarkusTest
class AggregateOrderTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void concurrent_renames_of_one_organization_are_published_in_the_order_they_committed() throws Exception {
        String original = "黄浦区金融党委 " + UUID.randomUUID();
        String id = OrganizationApiTest.createCommittee(original);
        int writers = 4;
        int renamesEach = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(() -> {
                int done = 0;
                for (int i = 0; i < renamesEach; i++) {
                    int status = Districts.asAdmin().contentType(ContentType.JSON)
                            .body("{\"name\":\"改名 " + writer + "-" + i + "\"}")
                            .post("/api/v1/orgs/organizations/" + id + "/rename").then().extract().statusCode();
                    if (status == 200) {
                        done++;
                    }
                }
                return done;
            });
        }
        int renamed = 0;
        try {
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                renamed += f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(renamed > 0, "no rename went through");
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(id) == 0);

        String current = Districts.asAdmin().get("/api/v1/orgs/organizations/" + id).then().statusCode(200)
                .extract().path("name");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
             ConsumerTask<String, String> consumer = kafka.consumeStrings().withGroupId("order-" + UUID.randomUUID())
                     .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.ORG_ORGANIZATION)) {
            int expected = renamed;
            await().atMost(Duration.ofSeconds(30)).until(() -> renames(consumer, id).size() >= expected);
            List<JsonNode> events = renames(consumer, id);
            assertEquals(renamed, events.size(), "one event per rename that answered 200");
            String name = original;
            for (JsonNode event : events) {
                assertEquals(name, event.path("payload").path("oldName").asText(),
                        "an event out of order: its old name is not the previous event's new name");
                name = event.path("payload").path("newName").asText();
            }
            assertEquals(current, name, "the last event names the organization's current name");
        }
    }

    private List<JsonNode> renames(ConsumerTask<String, String> consumer, String id) {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.getRecords()) {
            if (!id.equals(record.key())) {
                continue;
            }
            try {
                JsonNode event = mapper.readTree(record.value());
                if (OrganizationEvents.RENAMED.equals(event.path("type").asText())) {
                    events.add(event);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return events;
    }

    private int unpublished(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from outbox_event where published_at is null and message_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
