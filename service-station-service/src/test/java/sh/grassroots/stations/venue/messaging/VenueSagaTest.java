package sh.grassroots.stations.venue.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import sh.grassroots.stations.support.TestClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asManager;
import static sh.grassroots.stations.support.Api.book;
import static sh.grassroots.stations.support.Api.booking;

/**
 * The stations' side of the venue saga through Kafka and PostgreSQL: training.venue.v1 in,
 * stations.venue.v1 out (through the outbox), one booking per request at most.
 */
@QuarkusTest
class VenueSagaTest {
    private static final String REQUESTS = "training.venue.v1";
    private static final String REPLIES = "stations.venue.v1";
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @Inject
    TestClock clock;
    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;
    ConsumerTask<String, String> replies;
    String station;
    String room;

    @BeforeEach
    void setUp() {
        clock.reset();
        kafka = new KafkaCompanion(bootstrap);
        replies = kafka.consumeStrings().withGroupId("venue-test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(REPLIES);
        station = aStation();
        room = aRoom(station, 20);
    }

    @AfterEach
    void tearDown() {
        replies.close();
        kafka.close();
    }

    record Request(UUID requestId, UUID sessionId, UUID organizer) {
        static Request fresh() {
            return new Request(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        }
    }

    private void requestVenue(UUID eventId, Request r, String roomId, String start, String end, int attendees) {
        requestVenue(eventId, r, roomId, start, end, attendees, null);
    }

    private void requestVenue(UUID eventId, Request r, String roomId, String start, String end, int attendees,
                              String traceparent) {
        send(r.sessionId(), """
                {"eventId":"%s","type":"VenueRequested","version":1,"occurredAt":"2026-12-01T09:00:00+08:00",
                 "aggregateId":"%s","district":"310101","traceparent":%s,"aFieldFromTheFuture":1,
                 "payload":{"requestId":"%s","sessionId":"%s","roomId":"%s","startsAt":"%s","endsAt":"%s",
                            "attendees":%d,"purpose":"沉浸式党课","organizerOrganizationId":"%s","extra":true}}"""
                .formatted(eventId, r.sessionId(), traceparent == null ? "null" : "\"" + traceparent + "\"",
                        r.requestId(), r.sessionId(), roomId, start, end, attendees, r.organizer()));
    }

    private void requestVenue(Request r, String start, String end) {
        requestVenue(UUID.randomUUID(), r, room, start, end, 15);
    }

    private void release(UUID eventId, Request r) {
        send(r.sessionId(), """
                {"eventId":"%s","type":"VenueReleased","version":1,"occurredAt":"2026-12-01T09:00:00+08:00",
                 "aggregateId":"%s","district":"310101","traceparent":null,
                 "payload":{"requestId":"%s","sessionId":"%s","roomId":"%s","reason":"课程取消"}}"""
                .formatted(eventId, r.sessionId(), r.requestId(), r.sessionId(), room));
    }

    private void send(UUID key, String json) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(REQUESTS, key.toString(), json)).awaitCompletion();
    }

    private List<JsonNode> repliesTo(Request r) {
        return replies.getRecords().stream()
                .map(rec -> {
                    try {
                        return mapper.readTree(rec.value());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(n -> r.requestId().toString().equals(n.path("payload").path("requestId").asText()))
                .toList();
    }

    private JsonNode replyTo(Request r) {
        return await().atMost(PATIENCE).until(() -> repliesTo(r), l -> !l.isEmpty()).get(0);
    }

    @Test
    void a_free_room_is_booked_for_the_session_and_confirmed_with_the_booking() {
        Request r = Request.fresh();
        requestVenue(r, "2026-12-02T10:00:00+08:00", "2026-12-02T12:00:00+08:00");

        JsonNode reply = replyTo(r);
        assertEquals("VenueConfirmed", reply.path("type").asText());
        assertEquals(r.sessionId().toString(), reply.path("aggregateId").asText());
        JsonNode p = reply.path("payload");
        assertEquals(r.sessionId().toString(), p.path("sessionId").asText());
        assertEquals(station, p.path("stationId").asText());
        assertEquals(room, p.path("roomId").asText());
        String bookingId = p.path("bookingId").asText();
        asManager().get(booking(station, bookingId)).then().statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("bookerKind", equalTo("ORGANIZATION"))
                .body("bookerId", equalTo(r.organizer().toString()))
                .body("attendees", equalTo(15))
                .body("purpose", equalTo("沉浸式党课"))
                .body("start", equalTo("2026-12-02T10:00:00+08:00"));
    }

    @Test
    void the_reply_continues_the_trace_of_the_request() {
        String traceparent = "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";
        Request traced = Request.fresh();
        requestVenue(UUID.randomUUID(), traced, room, "2026-12-03T10:00:00+08:00", "2026-12-03T11:00:00+08:00", 5,
                traceparent);
        Request untraced = Request.fresh();
        requestVenue(untraced, "2026-12-03T14:00:00+08:00", "2026-12-03T15:00:00+08:00");

        // the same trace (the reply is recorded under a span of this service's own, so the span id differs)
        assertEquals(traceparent.substring(0, 36), replyTo(traced).path("traceparent").asText().substring(0, 36));
        // a request that came without one starts a trace of its own, not the previous request's
        String fresh = replyTo(untraced).path("traceparent").asText();
        assertTrue(fresh.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"), fresh);
        assertTrue(!fresh.startsWith(traceparent.substring(0, 36)), fresh);
    }

    @Test
    void a_taken_slot_is_rejected_as_an_overlap() throws Exception {
        book(station, room, "2026-12-02T14:00:00+08:00", "2026-12-02T16:00:00+08:00", 10).then().statusCode(201);
        Request r = Request.fresh();
        requestVenue(r, "2026-12-02T15:00:00+08:00", "2026-12-02T17:00:00+08:00");

        JsonNode reply = replyTo(r);
        assertEquals("VenueRejected", reply.path("type").asText());
        assertEquals("booking-overlap", reply.path("payload").path("rule").asText());
        assertFalse(reply.path("payload").path("reason").asText().isBlank());
        assertEquals(0, count("select count(*) from booking where venue_request_id = '" + r.requestId() + "'"));
    }

    @Test
    void an_unknown_room_is_rejected() {
        Request r = Request.fresh();
        requestVenue(UUID.randomUUID(), r, UUID.randomUUID().toString(),
                "2026-12-02T10:00:00+08:00", "2026-12-02T12:00:00+08:00", 10);

        JsonNode reply = replyTo(r);
        assertEquals("VenueRejected", reply.path("type").asText());
        assertEquals("unknown-room", reply.path("payload").path("rule").asText());
    }

    @Test
    void a_session_after_closing_time_is_rejected_naming_the_opening_hours() {
        Request r = Request.fresh();
        requestVenue(r, "2026-12-02T20:00:00+08:00", "2026-12-02T22:00:00+08:00");

        JsonNode reply = replyTo(r);
        assertEquals("VenueRejected", reply.path("type").asText());
        assertEquals("booking-outside-opening-hours", reply.path("payload").path("rule").asText());
    }

    @Test
    void a_redelivered_request_gets_the_same_answer_and_no_second_booking() throws Exception {
        Request r = Request.fresh();
        UUID firstEvent = UUID.randomUUID();
        requestVenue(firstEvent, r, room, "2026-12-03T10:00:00+08:00", "2026-12-03T12:00:00+08:00", 15);
        String bookingId = replyTo(r).path("payload").path("bookingId").asText();

        // The same request published again (a new envelope), then the very same envelope again.
        requestVenue(r, "2026-12-03T10:00:00+08:00", "2026-12-03T12:00:00+08:00");
        requestVenue(firstEvent, r, room, "2026-12-03T10:00:00+08:00", "2026-12-03T12:00:00+08:00", 15);
        // A later message on the same key shows that both were consumed before it.
        Request marker = new Request(UUID.randomUUID(), r.sessionId(), r.organizer());
        requestVenue(marker, "2026-12-03T18:00:00+08:00", "2026-12-03T19:00:00+08:00");
        replyTo(marker);
        await().atMost(PATIENCE).until(() -> repliesTo(r).size() >= 2);

        List<JsonNode> answers = repliesTo(r);
        assertEquals(2, answers.size(), "the duplicate envelope must not be answered, the republished request must");
        for (JsonNode answer : answers) {
            assertEquals("VenueConfirmed", answer.path("type").asText());
            assertEquals(bookingId, answer.path("payload").path("bookingId").asText());
        }
        assertEquals(1, count("select count(*) from booking where venue_request_id = '" + r.requestId() + "'"));
    }

    @Test
    void a_release_cancels_the_booking_and_a_release_without_a_booking_changes_nothing() throws Exception {
        Request r = Request.fresh();
        requestVenue(r, "2026-12-04T10:00:00+08:00", "2026-12-04T12:00:00+08:00");
        String bookingId = replyTo(r).path("payload").path("bookingId").asText();

        UUID releaseEvent = UUID.randomUUID();
        release(releaseEvent, r);
        await().atMost(PATIENCE).untilAsserted(() -> asManager().get(booking(station, bookingId)).then()
                .body("status", equalTo("CANCELLED"))
                .body("statusReason", startsWith("VENUE_RELEASED")));
        // The slot is free again.
        book(station, room, "2026-12-04T10:00:00+08:00", "2026-12-04T12:00:00+08:00", 10).then().statusCode(201);

        Request neverBooked = Request.fresh();
        UUID noOp = UUID.randomUUID();
        release(noOp, neverBooked);
        await().atMost(PATIENCE).until(() -> count("select count(*) from processed_event where event_id = '" + noOp + "'") == 1);
        assertEquals(1, count("select count(*) from outbox_event where message_key = '" + bookingId
                + "' and event_type = 'BookingCancelled'"));
        assertEquals(0, count("select count(*) from outbox_event where message_key = '" + r.sessionId()
                + "' and event_type = 'VenueCancelled'"), "training asked for it: nothing to tell training");
    }

    @Test
    void a_room_the_station_cancels_itself_is_reported_to_training_with_the_reason() throws Exception {
        Request r = Request.fresh();
        requestVenue(r, "2026-12-05T10:00:00+08:00", "2026-12-05T12:00:00+08:00");
        String bookingId = replyTo(r).path("payload").path("bookingId").asText();

        asManager().contentType(io.restassured.http.ContentType.JSON).body("{\"reason\":\"服务站临时检修\"}")
                .post(booking(station, bookingId) + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));

        JsonNode cancelled = await().atMost(PATIENCE).until(() -> repliesTo(r).stream()
                .filter(n -> "VenueCancelled".equals(n.path("type").asText())).toList(), l -> l.size() == 1).get(0);
        assertEquals(r.sessionId().toString(), cancelled.path("aggregateId").asText());
        assertEquals(bookingId, cancelled.path("payload").path("bookingId").asText());
        assertEquals(r.sessionId().toString(), cancelled.path("payload").path("sessionId").asText());
        assertEquals("服务站临时检修", cancelled.path("payload").path("reason").asText());
    }

    /**
     * Two bookers for one slot at the same moment: the venue request passes the rules (the other
     * booking is not committed yet), then loses at the exclusion constraint, and is answered with
     * a rejection written in a fresh transaction.
     */
    @Test
    void a_request_that_loses_the_race_at_the_database_is_rejected_as_an_overlap() throws Exception {
        Request r = Request.fresh();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into booking (id, room_id, station_id, starts_at, ends_at, status, booker_kind, booker_id,
                                         booker_name, purpose, attendees, created_at, updated_at)
                    values (gen_random_uuid(), ?::uuid, ?::uuid, '2026-12-05T10:00:00+08:00', '2026-12-05T12:00:00+08:00',
                            'CONFIRMED', 'ORGANIZATION', gen_random_uuid(), '第一党支部', '主题党日', 10, now(), now())""")) {
                insert.setString(1, room);
                insert.setString(2, station);
                insert.executeUpdate();
            }
            requestVenue(r, "2026-12-05T11:00:00+08:00", "2026-12-05T13:00:00+08:00");
            await().atMost(PATIENCE).until(() -> count("select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and datname = current_database()") > 0);
            c.commit();
        }

        JsonNode reply = replyTo(r);
        assertEquals("VenueRejected", reply.path("type").asText());
        assertEquals("booking-overlap", reply.path("payload").path("rule").asText());
        assertEquals(1, count("select count(*) from venue_request where request_id = '" + r.requestId()
                + "' and rule = 'booking-overlap'"));
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
