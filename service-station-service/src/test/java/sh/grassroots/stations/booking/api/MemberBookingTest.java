package sh.grassroots.stations.booking.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.stations.support.TestClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asManager;
import static sh.grassroots.stations.support.Api.bookingsOf;

/**
 * A member booking a room for themselves, and a walk-in booked at the desk: the bookings that take
 * the one-statement lane (BookingFastLane). The answers are the full path's, slot taken and
 * Idempotency-Key included. The clock stands at Tuesday 2026-12-01 09:00 Shanghai time.
 */
@QuarkusTest
class MemberBookingTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String WED_14 = "2026-12-02T14:00:00+08:00";
    private static final String WED_16 = "2026-12-02T16:00:00+08:00";

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource dataSource;

    String station;
    String room;

    @BeforeEach
    void aStationWithARoomForTwenty() {
        clock.reset();
        station = aStation();
        room = aRoom(station, 20);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String memberBooking(String start, String end, int attendees) {
        return "{\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"bookerKind\":\"MEMBER\","
                + "\"bookerName\":\"李明\",\"purpose\":\"读书会\",\"attendees\":" + attendees + "}";
    }

    static Response bookAsMember(UUID member, String station, String room, String start, String end) {
        return AsCaller.member(member).contentType(ContentType.JSON).body(memberBooking(start, end, 5))
                .post(bookingsOf(station, room));
    }

    @Test
    void a_member_books_a_free_slot_for_themselves_and_the_event_is_in_the_outbox() throws Exception {
        UUID member = UUID.randomUUID();
        String id = bookAsMember(member, station, room, WED_14, WED_16).then().statusCode(201)
                .header("Location", containsString("/bookings/"))
                .body("status", equalTo("CONFIRMED"))
                .body("bookerId", equalTo(member.toString()))
                .body("start", equalTo("2026-12-02T14:00:00+08:00"))
                .extract().path("id");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select topic, event_type, envelope from outbox_event where message_key = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "the booking's event is in the outbox");
                assertEquals("stations.booking.v1", rs.getString(1));
                assertEquals("BookingConfirmed", rs.getString(2));
                assertTrue(rs.getString(3).contains("\"bookingId\":\"" + id + "\""), rs.getString(3));
                assertTrue(rs.getString(3).contains("\"district\":\"310101\""), rs.getString(3));
            }
        }
        AsCaller.member(member).get("/api/v1/stations/" + station + "/bookings/" + id).then().statusCode(200)
                .body("purpose", equalTo("读书会"));
    }

    @Test
    void a_member_asking_for_hours_another_member_holds_gets_a_409_naming_them_and_nothing_is_recorded() throws Exception {
        bookAsMember(UUID.randomUUID(), station, room, WED_14, WED_16).then().statusCode(201);
        long events = events();

        bookAsMember(UUID.randomUUID(), station, room, "2026-12-02T15:00:00+08:00", "2026-12-02T17:00:00+08:00")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:booking-slot-taken"))
                .body("detail", containsString("2026-12-02T14:00+08:00"))
                .body("detail", containsString("2026-12-02T16:00+08:00"));
        assertEquals(events, events(), "a refused booking records no event");
    }

    @Test
    void a_member_starting_inside_a_rooms_buffer_gets_the_buffer_409() {
        String buffered = aRoom(station, "{\"name\":\"活动室\",\"capacity\":20,\"bufferMinutes\":15}");
        bookAsMember(UUID.randomUUID(), station, buffered, WED_14, WED_16).then().statusCode(201);
        bookAsMember(UUID.randomUUID(), station, buffered, WED_16, "2026-12-02T18:00:00+08:00").then().statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:booking-buffer-too-small"));
        bookAsMember(UUID.randomUUID(), station, buffered, "2026-12-02T16:15:00+08:00", "2026-12-02T18:00:00+08:00")
                .then().statusCode(201);
    }

    @Test
    void a_members_retry_with_the_same_idempotency_key_replays_and_another_body_is_a_422() {
        UUID member = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        RequestSpecification first = AsCaller.member(member).header("Idempotency-Key", key);
        String id = first.contentType(ContentType.JSON).body(memberBooking(WED_14, WED_16, 5))
                .post(bookingsOf(station, room)).then().statusCode(201).extract().path("id");

        AsCaller.member(member).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(memberBooking(WED_14, WED_16, 5)).post(bookingsOf(station, room)).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        AsCaller.member(member).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(memberBooking(WED_14, WED_16, 6)).post(bookingsOf(station, room)).then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:idempotency-key-reused"));
        // Another member's same key is another request: here, for hours the first member holds.
        AsCaller.member(UUID.randomUUID()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(memberBooking(WED_14, WED_16, 5)).post(bookingsOf(station, room)).then().statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:booking-slot-taken"));
    }

    @Test
    void a_room_needing_approval_takes_a_members_request_and_holds_the_slot() {
        String approved = aRoom(station, "{\"name\":\"报告厅\",\"capacity\":100,\"requiresApproval\":true}");
        bookAsMember(UUID.randomUUID(), station, approved, WED_14, WED_16).then().statusCode(201)
                .body("status", equalTo("REQUESTED"));
        bookAsMember(UUID.randomUUID(), station, approved, WED_14, WED_16).then().statusCode(409);
    }

    @Test
    void a_walk_in_is_booked_at_the_desk_by_the_manager_but_not_by_a_member() {
        String walkIn = "{\"start\":\"" + WED_14 + "\",\"end\":\"" + WED_16 + "\",\"bookerKind\":\"PUBLIC\","
                + "\"bookerName\":\"王女士\",\"bookerPhone\":\"13812345678\",\"purpose\":\"读书会\",\"attendees\":6}";
        AsCaller.member(UUID.randomUUID()).contentType(ContentType.JSON).body(walkIn).post(bookingsOf(station, room))
                .then().statusCode(403);
        asManager().contentType(ContentType.JSON).body(walkIn).post(bookingsOf(station, room)).then().statusCode(201)
                .body("bookerPhone", equalTo("138****5678"));
    }

    @Test
    void a_member_booking_for_someone_else_is_refused() {
        AsCaller.member(UUID.randomUUID()).contentType(ContentType.JSON)
                .body("{\"start\":\"" + WED_14 + "\",\"end\":\"" + WED_16 + "\",\"bookerKind\":\"MEMBER\",\"bookerId\":\""
                        + UUID.randomUUID() + "\",\"bookerName\":\"李明\",\"purpose\":\"读书会\",\"attendees\":5}")
                .post(bookingsOf(station, room)).then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:not-own-record"));
    }

    private long events() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from outbox_event");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
