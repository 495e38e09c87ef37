package sh.grassroots.org.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.events.ConferenceEvents;
import sh.grassroots.events.MemberEvents;
import sh.grassroots.events.Topics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static sh.grassroots.org.testing.Districts.HUANGPU;
import static sh.grassroots.org.testing.Districts.asAdmin;
import static sh.grassroots.platform.testing.AsCaller.districtAdmin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static sh.grassroots.org.member.api.MemberApi.aFullMemberOf;
import static sh.grassroots.org.member.api.MemberApi.becomeFull;
import static sh.grassroots.org.member.api.MemberApi.leave;
import static sh.grassroots.org.member.api.MemberApi.register;
import static sh.grassroots.org.member.model.IdNumbers.aValidIdNumber;
import static sh.grassroots.org.tree.api.TreeApi.PATH;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.dissolve;
import static sh.grassroots.org.tree.api.TreeApi.move;
import static sh.grassroots.org.tree.api.TreeApi.unique;

/** The tree's, the members' and the conferences' changes reach Kafka, in order per aggregate, through the outbox. */
@QuarkusTest
class PublishedEventsTest {
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;
    ConsumerTask<String, String> consumer;

    @BeforeEach
    void listen() {
        kafka = new KafkaCompanion(bootstrap);
        consumer = kafka.consumeStrings().withGroupId("events-test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.ORG_ORGANIZATION, MemberEvents.TOPIC, ConferenceEvents.TOPIC);
    }

    @AfterEach
    void stop() {
        consumer.close();
        kafka.close();
    }

    @Test
    void renaming_moving_and_dissolving_are_published_in_order_keyed_by_the_organization() throws Exception {
        String from = committee(unique("老西门街道党工委"));
        String to = committee(unique("小东门街道党工委"));
        String temporary = branch(unique("蓬莱路临时党支部"), from);
        asAdmin().contentType(ContentType.JSON).body("{\"name\":\"" + unique("蓬莱路303弄临时党支部") + "\"}")
                .post(PATH + "/" + temporary + "/rename").then().statusCode(200);
        move(temporary, to).statusCode(200);
        dissolve(temporary, "2025-12-31").statusCode(200);

        List<JsonNode> events = eventsFor(Topics.ORG_ORGANIZATION, temporary, 4);
        assertEquals(List.of("OrganizationCreated", "OrganizationRenamed", "OrganizationMoved", "OrganizationDissolved"),
                events.stream().map(e -> e.path("type").asText()).toList());
        JsonNode moved = events.get(2).path("payload");
        assertEquals(from, moved.path("oldParentId").asText());
        assertEquals(to, moved.path("newParentId").asText());
        JsonNode dissolved = events.get(3).path("payload");
        assertEquals("2025-12-31", dissolved.path("dissolvedOn").asText());
        assertEquals("310110", events.get(3).path("district").asText());
    }

    @Test
    void a_members_registration_status_change_and_leaving_are_published_without_personal_data() throws Exception {
        String branch = branch(unique("UP主党支部"), committee(unique("哔哩哔哩党委")));
        String idNumber = aValidIdNumber();
        String member = register(branch, idNumber, LocalDate.now().minusYears(2), null).statusCode(201).extract().path("id");
        becomeFull(member, LocalDate.now().minusMonths(6)).statusCode(200);
        leave(member, LocalDate.now().minusDays(1)).statusCode(200);

        List<JsonNode> events = eventsFor(MemberEvents.TOPIC, member, 3);
        assertEquals(List.of("MemberRegistered", "MemberStatusChanged", "MemberLeft"),
                events.stream().map(e -> e.path("type").asText()).toList());
        assertEquals(branch, events.get(0).path("payload").path("homeOrganizationId").asText());
        assertEquals("PROBATIONARY", events.get(1).path("payload").path("oldStatus").asText());
        assertEquals("FULL", events.get(1).path("payload").path("newStatus").asText());
        assertEquals("WITHDREW", events.get(2).path("payload").path("reason").asText());
        for (JsonNode event : events) {
            assertFalse(event.toString().contains(idNumber.substring(0, 14)), "an event carries the ID number");
            assertFalse(event.toString().contains("13812345678"), "an event carries the phone");
        }
    }

    @Test
    void a_completed_transfer_is_published_with_the_old_and_new_home() throws Exception {
        String from = branch(unique("UP主党支部"), committee(unique("哔哩哔哩党委")));
        String to = branch(unique("第一党支部"), committee(unique("东方证券党委")));
        String member = aFullMemberOf(from);
        String transfer = asAdmin().contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + member + "\",\"toOrganizationId\":\"" + to + "\"}")
                .post("/api/v1/orgs/transfers").then().statusCode(201).extract().path("id");
        asAdmin().post("/api/v1/orgs/transfers/" + transfer + "/accept").then().statusCode(200);
        asAdmin().post("/api/v1/orgs/transfers/" + transfer + "/complete").then().statusCode(200);

        List<JsonNode> events = eventsFor(MemberEvents.TOPIC, member, 2);
        JsonNode completed = events.get(1);
        assertEquals("MemberTransferCompleted", completed.path("type").asText());
        assertEquals(transfer, completed.path("payload").path("transferId").asText());
        assertEquals(from, completed.path("payload").path("fromOrganizationId").asText());
        assertEquals(to, completed.path("payload").path("toOrganizationId").asText());
        assertEquals("310110", completed.path("payload").path("toDistrict").asText());
    }

    @Test
    void a_conference_set_up_and_a_unit_joining_and_leaving_are_published_keyed_by_the_conference() throws Exception {
        String company = committee(unique("太平洋保险党委"));
        String conference = districtAdmin(HUANGPU).contentType(ContentType.JSON)
                .body("{\"name\":\"" + unique("外滩金融党建联席会议") + "\",\"hostDistrict\":\"" + HUANGPU
                        + "\",\"foundedOn\":\"2018-12-01\"}")
                .post("/api/v1/orgs/conferences").then().statusCode(201).extract().path("id");
        String unit = districtAdmin(HUANGPU).contentType(ContentType.JSON)
                .body("{\"name\":\"太平洋保险\",\"sector\":\"CITY_SOE\",\"organizationId\":\"" + company
                        + "\",\"joinedOn\":\"2019-01-01\"}")
                .post("/api/v1/orgs/conferences/" + conference + "/units").then().statusCode(201).extract().path("id");
        districtAdmin(HUANGPU).contentType(ContentType.JSON).body("{\"leftOn\":\"2025-06-30\"}")
                .post("/api/v1/orgs/conferences/" + conference + "/units/" + unit + "/leave").then().statusCode(200);

        List<JsonNode> events = eventsFor(ConferenceEvents.TOPIC, conference, 3);
        assertEquals(List.of("ConferenceCreated", "MemberUnitJoined", "MemberUnitLeft"),
                events.stream().map(e -> e.path("type").asText()).toList());
        for (JsonNode event : events) {
            assertEquals(conference, event.path("aggregateId").asText());
            assertEquals(HUANGPU, event.path("district").asText());
            assertEquals(conference, event.path("payload").path("conferenceId").asText());
        }
        JsonNode created = events.get(0).path("payload");
        assertEquals(HUANGPU, created.path("hostDistrict").asText());
        assertEquals("2018-12-01", created.path("foundedOn").asText());
        JsonNode joined = events.get(1).path("payload");
        assertEquals(unit, joined.path("unitId").asText());
        assertEquals("太平洋保险", joined.path("name").asText());
        assertEquals("CITY_SOE", joined.path("sector").asText());
        assertEquals(HUANGPU, joined.path("hostDistrict").asText());
        assertEquals(company, joined.path("organizationId").asText());
        assertEquals("2019-01-01", joined.path("joinedOn").asText());
        JsonNode left = events.get(2).path("payload");
        assertEquals(unit, left.path("unitId").asText());
        assertEquals("2025-06-30", left.path("leftOn").asText());
    }

    @Test
    void a_refused_conference_write_publishes_nothing() throws Exception {
        String name = unique("被拒绝的联席会议");
        districtAdmin("310110").contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"hostDistrict\":\"" + HUANGPU + "\",\"foundedOn\":\"2018-12-01\"}")
                .post("/api/v1/orgs/conferences").then().statusCode(403);
        String marker = districtAdmin(HUANGPU).contentType(ContentType.JSON)
                .body("{\"name\":\"" + unique("联席会议") + "\",\"hostDistrict\":\"" + HUANGPU
                        + "\",\"foundedOn\":\"2018-12-01\"}")
                .post("/api/v1/orgs/conferences").then().statusCode(201).extract().path("id");
        eventsFor(ConferenceEvents.TOPIC, marker, 1);
        assertFalse(consumer.getRecords().stream().anyMatch(r -> r.value().contains(name)),
                "a conference refused to its caller was published");
    }

    private List<JsonNode> eventsFor(String topic, String key, int count) {
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.getRecords().stream()
                        .filter(r -> topic.equals(r.topic()) && key.equals(r.key())).toList(), r -> r.size() >= count);
        return records.stream().map(r -> {
            try {
                return mapper.readTree(r.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
