package sh.grassroots.stations.conference.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import sh.grassroots.stations.support.TestClock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.bookingsOf;

/**
 * org-service's joint conference events tell stations which district's office books for a member
 * unit, through the real broker: a unit that joins is booked for by its conference's office, one
 * that left is not; each event is applied once; an unreadable one goes to the dead-letter topic.
 */
@QuarkusTest
class MemberUnitsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final String TOPIC = "org.conference.v1";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TestClock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;

    @BeforeEach
    void setUp() {
        clock.reset();
        kafka = new KafkaCompanion(bootstrap);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    private void send(UUID conference, String json) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(TOPIC, conference.toString(), json)).awaitCompletion();
    }

    private static String event(UUID eventId, String type, UUID conference, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"2026-12-01T09:00:00+08:00","aggregateId":"%s",
                 "district":"310101","traceparent":null,"payload":%s}""".formatted(eventId, type, conference, payload);
    }

    private static String booking(UUID unit, String day) {
        return """
                {"start":"%sT14:00:00+08:00","end":"%sT16:00:00+08:00","bookerKind":"MEMBER_UNIT","bookerId":"%s",
                 "bookerName":"太平洋保险","purpose":"金融研修院课程","attendees":12}""".formatted(day, day, unit);
    }

    @Test
    void a_unit_that_joined_is_booked_for_by_its_conferences_office_until_it_leaves() throws Exception {
        String station = aStation();
        String room = aRoom(station, 20);
        UUID conference = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        UUID joinedEvent = UUID.randomUUID();
        send(conference, event(UUID.randomUUID(), "ConferenceCreated", conference, """
                {"conferenceId":"%s","name":"滨江党建·金融外滩","hostDistrict":"310101","foundedOn":"2018-12-01"}"""
                .formatted(conference)));
        String joined = event(joinedEvent, "MemberUnitJoined", conference, """
                {"conferenceId":"%s","unitId":"%s","name":"太平洋保险","sector":"CITY_SOE","hostDistrict":"310101",
                 "organizationId":null,"joinedOn":"2019-01-01"}""".formatted(conference, unit));
        send(conference, joined);
        send(conference, joined);

        await().atMost(PATIENCE).until(() -> "310101".equals(single(
                "select host_district from member_unit where unit_id = '" + unit + "'")));
        assertEquals("1", single("select count(*) from processed_event where event_id = '" + joinedEvent + "'"));
        AsCaller.districtAdmin("310110").contentType(ContentType.JSON).body(booking(unit, "2026-12-02"))
                .post(bookingsOf(station, room)).then().statusCode(403);
        AsCaller.districtAdmin("310101").contentType(ContentType.JSON).body(booking(unit, "2026-12-02"))
                .post(bookingsOf(station, room)).then().statusCode(201);

        send(conference, event(UUID.randomUUID(), "MemberUnitLeft", conference, """
                {"conferenceId":"%s","unitId":"%s","leftOn":"2026-12-01"}""".formatted(conference, unit)));
        await().atMost(PATIENCE).until(() -> "2026-12-01".equals(single(
                "select cast(left_on as text) from member_unit where unit_id = '" + unit + "'")));
        AsCaller.districtAdmin("310101").contentType(ContentType.JSON).body(booking(unit, "2026-12-03"))
                .post(bookingsOf(station, room)).then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:booking-member-unit-left"));
    }

    @Test
    void a_conference_event_that_cannot_be_read_goes_to_the_dead_letter_topic() {
        ConsumerTask<String, String> dead = kafka.consumeStrings().withGroupId("conference-dlq-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(TOPIC + ".stations.dlq");
        try {
            UUID conference = UUID.randomUUID();
            send(conference, event(UUID.randomUUID(), "MemberUnitJoined", conference, """
                    {"conferenceId":"%s","unitId":"%s","name":"没有主办区的单位"}""".formatted(conference, UUID.randomUUID())));
            await().atMost(PATIENCE).until(() -> dead.getRecords().stream()
                    .anyMatch(r -> conference.toString().equals(r.key())));
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
