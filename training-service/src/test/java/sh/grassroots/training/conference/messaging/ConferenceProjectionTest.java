package sh.grassroots.training.conference.messaging;

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
import sh.grassroots.events.ConferenceEvents;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.training.testing.TrainingFixtures.COURSES;

/**
 * org-service's conference events reach training's projections through a real broker, and
 * decide who runs a conference's courses and who enrols its units' staff.
 */
@QuarkusTest
class ConferenceProjectionTest {
    static final String HUANGPU = "310101";
    static final String DLQ = "org.conference.v1.dlq";

    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;
    TrainingFixtures fixtures;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrap);
        fixtures = new TrainingFixtures(db, clock);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    static String envelope(UUID eventId, String type, UUID conference, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"2026-11-29T10:00:00+08:00","aggregateId":"%s",
                 "district":"310101","traceparent":null,"someFutureField":1,"payload":%s}"""
                .formatted(eventId, type, conference, payload);
    }

    static String created(UUID eventId, UUID conference) {
        return envelope(eventId, ConferenceEvents.CREATED, conference, """
                {"conferenceId":"%s","name":"滨江党建·金融外滩","hostDistrict":"310101","foundedOn":"2018-12-01"}"""
                .formatted(conference));
    }

    static String joined(UUID eventId, UUID conference, UUID unit) {
        return envelope(eventId, ConferenceEvents.UNIT_JOINED, conference, """
                {"conferenceId":"%s","unitId":"%s","name":"太平洋保险","sector":"CITY_SOE","hostDistrict":"310101",
                 "organizationId":null,"joinedOn":"2019-03-01"}""".formatted(conference, unit));
    }

    static String left(UUID conference, UUID unit) {
        return envelope(UUID.randomUUID(), ConferenceEvents.UNIT_LEFT, conference, """
                {"conferenceId":"%s","unitId":"%s","leftOn":"2026-06-30"}""".formatted(conference, unit));
    }

    void send(UUID conference, String json) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(ConferenceEvents.TOPIC, conference.toString(), json))
                .awaitCompletion();
    }

    @Test
    void a_created_conference_lets_its_host_districts_office_create_its_academy_courses() {
        UUID conference = UUID.randomUUID();
        String academy = """
                {"title":"金融研修院：跨境支付清算实务","kind":"ACADEMY","providerKind":"JOINT_CONFERENCE",
                 "providerId":"%s","creditHours":4}""".formatted(conference);
        AsCaller.districtAdmin(HUANGPU).contentType(ContentType.JSON).body(academy)
                .post(COURSES).then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:provider-unknown"));

        send(conference, created(UUID.randomUUID(), conference));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> AsCaller.districtAdmin(HUANGPU)
                .contentType(ContentType.JSON).body(academy).post(COURSES).then().statusCode(201));
        AsCaller.districtAdmin("310110").contentType(ContentType.JSON).body(academy).post(COURSES).then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
    }

    @Test
    void the_office_enrols_a_units_staff_while_the_unit_is_a_member_and_not_after_it_left() {
        UUID conference = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        send(conference, created(UUID.randomUUID(), conference));
        send(conference, joined(UUID.randomUUID(), conference, unit));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.count(
                "select count(*) from known_member_unit where id = ? and host_district = '310101' and left_on is null",
                unit) == 1);
        String session = fixtures.sessionOpenNow(fixtures.course("""
                {"title":"金融研修院","kind":"ACADEMY","providerKind":"JOINT_CONFERENCE","providerId":"%s",
                 "creditHours":3,"eligibility":{"memberUnits":["%s"]}}""".formatted(conference, unit)), 5);
        UUID analyst = fixtures.learner("太保分析师", null, "NOT_A_MEMBER", unit);
        UUID colleague = fixtures.learner("太保研究员", null, "NOT_A_MEMBER", unit);
        TrainingFixtures.enrolAs(AsCaller.districtAdmin(HUANGPU), session, analyst).statusCode(201);

        send(conference, left(conference, unit));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.count(
                "select count(*) from known_member_unit where id = ? and left_on = date '2026-06-30'", unit) == 1);
        TrainingFixtures.enrolAs(AsCaller.districtAdmin(HUANGPU), session, colleague).statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
    }

    @Test
    void an_event_delivered_twice_is_applied_once_and_an_unknown_type_is_skipped() {
        UUID conference = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        send(conference, created(UUID.randomUUID(), conference));
        send(conference, joined(eventId, conference, unit));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.count(
                "select count(*) from known_member_unit where id = ?", unit) == 1);
        String firstWrite = fixtures.row("select updated_at::text from known_member_unit where id = ?", unit)[0];
        clock.advance(Duration.ofMinutes(1));

        send(conference, joined(eventId, conference, unit));
        send(conference, envelope(UUID.randomUUID(), "ChairRotated", conference, "{\"conferenceId\":\"" + conference + "\"}"));
        UUID marker = UUID.randomUUID();
        send(conference, joined(UUID.randomUUID(), conference, marker));

        // one partition per key: once the marker is in, everything before it was read
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.count(
                "select count(*) from known_member_unit where id = ?", marker) == 1);
        assertEquals(firstWrite, fixtures.row("select updated_at::text from known_member_unit where id = ?", unit)[0],
                "the redelivered join was not applied again");
        assertEquals(1, fixtures.count("select count(*) from processed_event where event_id = ?", eventId));
    }

    @Test
    void an_unreadable_message_goes_to_the_dead_letter_topic_and_the_consumer_goes_on() {
        UUID conference = UUID.randomUUID();
        try (ConsumerTask<String, String> dlq = kafka.consumeStrings().withGroupId("dlq-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(DLQ)) {
            send(conference, "not an envelope");
            send(conference, envelope(UUID.randomUUID(), ConferenceEvents.CREATED, conference, "{\"name\":\"没有id\"}"));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    dlq.getRecords().stream().filter(r -> conference.toString().equals(r.key())).count() == 2);
        }
        send(conference, created(UUID.randomUUID(), conference));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.count(
                "select count(*) from known_conference where id = ? and host_district = '310101'", conference) == 1);
    }
}
