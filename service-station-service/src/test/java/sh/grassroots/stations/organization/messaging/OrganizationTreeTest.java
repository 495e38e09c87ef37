package sh.grassroots.stations.organization.messaging;

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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * org-service's organization events keep stations' copy of the tree's shape, through the real
 * broker: who manages a branch's members follows its creation and its moves, each event applied
 * once, and a message that cannot be read goes to the dead-letter topic.
 */
@QuarkusTest
class OrganizationTreeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final String HUANGPU = "310101";
    private static final String TOPIC = "org.organization.v1";

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;

    @BeforeEach
    void setUp() {
        kafka = new KafkaCompanion(bootstrap);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    private void send(UUID key, String json) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(TOPIC, key.toString(), json)).awaitCompletion();
    }

    private void created(UUID eventId, UUID id, UUID parent, String name) {
        send(id, """
                {"eventId":"%s","type":"OrganizationCreated","version":1,"occurredAt":"2026-12-01T09:00:00+08:00",
                 "aggregateId":"%s","district":"310101","traceparent":null,"unknownField":1,
                 "payload":{"organizationId":"%s","name":"%s","kind":"BRANCH","districtCode":"310101",
                 "parentId":%s,"foundedOn":"2026-11-01"}}"""
                .formatted(eventId, id, id, name, parent == null ? "null" : "\"" + parent + "\""));
    }

    private void moved(UUID id, UUID from, UUID to) {
        send(id, """
                {"eventId":"%s","type":"OrganizationMoved","version":1,"occurredAt":"2026-12-01T10:00:00+08:00",
                 "aggregateId":"%s","district":"310101","traceparent":null,
                 "payload":{"organizationId":"%s","oldParentId":"%s","newParentId":"%s"}}"""
                .formatted(UUID.randomUUID(), id, id, from, to));
    }

    private static int feedStatus(io.restassured.specification.RequestSpecification as, UUID organization) {
        return as.get("/api/v1/stations/organizations/" + organization + "/bookings.ics").statusCode();
    }

    @Test
    void a_branch_created_under_a_committee_is_the_committees_organizers_to_book_for_until_it_moves_away() {
        UUID laoximen = UUID.randomUUID();
        UUID waitan = UUID.randomUUID();
        UUID penglai = UUID.randomUUID();
        var laoximenOrganizer = AsCaller.organizer(laoximen, HUANGPU);
        var waitanOrganizer = AsCaller.organizer(waitan, HUANGPU);
        assertEquals(404, feedStatus(laoximenOrganizer, penglai));

        created(UUID.randomUUID(), laoximen, null, "老西门街道党工委");
        created(UUID.randomUUID(), waitan, null, "外滩街道党工委");
        created(UUID.randomUUID(), penglai, laoximen, "蓬莱路地块临时党支部");
        await().atMost(PATIENCE).until(() -> feedStatus(AsCaller.organizer(laoximen, HUANGPU), penglai) == 200);
        assertEquals(403, feedStatus(AsCaller.organizer(waitan, HUANGPU), penglai));

        moved(penglai, laoximen, waitan);
        await().atMost(PATIENCE).until(() -> feedStatus(AsCaller.organizer(waitan, HUANGPU), penglai) == 200);
        assertEquals(403, feedStatus(AsCaller.organizer(laoximen, HUANGPU), penglai));
        assertEquals(200, feedStatus(waitanOrganizer, penglai));
        assertEquals(403, feedStatus(laoximenOrganizer, penglai));
    }

    @Test
    void an_organization_announced_again_is_stored_once_and_a_dissolution_is_recorded() throws Exception {
        UUID branch = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        created(eventId, branch, null, "第一网格党支部");
        created(eventId, branch, null, "第一网格党支部");
        created(UUID.randomUUID(), branch, UUID.randomUUID(), "改了名的重复公告");
        send(branch, """
                {"eventId":"%s","type":"OrganizationDissolved","version":1,"occurredAt":"2026-12-02T15:00:00+08:00",
                 "aggregateId":"%s","district":"310101","traceparent":null,
                 "payload":{"organizationId":"%s","dissolvedOn":"2026-12-02","documentNumber":null}}"""
                .formatted(UUID.randomUUID(), branch, branch));

        await().atMost(PATIENCE).until(() -> "2026-12-02".equals(single(
                "select cast(dissolved_on as text) from known_organization where id = '" + branch + "'")));
        assertEquals("1", single("select count(*) from processed_event where event_id = '" + eventId + "'"));
        assertEquals("第一网格党支部", single("select name from known_organization where id = '" + branch + "'"));
        assertEquals(null, single("select cast(parent_id as text) from known_organization where id = '" + branch + "'"));
    }

    @Test
    void an_organization_event_that_cannot_be_read_goes_to_the_dead_letter_topic() {
        ConsumerTask<String, String> dead = kafka.consumeStrings().withGroupId("tree-dlq-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(TOPIC + ".stations.dlq");
        try {
            UUID id = UUID.randomUUID();
            send(id, """
                    {"eventId":"%s","type":"OrganizationCreated","version":1,"occurredAt":"2026-12-01T09:00:00+08:00",
                     "aggregateId":"%s","district":"310101","traceparent":null,
                     "payload":{"name":"没有编号的组织","kind":"BRANCH","districtCode":"310101"}}"""
                    .formatted(UUID.randomUUID(), id));
            await().atMost(PATIENCE).until(() -> dead.getRecords().stream().anyMatch(r -> id.toString().equals(r.key())));
        } finally {
            dead.close();
        }
    }

    private String single(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
