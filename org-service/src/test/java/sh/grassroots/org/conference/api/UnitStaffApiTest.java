package sh.grassroots.org.conference.api;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.events.ConferenceEvents;
import sh.grassroots.platform.persistence.PersonalDataProtector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.org.member.api.MemberApi.aFullMemberOf;
import static sh.grassroots.org.member.api.MemberApi.leave;
import static sh.grassroots.org.testing.Districts.HUANGPU;
import static sh.grassroots.org.testing.Districts.YANGPU;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.unique;
import static sh.grassroots.platform.testing.AsCaller.branchSecretary;
import static sh.grassroots.platform.testing.AsCaller.districtAdmin;
import static sh.grassroots.platform.testing.AsCaller.member;
import static sh.grassroots.platform.testing.AsCaller.organizer;

/**
 * 金融研修院 is for the member units' finance staff, party members or not: a unit registers them as
 * learners. The contact phone is sealed at rest, masked in every answer and never published; the
 * event tells training who the learner is. Dates are the service's (its clock is UTC, as for every
 * date org-service records).
 */
@QuarkusTest
class UnitStaffApiTest {
    private static final String CONFERENCES = "/api/v1/orgs/conferences";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    PersonalDataProtector protector;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;
    ConsumerTask<String, String> consumer;

    @BeforeEach
    void listen() {
        kafka = new KafkaCompanion(bootstrap);
        consumer = kafka.consumeStrings().withGroupId("unit-staff-test-" + java.util.UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(ConferenceEvents.TOPIC);
    }

    @AfterEach
    void stop() {
        consumer.close();
        kafka.close();
    }

    @Test
    void the_office_registers_a_units_staff_member_who_is_not_a_party_member_with_the_phone_sealed_and_masked()
            throws Exception {
        String conference = conference();
        String unit = unit(conference, "上海黄金交易所", null);
        String staffPath = CONFERENCES + "/" + conference + "/units/" + unit + "/staff";

        String person = districtAdmin(HUANGPU).contentType(ContentType.JSON)
                .body("{\"name\":\"钱晓雯\",\"phone\":\"13912345678\",\"partyMember\":false}")
                .post(staffPath).then().statusCode(201)
                .header("Location", containsString(staffPath + "/"))
                .body("name", equalTo("钱晓雯"))
                .body("partyMember", equalTo(false))
                .body("memberId", nullValue())
                .body("phone", equalTo("139****5678"))
                .body("registeredOn", equalTo(LocalDate.now(ZoneOffset.UTC).toString()))
                .body("registeredBy.subject", equalTo("admin-" + HUANGPU))
                .body("registeredBy.kind", equalTo("PERSON"))
                .body(not(containsString("13912345678")))
                .extract().path("personId");

        districtAdmin(HUANGPU).get(staffPath).then().statusCode(200)
                .body("items.personId", contains(person))
                .body("items[0].phone", equalTo("139****5678"))
                .body(not(containsString("13912345678")));
        districtAdmin(HUANGPU).get(staffPath + "/" + person).then().statusCode(200)
                .body("phone", equalTo("139****5678"));

        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select t::text, phone_encrypted from conference_unit_staff t where person_id = ?::uuid")) {
            s.setString(1, person);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(rs.getString(1).contains("13912345678"), "the phone is stored in clear");
                assertEquals("13912345678", protector.decrypt(rs.getString(2)));
            }
        }

        JsonNode registered = eventFor(conference, ConferenceEvents.STAFF_REGISTERED);
        assertEquals(HUANGPU, registered.path("district").asText());
        JsonNode payload = registered.path("payload");
        assertEquals(person, payload.path("personId").asText());
        assertEquals(unit, payload.path("unitId").asText());
        assertEquals("钱晓雯", payload.path("displayName").asText());
        assertFalse(payload.path("partyMember").asBoolean());
        assertTrue(payload.path("memberId").isNull());
        assertFalse(registered.toString().contains("5678"), "the phone reached an event: " + registered);
    }

    @Test
    void a_party_member_keeps_their_member_id_as_person_id_and_their_recorded_name() {
        String conference = conference();
        String unit = unit(conference, "华融资产上海分公司", null);
        String branch = branch(unique("第一党支部"), committee(unique("华融资产党委")));
        String member = aFullMemberOf(branch);

        districtAdmin(HUANGPU).contentType(ContentType.JSON).body("{\"memberId\":\"" + member + "\"}")
                .post(CONFERENCES + "/" + conference + "/units/" + unit + "/staff").then().statusCode(201)
                .body("personId", equalTo(member))
                .body("memberId", equalTo(member))
                .body("partyMember", equalTo(true))
                .body("name", equalTo("张三"));

        JsonNode payload = eventFor(conference, ConferenceEvents.STAFF_REGISTERED).path("payload");
        assertEquals(member, payload.path("personId").asText());
        assertEquals(member, payload.path("memberId").asText());
        assertTrue(payload.path("partyMember").asBoolean());
    }

    @Test
    void the_units_own_contact_registers_and_ends_its_staff_and_the_end_is_published() {
        String company = committee(unique("久事投资党委"));
        String conference = conference();
        String unit = unit(conference, "久事投资", company);
        String staffPath = CONFERENCES + "/" + conference + "/units/" + unit + "/staff";

        String person = organizer(company, YANGPU).contentType(ContentType.JSON)
                .body("{\"name\":\"孙浩\",\"partyMember\":true}")
                .post(staffPath).then().statusCode(201)
                .body("partyMember", equalTo(true))
                .body("phone", nullValue())
                .body("registeredBy.subject", equalTo("organizer-" + company))
                .extract().path("personId");
        branchSecretary(branch(unique("第一党支部"), committee(unique("复星集团党委")))).contentType(ContentType.JSON)
                .body("{\"name\":\"周婷\",\"partyMember\":false}").post(staffPath).then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        member(person).get(staffPath).then().statusCode(403);

        organizer(company, YANGPU).delete(staffPath + "/" + person).then().statusCode(200)
                .body("leftOn", equalTo(LocalDate.now(ZoneOffset.UTC).toString()))
                .body("leftBy.subject", equalTo("organizer-" + company));
        organizer(company, YANGPU).delete(staffPath + "/" + person).then().statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:staff-already-left"));
        districtAdmin(HUANGPU).get(staffPath).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());

        JsonNode left = eventFor(conference, ConferenceEvents.STAFF_LEFT).path("payload");
        assertEquals(person, left.path("personId").asText());
        assertEquals(unit, left.path("unitId").asText());
    }

    @Test
    void the_same_phone_or_member_is_not_registered_twice_with_a_unit_and_unknown_or_former_members_are_refused() {
        String conference = conference();
        String unit = unit(conference, "复星集团", null);
        String staffPath = CONFERENCES + "/" + conference + "/units/" + unit + "/staff";
        String branch = branch(unique("第一党支部"), committee(unique("复星集团党委")));
        String member = aFullMemberOf(branch);
        String former = aFullMemberOf(branch);
        leave(former, LocalDate.now(ZoneOffset.UTC).minusDays(1)).statusCode(200);

        register(staffPath, "{\"name\":\"吴敏\",\"phone\":\"13700001111\",\"partyMember\":false}").statusCode(201);
        register(staffPath, "{\"name\":\"吴敏敏\",\"phone\":\"13700001111\",\"partyMember\":false}").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:staff-already-registered"));
        register(staffPath, "{\"memberId\":\"" + member + "\"}").statusCode(201);
        register(staffPath, "{\"memberId\":\"" + member + "\"}").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:staff-already-registered"));
        register(staffPath, "{\"memberId\":\"" + member + "\",\"partyMember\":false}").statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:staff-party-member-mismatch"));
        register(staffPath, "{\"memberId\":\"" + former + "\"}").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:staff-member-has-left"));
        register(staffPath, "{\"memberId\":\"" + java.util.UUID.randomUUID() + "\"}").statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:unknown-member"))
                .body("errors[0].field", equalTo("memberId"));
        register(staffPath, "{\"partyMember\":false}").statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:staff-name-missing"));
        register(staffPath, "{\"name\":\"吴敏\",\"phone\":\"12345\"}").statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:invalid-field"));
    }

    @Test
    void a_unit_that_left_the_conference_registers_no_more_staff() {
        String conference = conference();
        String unit = unit(conference, "外滩街道", null);
        districtAdmin(HUANGPU).contentType(ContentType.JSON)
                .body("{\"leftOn\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\"}")
                .post(CONFERENCES + "/" + conference + "/units/" + unit + "/leave").then().statusCode(200);
        register(CONFERENCES + "/" + conference + "/units/" + unit + "/staff",
                "{\"name\":\"郑洁\",\"partyMember\":false}").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:staff-unit-not-member"));
    }

    private static io.restassured.response.ValidatableResponse register(String path, String body) {
        return districtAdmin(HUANGPU).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static String conference() {
        return districtAdmin(HUANGPU).contentType(ContentType.JSON)
                .body("{\"name\":\"" + unique("滨江党建·金融外滩") + "\",\"hostDistrict\":\"" + HUANGPU
                        + "\",\"foundedOn\":\"2018-12-01\"}")
                .post(CONFERENCES).then().statusCode(201).extract().path("id");
    }

    private static String unit(String conference, String name, String organizationId) {
        String organization = organizationId == null ? "" : ",\"organizationId\":\"" + organizationId + "\"";
        return districtAdmin(HUANGPU).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"sector\":\"CENTRAL_SOE\",\"joinedOn\":\"2018-12-01\"" + organization + "}")
                .post(CONFERENCES + "/" + conference + "/units").then().statusCode(201).extract().path("id");
    }

    private JsonNode eventFor(String conference, String type) {
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.getRecords().stream()
                        .filter(r -> conference.equals(r.key()) && r.value().contains("\"" + type + "\"")).toList(),
                        r -> !r.isEmpty());
        try {
            JsonNode event = mapper.readTree(records.get(0).value());
            assertEquals(type, event.path("type").asText());
            assertNotEquals("", event.path("eventId").asText());
            return event;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
