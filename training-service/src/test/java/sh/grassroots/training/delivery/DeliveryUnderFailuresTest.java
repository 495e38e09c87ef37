package sh.grassroots.training.delivery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.events.Topics;
import sh.grassroots.platform.outbox.DeadLetterRedrive;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events reach training's projections through a database outage, and a dead-lettered event
 * reaches them after a re-drive.
 */
@QuarkusTest
class DeliveryUnderFailuresTest {
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "db.host")
    String dbHost;
    @ConfigProperty(name = "db.port")
    int dbPort;

    KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrap);
    }

    @AfterEach
    void close() throws Exception {
        allowConnections(true);
        kafka.close();
    }

    static String created(UUID eventId, UUID orgId, String name) {
        return """
                {"eventId":"%s","type":"OrganizationCreated","version":1,"occurredAt":"2026-11-29T10:00:00+08:00",
                 "aggregateId":"%s","district":"310110","traceparent":null,
                 "payload":{"organizationId":"%s","name":"%s","kind":"COMMITTEE","districtCode":"310110",
                            "parentId":null,"foundedOn":"2017-06-01"}}""".formatted(eventId, orgId, orgId, name);
    }

    @Test
    void while_trainings_database_refuses_connections_an_event_waits_and_applies_afterwards_and_is_not_dead_lettered()
            throws Exception {
        UUID org = UUID.randomUUID();
        try (ConsumerTask<String, String> dlq = kafka.consumeStrings().withGroupId("dlq-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.ORG_ORGANIZATION_DLQ)) {
            allowConnections(false);
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.ORG_ORGANIZATION, org.toString(),
                    created(UUID.randomUUID(), org, "数据库停机时创建的党委"))).awaitCompletion();
            // Long enough for several attempts against the refusing database (each one fails at once).
            Thread.sleep(4000);
            allowConnections(true);

            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> count(org) == 1);
            assertTrue(dlq.getRecords().stream().noneMatch(r -> org.toString().equals(r.key())),
                    "a valid event must not be dead-lettered because the database was away");
        }
    }

    @Test
    void a_dead_lettered_event_reaches_the_projection_after_the_dead_letter_topic_is_redriven() {
        // As SmallRye's dead-letter strategy writes it: e.g. an event dead-lettered before
        // transient failures were retried (issue 14: "reason SQLSTATE 55000").
        UUID org = UUID.randomUUID();
        ProducerRecord<String, String> letter = new ProducerRecord<>(Topics.ORG_ORGANIZATION_DLQ, org.toString(),
                created(UUID.randomUUID(), org, "从死信中救回的党委"));
        letter.headers().add("dead-letter-reason",
                "database \"training\" is not currently accepting connections".getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dead-letter-topic", Topics.ORG_ORGANIZATION.getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(letter).awaitCompletion();
        String poisonKey = "poison-" + UUID.randomUUID();
        ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.ORG_ORGANIZATION_DLQ, poisonKey, "not json");
        poison.headers().add("dead-letter-reason", "unreadable: Not a JSON event envelope".getBytes(StandardCharsets.UTF_8));
        poison.headers().add("dead-letter-topic", Topics.ORG_ORGANIZATION.getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(poison).awaitCompletion();

        DeadLetterRedrive.Result result = DeadLetterRedrive.redrive(bootstrap, Topics.ORG_ORGANIZATION_DLQ, null, false);

        assertTrue(result.moved() >= 1, result.toString());
        assertTrue(result.passedOver() >= 1, "the unreadable one stays: " + result);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> count(org) == 1);
        RestAssured.given().header("X-Caller-Subject", "admin").header("X-Caller-Kind", "PERSON")
                .header("X-Caller-Roles", "district_admin").header("X-Caller-District", "310110")
                .get("/api/v1/training/organizations/" + org).then().statusCode(200)
                .body("name", equalTo("从死信中救回的党委"));
    }

    /** Makes only training's database refuse connections, as an operator's maintenance would. */
    private void allowConnections(boolean allowed) throws Exception {
        try (Connection admin = DriverManager.getConnection(
                "jdbc:postgresql://" + dbHost + ":" + dbPort + "/postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            s.execute("alter database training allow_connections " + allowed);
            if (!allowed) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                        + "where datname = 'training' and pid <> pg_backend_pid()");
            }
        }
    }

    private int count(UUID org) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from known_organization where id = ?")) {
            s.setObject(1, org);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
