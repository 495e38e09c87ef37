package sh.grassroots.training.events;

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
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TrainingEventsPublishingTest {
    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;
    ConsumerTask<String, String> consumer;
    TrainingFixtures fixtures;

    @BeforeEach
    void listen() {
        fixtures = new TrainingFixtures(db, clock);
        kafka = new KafkaCompanion(bootstrap);
        consumer = kafka.consumeStrings().withGroupId("training-events-test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(TrainingEvents.TOPIC_ENROLMENT);
    }

    @AfterEach
    void stop() {
        consumer.close();
        kafka.close();
    }

    @Test
    void enrolments_and_cancellations_are_published_keyed_by_session_in_order() throws Exception {
        UUID branch = fixtures.organization("UP主党支部", null);
        String session = fixtures.sessionOpenNow(fixtures.lecture("沉浸式党课"), 1);
        UUID first = fixtures.member("甲", branch);
        UUID second = fixtures.member("乙", branch);
        String firstEnrolment = fixtures.enrol(session, first).statusCode(201).extract().path("id");
        fixtures.enrol(session, second).statusCode(201);
        fixtures.cancel(firstEnrolment, "LEARNER", "出差").statusCode(200);

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.getRecords().stream().filter(r -> session.equals(r.key())).toList(),
                        r -> r.size() >= 4);
        List<String> types = records.stream().map(r -> read(r).path("type").asText()).toList();
        assertEquals(List.of("EnrolmentConfirmed", "EnrolmentWaitlisted", "EnrolmentCancelled", "SeatOffered"), types);
        JsonNode offered = read(records.get(3)).path("payload");
        assertEquals(second.toString(), offered.path("personId").asText());
        assertEquals("OFFERED", offered.path("status").asText());
    }

    private JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return mapper.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
