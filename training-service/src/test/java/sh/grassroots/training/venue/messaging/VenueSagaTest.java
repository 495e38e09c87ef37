package sh.grassroots.training.venue.messaging;

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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.events.VenueEvents;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;
import sh.grassroots.training.venue.application.VenueTimeouts;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static sh.grassroots.training.testing.TrainingFixtures.anyone;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.training.testing.TrainingFixtures.SESSIONS;

/** The venue saga with service-station-service, through real Kafka: the station's replies are produced on its topic. */
@QuarkusTest
class VenueSagaTest {
    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    VenueTimeouts timeouts;

    KafkaCompanion kafka;
    ConsumerTask<String, String> requests;
    TrainingFixtures fixtures;
    UUID branch;

    @BeforeEach
    void connect() {
        fixtures = new TrainingFixtures(db, clock);
        kafka = new KafkaCompanion(bootstrap);
        requests = kafka.consumeStrings().withGroupId("venue-saga-test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(VenueEvents.TOPIC_REQUESTS, TrainingEvents.TOPIC_SESSION);
        branch = fixtures.organization("哔哩哔哩党委", null);
    }

    @AfterEach
    void close() {
        requests.close();
        kafka.close();
    }

    @Test
    void a_session_at_a_station_room_waits_for_the_room_and_opens_for_enrolment_when_it_is_confirmed() {
        UUID room = UUID.randomUUID();
        String session = fixtures.scheduleAtStationRoom(fixtures.lecture("沉浸式党课"), 20, room).statusCode(201)
                .body("status", equalTo("VENUE_PENDING"))
                .extract().path("id");

        JsonNode requested = await().atMost(Duration.ofSeconds(30))
                .until(() -> messages(session, VenueEvents.TOPIC_REQUESTS, VenueEvents.REQUESTED), l -> l.size() == 1).get(0);
        JsonNode payload = requested.path("payload");
        assertEquals(room.toString(), payload.path("roomId").asText());
        assertEquals(20, payload.path("attendees").asInt());
        String requestId = payload.path("requestId").asText();
        anyone().get(SESSIONS + "/" + session).then().body("venueBooking.requestId", equalTo(requestId));

        fixtures.enrol(session, fixtures.member("张三", branch)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:venue-not-confirmed"));

        UUID booking = UUID.randomUUID();
        String confirmed = reply(VenueEvents.CONFIRMED, session, """
                {"requestId":"%s","sessionId":"%s","bookingId":"%s","stationId":"%s","roomId":"%s",
                 "startsAt":"2026-12-06T09:00:00Z","endsAt":"2026-12-06T11:00:00Z"}"""
                .formatted(requestId, session, booking, UUID.randomUUID(), room));
        send(session, confirmed);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> anyone().get(SESSIONS + "/" + session).then()
                .body("status", equalTo("SCHEDULED"))
                .body("venueBooking.bookingId", equalTo(booking.toString())));
        fixtures.enrol(session, fixtures.member("李四", branch)).statusCode(201).body("status", equalTo("CONFIRMED"));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> messages(session, TrainingEvents.TOPIC_SESSION, TrainingEvents.SESSION_SCHEDULED), l -> l.size() == 1);

        // the same event delivered again, then a stale rejection (a request id the session never had);
        // on one partition, so once the last is recorded in the inbox the redelivery was read before it
        send(session, confirmed);
        String stale = reply(VenueEvents.REJECTED, session, """
                {"requestId":"%s","sessionId":"%s","roomId":"%s","rule":"booking-overlap","reason":"late"}"""
                .formatted(UUID.randomUUID(), session, room));
        send(session, stale);
        UUID staleId = UUID.fromString(read(stale).path("eventId").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.count(
                "select count(*) from processed_event where consumer = 'training.venue-replies' and event_id = ?",
                staleId) == 1);
        UUID confirmedId = UUID.fromString(read(confirmed).path("eventId").asText());
        assertEquals(1, fixtures.count("select count(*) from processed_event where event_id = ?", confirmedId));
        assertEquals(1, fixtures.count("select count(*) from outbox_event where event_type = 'SessionScheduled' "
                + "and message_key = ?", session));
        anyone().get(SESSIONS + "/" + session).then().body("status", equalTo("SCHEDULED"));

        fixtures.organizerOfSession(session).contentType(ContentType.JSON).body("{\"reason\":\"场地改作他用\"}")
                .post(SESSIONS + "/" + session + "/cancellation").then().statusCode(200).body("enrolments", equalTo(1));
        JsonNode released = await().atMost(Duration.ofSeconds(30))
                .until(() -> messages(session, VenueEvents.TOPIC_REQUESTS, VenueEvents.RELEASED), l -> l.size() == 1).get(0);
        assertEquals(requestId, released.path("payload").path("requestId").asText());
        assertEquals(room.toString(), released.path("payload").path("roomId").asText());
        assertEquals("场地改作他用", released.path("payload").path("reason").asText());
    }

    @Test
    void a_stale_reply_is_ignored_and_a_rejection_is_shown_to_the_organizer() {
        UUID room = UUID.randomUUID();
        String session = fixtures.scheduleAtStationRoom(fixtures.lecture("主题党日现场教学"), 10, room).statusCode(201)
                .extract().path("id");
        String requestId = await().atMost(Duration.ofSeconds(30))
                .until(() -> messages(session, VenueEvents.TOPIC_REQUESTS, VenueEvents.REQUESTED), l -> l.size() == 1)
                .get(0).path("payload").path("requestId").asText();

        // a confirmation of some earlier request of this session: stale
        send(session, reply(VenueEvents.CONFIRMED, session, """
                {"requestId":"%s","sessionId":"%s","bookingId":"%s","stationId":"%s","roomId":"%s",
                 "startsAt":"2026-12-06T09:00:00Z","endsAt":"2026-12-06T11:00:00Z"}"""
                .formatted(UUID.randomUUID(), session, UUID.randomUUID(), UUID.randomUUID(), room)));
        // same key, same partition: by the time this one is applied, the stale one was read
        send(session, reply(VenueEvents.REJECTED, session, """
                {"requestId":"%s","sessionId":"%s","roomId":"%s","rule":"outside-opening-hours",
                 "reason":"服务站周一闭馆 (the station is closed on Mondays)"}""".formatted(requestId, session, room)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> anyone().get(SESSIONS + "/" + session).then()
                .body("status", equalTo("VENUE_REJECTED"))
                .body("venueBooking.rule", equalTo("outside-opening-hours"))
                .body("venueBooking.reason", equalTo("服务站周一闭馆 (the station is closed on Mondays)"))
                .body("venueBooking.bookingId", nullValue()));
        assertEquals(0, fixtures.count("select count(*) from outbox_event where event_type = 'SessionScheduled' "
                + "and message_key = ?", session));
        fixtures.enrol(session, fixtures.member("王五", branch)).statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:venue-not-confirmed"));

        // a rejected request holds no room: cancelling releases nothing
        fixtures.organizerOfSession(session).contentType(ContentType.JSON).body("{\"reason\":\"换场地重排\"}")
                .post(SESSIONS + "/" + session + "/cancellation").then().statusCode(200);
        anyone().get(SESSIONS + "/" + session).then().body("status", equalTo("CANCELLED"));
        assertEquals(0, fixtures.count("select count(*) from outbox_event where event_type = 'VenueReleased' "
                + "and message_key = ?", session));
    }

    @Test
    void a_room_the_station_cancels_cancels_the_session_for_everyone_enrolled_and_they_are_told_why() {
        UUID room = UUID.randomUUID();
        String session = fixtures.scheduleAtStationRoom(fixtures.lecture("沉浸式党课"), 1, room).statusCode(201)
                .extract().path("id");
        String requestId = await().atMost(Duration.ofSeconds(30))
                .until(() -> messages(session, VenueEvents.TOPIC_REQUESTS, VenueEvents.REQUESTED), l -> l.size() == 1)
                .get(0).path("payload").path("requestId").asText();
        UUID booking = UUID.randomUUID();
        send(session, reply(VenueEvents.CONFIRMED, session, """
                {"requestId":"%s","sessionId":"%s","bookingId":"%s","stationId":"%s","roomId":"%s",
                 "startsAt":"2026-12-06T09:00:00Z","endsAt":"2026-12-06T11:00:00Z"}"""
                .formatted(requestId, session, booking, UUID.randomUUID(), room)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> anyone().get(SESSIONS + "/" + session).then()
                .body("status", equalTo("SCHEDULED")));
        String seated = fixtures.enrol(session, fixtures.member("张三", branch)).statusCode(201)
                .body("status", equalTo("CONFIRMED")).extract().path("id");
        String waiting = fixtures.enrol(session, fixtures.member("李四", branch)).statusCode(201)
                .body("status", equalTo("WAITLISTED")).extract().path("id");

        send(session, reply(VenueEvents.CANCELLED, session, """
                {"requestId":"%s","sessionId":"%s","bookingId":"%s","stationId":"%s","roomId":"%s",
                 "reason":"服务站临时检修 (maintenance)"}""".formatted(requestId, session, booking, UUID.randomUUID(), room)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> anyone().get(SESSIONS + "/" + session).then()
                .body("status", equalTo("CANCELLED"))
                .body("venueBooking.rule", equalTo("venue-cancelled-by-station"))
                .body("venueBooking.reason", org.hamcrest.Matchers.containsString("服务站临时检修")));
        for (String enrolment : List.of(seated, waiting)) {
            fixtures.theEnrolled(enrolment).get("/api/v1/training/enrolments/" + enrolment).then().statusCode(200)
                    .body("status", equalTo("CANCELLED"))
                    .body("closeReason", org.hamcrest.Matchers.containsString("服务站临时检修"))
                    .body("cancelledBy", equalTo("SYSTEM"));
        }
        assertEquals(1, fixtures.count("select count(*) from outbox_event where event_type = 'SessionCancelled' "
                + "and message_key = ?", session));
        assertEquals(0, fixtures.count("select count(*) from outbox_event where event_type = 'VenueReleased' "
                + "and message_key = ?", session), "the station already has the room back");
    }

    @Test
    void a_room_request_the_station_does_not_answer_in_time_is_withdrawn_and_a_late_answer_changes_nothing() {
        UUID room = UUID.randomUUID();
        String session = fixtures.scheduleAtStationRoom(fixtures.lecture("主题党日现场教学"), 10, room).statusCode(201)
                .body("status", equalTo("VENUE_PENDING")).extract().path("id");
        String requestId = await().atMost(Duration.ofSeconds(30))
                .until(() -> messages(session, VenueEvents.TOPIC_REQUESTS, VenueEvents.REQUESTED), l -> l.size() == 1)
                .get(0).path("payload").path("requestId").asText();

        withdrawUnanswered();
        anyone().get(SESSIONS + "/" + session).then().body("status", equalTo("VENUE_PENDING"));

        clock.advance(Duration.ofMinutes(16));
        withdrawUnanswered();
        anyone().get(SESSIONS + "/" + session).then()
                .body("status", equalTo("VENUE_REJECTED"))
                .body("venueBooking.rule", equalTo("venue-no-answer"));
        JsonNode released = await().atMost(Duration.ofSeconds(30))
                .until(() -> messages(session, VenueEvents.TOPIC_REQUESTS, VenueEvents.RELEASED), l -> l.size() == 1).get(0);
        assertEquals(requestId, released.path("payload").path("requestId").asText());

        String late = reply(VenueEvents.CONFIRMED, session, """
                {"requestId":"%s","sessionId":"%s","bookingId":"%s","stationId":"%s","roomId":"%s",
                 "startsAt":"2026-12-06T09:00:00Z","endsAt":"2026-12-06T11:00:00Z"}"""
                .formatted(requestId, session, UUID.randomUUID(), UUID.randomUUID(), room));
        send(session, late);
        UUID lateId = UUID.fromString(read(late).path("eventId").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.count(
                "select count(*) from processed_event where consumer = 'training.venue-replies' and event_id = ?",
                lateId) == 1);
        anyone().get(SESSIONS + "/" + session).then().body("status", equalTo("VENUE_REJECTED"));
        fixtures.enrol(session, fixtures.member("王五", branch)).statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:venue-not-confirmed"));
    }

    /** As the scheduled job does, on a Vert.x context of its own. */
    private void withdrawUnanswered() {
        try {
            io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> timeouts.withdrawUnanswered());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private String reply(String type, String session, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"2026-11-29T10:00:00Z","aggregateId":"%s",
                 "district":"310110","traceparent":null,"payload":%s}""".formatted(UUID.randomUUID(), type, session, payload);
    }

    private void send(String session, String json) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(VenueEvents.TOPIC_REPLIES, session, json))
                .awaitCompletion();
    }

    private List<JsonNode> messages(String session, String topic, String type) {
        return requests.getRecords().stream()
                .filter(r -> topic.equals(r.topic()) && session.equals(r.key()))
                .map(ConsumerRecord::value).map(this::read)
                .filter(n -> type.equals(n.path("type").asText())).toList();
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
