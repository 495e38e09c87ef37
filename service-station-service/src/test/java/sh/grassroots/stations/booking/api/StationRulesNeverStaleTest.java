package sh.grassroots.stations.booking.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.CallerHeaders;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.stations.booking.application.BookingFastLane;
import sh.grassroots.stations.booking.application.BookingTransactions;
import sh.grassroots.stations.booking.application.PlacedBooking;
import sh.grassroots.stations.booking.application.RequestBooking;
import sh.grassroots.stations.booking.application.StationRules;
import sh.grassroots.stations.booking.application.StationRulesCache;
import sh.grassroots.stations.booking.model.BookerKind;
import sh.grassroots.stations.booking.persistence.BookingInsert;
import sh.grassroots.stations.booking.persistence.StationRulesReader;
import sh.grassroots.stations.personaldata.application.PersonalData;
import sh.grassroots.stations.support.TestClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.stations.booking.api.MemberBookingTest.bookAsMember;
import static sh.grassroots.stations.support.Api.DISTRICT;
import static sh.grassroots.stations.support.Api.STATIONS;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asManager;
import static sh.grassroots.stations.support.Api.bookingsOf;

/**
 * The copy of a station's rules a replica keeps for bookings never decides a booking once the
 * rules changed: the very next booking honours a closure, new hours or new room terms, on the
 * replica that made the change and on any other.
 *
 * <p>Another replica is modelled in two ways, both sharing this test's database as replicas do:
 * a change made by SQL (as another replica's write, or an operator's, reaches the database without
 * this replica hearing of it), and a second {@link BookingFastLane} with a cache of its own, built
 * here from the real beans (what a second process would hold: its own copy, the same database). A
 * second Quarkus process would add start-up time and nothing the cache could tell apart.
 */
@QuarkusTest
class StationRulesNeverStaleTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String WED_10 = "2026-12-02T10:00:00+08:00";
    private static final String WED_11 = "2026-12-02T11:00:00+08:00";
    private static final String WED_14 = "2026-12-02T14:00:00+08:00";
    private static final String WED_15 = "2026-12-02T15:00:00+08:00";
    private static final String THU_14 = "2026-12-03T14:00:00+08:00";
    private static final String THU_15 = "2026-12-03T15:00:00+08:00";

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    StationRulesCache cache;
    @Inject
    StationRulesReader reader;
    @Inject
    BookingInsert insert;
    @Inject
    BookingTransactions transactions;
    @Inject
    PersonalData personalData;
    @Inject
    ObjectMapper mapper;

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

    /** A member's first booking, which leaves the station's rules in this replica's copy. */
    private void warm() {
        bookAsMember(UUID.randomUUID(), station, room, WED_10, WED_11).then().statusCode(201);
        assertNotNull(kept(cache), "the booking left the station's rules in the copy");
    }

    private StationRules kept(StationRulesCache c) {
        return c.kept(UUID.fromString(station));
    }

    @Test
    void a_closure_added_here_is_honoured_by_the_very_next_booking() {
        warm();
        asManager().contentType(ContentType.JSON)
                .body("{\"start\":\"2026-12-02T12:00:00+08:00\",\"end\":\"2026-12-02T18:00:00+08:00\",\"reason\":\"设备检修\"}")
                .post(STATIONS + "/" + station + "/closures").then().statusCode(201);

        bookAsMember(UUID.randomUUID(), station, room, WED_14, WED_15).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:booking-station-closed"));
    }

    @Test
    void a_closure_added_elsewhere_is_honoured_by_the_very_next_booking_here() {
        warm();
        long before = kept(cache).rulesVersion();
        sql("insert into station_closure (id, station_id, starts_at, ends_at, reason) values (?::uuid, ?::uuid,"
                + " '2026-12-02T12:00:00+08:00', '2026-12-02T18:00:00+08:00', '停电')", UUID.randomUUID(), station);
        assertTrue(kept(cache).closures().isEmpty() && kept(cache).rulesVersion() == before,
                "this replica's copy is outdated: it knows of no closure");

        bookAsMember(UUID.randomUUID(), station, room, WED_14, WED_15).then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:booking-station-closed"));
        assertTrue(kept(cache).rulesVersion() > before, "the copy was read again");
        assertEquals(0, bookingsAt(WED_14));
    }

    @Test
    void hours_shortened_elsewhere_are_honoured_by_the_very_next_booking_here() {
        warm();
        sql("update station_opening_hours set closes = '12:00' where station_id = ?::uuid", station);

        bookAsMember(UUID.randomUUID(), station, room, WED_14, WED_15).then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:booking-outside-opening-hours"));
    }

    @Test
    void a_room_made_smaller_elsewhere_is_honoured_by_the_very_next_booking_here() {
        warm();
        sql("update room set capacity = 3 where id = ?::uuid", room);

        bookAsMember(UUID.randomUUID(), station, room, WED_14, WED_15).then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:booking-over-capacity"));
    }

    @Test
    void a_room_put_under_approval_elsewhere_takes_the_next_booking_as_a_request() {
        warm();
        sql("update room set requires_approval = true where id = ?::uuid", room);

        bookAsMember(UUID.randomUUID(), station, room, WED_14, WED_15).then().statusCode(201)
                .body("status", equalTo("REQUESTED"));
    }

    @Test
    void hours_widened_elsewhere_let_the_very_next_booking_in() {
        warm();
        bookAsMember(UUID.randomUUID(), station, room, "2026-12-02T21:00:00+08:00", "2026-12-02T22:00:00+08:00")
                .then().statusCode(422);
        sql("update station_opening_hours set closes = '23:00' where station_id = ?::uuid", station);

        bookAsMember(UUID.randomUUID(), station, room, "2026-12-02T21:00:00+08:00", "2026-12-02T22:00:00+08:00")
                .then().statusCode(201);
    }

    @Test
    void a_closure_added_on_this_replica_is_honoured_by_the_next_booking_on_another_replica() {
        StationRulesCache othersCopy = new StationRulesCache(reader, clock);
        BookingFastLane other = new BookingFastLane(othersCopy, insert, transactions, personalData, mapper, clock);
        assertNotNull(book(other, WED_10, WED_11), "the other replica books at the rules it read");

        asManager().contentType(ContentType.JSON)
                .body("{\"start\":\"2026-12-02T12:00:00+08:00\",\"end\":\"2026-12-02T18:00:00+08:00\",\"reason\":\"设备检修\"}")
                .post(STATIONS + "/" + station + "/closures").then().statusCode(201);

        assertTrue(kept(othersCopy).closures().isEmpty(), "the other replica's copy is outdated: it knows of no closure");
        PlacedBooking placed = book(other, WED_14, WED_15);
        assertNull(placed, "the other replica places nothing: its copy was outdated, and the full path decides");
        assertEquals(0, bookingsAt(WED_14));
        assertEquals(1, kept(othersCopy).closures().size(), "the other replica read the rules again");
        assertNotNull(book(other, THU_14, THU_15),
                "the other replica books again where the closure does not reach");
    }

    @Test
    void a_manager_named_elsewhere_books_a_walk_in_at_the_desk_at_once() {
        warm();
        String subject = "new-manager-" + UUID.randomUUID();
        sql("insert into station_manager (station_id, subject, named_at) values (?::uuid, ?, now())", station, subject);

        AsCaller.stationManager(subject, DISTRICT).contentType(ContentType.JSON)
                .body("{\"start\":\"" + WED_14 + "\",\"end\":\"" + WED_15 + "\",\"bookerKind\":\"PUBLIC\","
                        + "\"bookerName\":\"王女士\",\"bookerPhone\":\"13812345678\",\"purpose\":\"读书会\",\"attendees\":4}")
                .post(bookingsOf(station, room)).then().statusCode(201);
    }

    /** A member books for themselves through {@code lane}: what it placed, or null for the full path. */
    private PlacedBooking book(BookingFastLane lane, String start, String end) {
        UUID member = UUID.randomUUID();
        Caller caller = CallerHeaders.read(Map.of(CallerHeaders.SUBJECT, member.toString(), CallerHeaders.KIND,
                "PERSON", CallerHeaders.ROLES, "member")::get).orElseThrow();
        return lane.place(caller, new RequestBooking(UUID.fromString(station), UUID.fromString(room),
                        OffsetDateTime.parse(start), OffsetDateTime.parse(end), BookerKind.MEMBER, member, "李明", null,
                        "读书会", 5, null, null))
                .await().atMost(Duration.ofSeconds(30));
    }

    private int bookingsAt(String start) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from booking where station_id = ?::uuid and starts_at = ?::timestamptz")) {
            s.setString(1, station);
            s.setString(2, start);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String statement, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i].toString());
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
