package sh.grassroots.training.orgprojection.messaging;

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
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.events.Topics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OrganizationProjectionTest {
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrap);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    static String created(UUID eventId, UUID orgId, String name) {
        return """
                {"eventId":"%s","type":"OrganizationCreated","version":1,"occurredAt":"2026-11-29T10:00:00+08:00",
                 "aggregateId":"%s","district":"310110","traceparent":null,"someFutureField":true,
                 "payload":{"organizationId":"%s","name":"%s","kind":"COMMITTEE","districtCode":"310110",
                            "parentId":null,"foundedOn":"2017-06-01"}}""".formatted(eventId, orgId, orgId, name);
    }

    private void send(String key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.ORG_ORGANIZATION, key, value)).awaitCompletion();
    }

    @Test
    void an_organization_created_event_appears_in_trainings_projection() {
        UUID org = UUID.randomUUID();
        send(org.toString(), created(UUID.randomUUID(), org, "哔哩哔哩党委"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                AsCaller.districtAdmin("310110").get("/api/v1/training/organizations/" + org).then().statusCode(200)
                        .body("name", equalTo("哔哩哔哩党委"))
                        .body("kind", equalTo("COMMITTEE")));
    }

    @Test
    void an_event_delivered_twice_changes_the_projection_once() throws Exception {
        UUID org = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        send(org.toString(), created(eventId, org, "外滩投资党委"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("known_organization", "id", org) == 1);
        Object firstWrite = updatedAt(org);

        send(org.toString(), created(eventId, org, "外滩投资党委"));
        // A later event on the same key (same partition) proves the duplicate was consumed before it.
        UUID marker = UUID.randomUUID();
        send(org.toString(), created(UUID.randomUUID(), marker, "marker"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("known_organization", "id", marker) == 1);

        assertEquals(1, count("known_organization", "id", org));
        assertEquals(1, count("processed_event", "event_id", eventId));
        assertEquals(firstWrite, updatedAt(org));
    }

    @Test
    void an_unknown_event_type_is_skipped_and_the_next_event_still_applies() throws Exception {
        UUID org = UUID.randomUUID();
        send(org.toString(), "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"SomethingNew\",\"payload\":{}}");
        send(org.toString(), created(UUID.randomUUID(), org, "小东门街道党工委"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("known_organization", "id", org) == 1);
    }

    @Test
    void an_unreadable_message_goes_to_the_dead_letter_topic() {
        String key = "poison-" + UUID.randomUUID();
        try (ConsumerTask<String, String> dlq = kafka.consumeStrings().withGroupId("dlq-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.ORG_ORGANIZATION_DLQ)) {
            send(key, "this is not json");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    dlq.getRecords().stream().anyMatch(r -> key.equals(r.key())));
        }
        // The consumer is still alive after the poison message.
        UUID org = UUID.randomUUID();
        send(org.toString(), created(UUID.randomUUID(), org, "南京东路街道党工委"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("known_organization", "id", org) == 1);
    }

    @Test
    void the_projection_lists_with_a_cursor() {
        AsCaller.districtAdmin("310110").queryParam("limit", 1).get("/api/v1/training/organizations").then().statusCode(200);
        AsCaller.districtAdmin("310110").queryParam("limit", 0).get("/api/v1/training/organizations").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private int count(String table, String column, UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from " + table + " where " + column + " = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Object updatedAt(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select updated_at from known_organization where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }
}
