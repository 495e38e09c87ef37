package sh.grassroots.stations.booking.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.stations.support.Projections;
import sh.grassroots.stations.support.TestClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.stations.support.Api.DISTRICT;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asManager;
import static sh.grassroots.stations.support.Api.asSecretaryOf;
import static sh.grassroots.stations.support.Api.bookingsOf;
import static sh.grassroots.stations.support.Api.branchBooking;

/** Who a booking is for comes from the caller, not from the body. */
@QuarkusTest
class WhoBooksTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String TYPE = "urn:grassroots:problem:";
    private static final String WED_14 = "2026-12-02T14:00:00+08:00";
    private static final String WED_16 = "2026-12-02T16:00:00+08:00";

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource dataSource;

    String station;
    String room;

    @BeforeEach
    void setUp() {
        clock.reset();
        station = aStation();
        room = aRoom(station, 20);
    }

    private static String body(String kind, Object bookerId, String start, String end) {
        return """
                {"start":"%s","end":"%s","bookerKind":"%s",%s"bookerName":"王晓","bookerPhone":"13812345678",
                 "purpose":"读书会","attendees":6}""".formatted(start, end, kind,
                bookerId == null ? "" : "\"bookerId\":\"" + bookerId + "\",");
    }

    @Test
    void a_member_books_as_themselves_and_the_booker_id_may_be_left_out() {
        UUID wang = UUID.randomUUID();
        AsCaller.member(wang).contentType(ContentType.JSON).body(body("MEMBER", null, WED_14, WED_16))
                .post(bookingsOf(station, room)).then().statusCode(201)
                .body("bookerKind", equalTo("MEMBER")).body("bookerId", equalTo(wang.toString()));
    }

    @Test
    void a_member_booking_in_someone_elses_name_is_refused_as_not_their_own() {
        AsCaller.member(UUID.randomUUID()).contentType(ContentType.JSON)
                .body(body("MEMBER", UUID.randomUUID(), WED_14, WED_16))
                .post(bookingsOf(station, room)).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "not-own-record"));
    }

    @Test
    void a_branch_secretary_cannot_book_in_another_branchs_name_and_use_up_its_quota() {
        String popular = aRoom(station, "{\"name\":\"党员活动室\",\"capacity\":20,\"weeklyQuota\":1}");
        String victim = UUID.randomUUID().toString();
        Projections.knownOrganization(victim, null, DISTRICT);
        asSecretaryOf(UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(branchBooking(victim, WED_14, WED_16, 10)).post(bookingsOf(station, popular))
                .then().statusCode(403).body("type", equalTo(TYPE + "out-of-scope"));
        asSecretaryOf(victim).contentType(ContentType.JSON)
                .body(branchBooking(victim, WED_14, WED_16, 10)).post(bookingsOf(station, popular))
                .then().statusCode(201);
    }

    @Test
    void an_organization_stations_has_not_heard_of_is_a_422_naming_the_booker_and_the_lag() {
        String unheard = UUID.randomUUID().toString();
        AsCaller.districtAdmin(DISTRICT).contentType(ContentType.JSON).body(branchBooking(unheard, WED_14, WED_16, 10))
                .post(bookingsOf(station, room)).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "booking-unknown-organization"))
                .body("errors.field", hasItem("bookerId"))
                .body("detail", containsString("second or two"));
    }

    @Test
    void a_dissolved_organization_books_nothing() throws Exception {
        String gone = UUID.randomUUID().toString();
        Projections.knownOrganization(gone, null, DISTRICT);
        update("update known_organization set dissolved_on = date '2026-11-30' where id = '" + gone + "'");
        asSecretaryOf(gone).contentType(ContentType.JSON).body(branchBooking(gone, WED_14, WED_16, 10))
                .post(bookingsOf(station, room)).then().statusCode(422)
                .body("type", equalTo(TYPE + "booking-organization-dissolved"))
                .body("errors.field", hasItem("bookerId"));
    }

    @Test
    void a_member_unit_is_booked_by_the_office_of_its_conferences_host_district() throws Exception {
        UUID unit = UUID.randomUUID();
        Projections.knownMemberUnit(unit, DISTRICT);
        AsCaller.districtAdmin("310110").contentType(ContentType.JSON).body(body("MEMBER_UNIT", unit, WED_14, WED_16))
                .post(bookingsOf(station, room)).then().statusCode(403).body("type", equalTo(TYPE + "out-of-scope"));
        AsCaller.member(UUID.randomUUID()).contentType(ContentType.JSON).body(body("MEMBER_UNIT", unit, WED_14, WED_16))
                .post(bookingsOf(station, room)).then().statusCode(403).body("type", equalTo(TYPE + "out-of-scope"));
        AsCaller.organizer(UUID.randomUUID(), DISTRICT).contentType(ContentType.JSON)
                .body(body("MEMBER_UNIT", unit, WED_14, WED_16))
                .post(bookingsOf(station, room)).then().statusCode(201).body("bookerKind", equalTo("MEMBER_UNIT"));

        update("update member_unit set left_on = date '2026-11-30' where unit_id = '" + unit + "'");
        AsCaller.districtAdmin(DISTRICT).contentType(ContentType.JSON)
                .body(body("MEMBER_UNIT", unit, "2026-12-03T14:00:00+08:00", "2026-12-03T16:00:00+08:00"))
                .post(bookingsOf(station, room)).then().statusCode(422)
                .body("type", equalTo(TYPE + "booking-member-unit-left"));
        AsCaller.districtAdmin(DISTRICT).contentType(ContentType.JSON)
                .body(body("MEMBER_UNIT", UUID.randomUUID(), "2026-12-03T14:00:00+08:00", "2026-12-03T16:00:00+08:00"))
                .post(bookingsOf(station, room)).then().statusCode(422)
                .body("type", equalTo(TYPE + "booking-unknown-member-unit"))
                .body("errors.field", hasItem("bookerId"));
    }

    @Test
    void walk_ins_are_booked_at_the_desk_by_the_stations_managers_only() {
        AsCaller.member(UUID.randomUUID()).contentType(ContentType.JSON).body(body("PUBLIC", null, WED_14, WED_16))
                .post(bookingsOf(station, room)).then().statusCode(403).body("type", equalTo(TYPE + "out-of-scope"));
        AsCaller.stationManager("manager-" + UUID.randomUUID(), DISTRICT).contentType(ContentType.JSON)
                .body(body("PUBLIC", null, WED_14, WED_16))
                .post(bookingsOf(station, room)).then().statusCode(403);
        asManager().contentType(ContentType.JSON).body(body("PUBLIC", null, WED_14, WED_16))
                .post(bookingsOf(station, room)).then().statusCode(201).body("bookerKind", equalTo("PUBLIC"));
    }

    @Test
    void a_recurring_booking_in_another_organizations_name_is_refused_once_not_per_occurrence() {
        String theirs = UUID.randomUUID().toString();
        Projections.knownOrganization(theirs, null, DISTRICT);
        asSecretaryOf(UUID.randomUUID().toString()).contentType(ContentType.JSON).body("""
                        {"start":"%s","end":"%s","rrule":"FREQ=WEEKLY;COUNT=3","mode":"EACH","bookerKind":"ORGANIZATION",
                         "bookerId":"%s","bookerName":"第一党支部","purpose":"每周学习","attendees":12}"""
                        .formatted(WED_14, WED_16, theirs))
                .post(bookingsOf(station, room) + "/series").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "out-of-scope"));
    }

    @Test
    void another_callers_use_of_the_same_idempotency_key_neither_sees_nor_blocks_the_first_answer() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String key = "retry-" + UUID.randomUUID();
        String firstId = asSecretaryOf(first).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(branchBooking(first, WED_14, WED_16, 10)).post(bookingsOf(station, room))
                .then().statusCode(201).extract().path("id");

        String secondId = asSecretaryOf(second).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(branchBooking(second, WED_16, "2026-12-02T18:00:00+08:00", 10)).post(bookingsOf(station, room))
                .then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue())
                .body("id", not(equalTo(firstId))).body("bookerId", equalTo(second))
                .extract().path("id");
        asSecretaryOf(first).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(branchBooking(first, WED_14, WED_16, 10)).post(bookingsOf(station, room))
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(firstId));
        assertEquals(2, count("select count(*) from booking where idempotency_key = '" + key + "' and id in ('"
                + firstId + "', '" + secondId + "')"));
    }

    private void update(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
