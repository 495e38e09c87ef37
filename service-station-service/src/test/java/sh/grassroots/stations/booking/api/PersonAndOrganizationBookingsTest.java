package sh.grassroots.stations.booking.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.stations.support.TestClock;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.stations.support.Api.STATIONS;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asSecretaryOf;
import static sh.grassroots.stations.support.Api.bookAs;
import static sh.grassroots.stations.support.Api.booking;
import static sh.grassroots.stations.support.Api.bookingsOf;

/** A member's upcoming bookings for the phone, and an organization's bookings as a calendar feed. */
@QuarkusTest
class PersonAndOrganizationBookingsTest {
    @Inject
    TestClock clock;

    String station;
    String room;
    String otherRoom;

    @BeforeEach
    void setUp() {
        clock.reset();
        station = aStation();
        room = aRoom(station, 20);
        otherRoom = aRoom(station, 8);
    }

    private Response bookAsMember(String member, String roomId, String start, String end) {
        return AsCaller.member(member).contentType(ContentType.JSON).body("""
                        {"start":"%s","end":"%s","bookerKind":"MEMBER","bookerId":"%s","bookerName":"王晓",
                         "purpose":"读书会","attendees":6}""".formatted(start, end, member))
                .post(bookingsOf(station, roomId));
    }

    private static String people(String member) {
        return STATIONS + "/people/" + member + "/bookings";
    }

    /** As the gateway forwards a member's request: their id is the subject. */
    private static io.restassured.specification.RequestSpecification asMember(String member) {
        return given().header("X-Caller-Subject", member).header("X-Caller-Kind", "PERSON").header("X-Caller-Roles", "member");
    }

    @Test
    void a_members_upcoming_bookings_come_soonest_first_page_by_page_without_cancelled_ones() {
        String member = UUID.randomUUID().toString();
        String third = bookAsMember(member, room, "2026-12-04T10:00:00+08:00", "2026-12-04T11:00:00+08:00")
                .then().statusCode(201).extract().path("id");
        String first = bookAsMember(member, room, "2026-12-02T10:00:00+08:00", "2026-12-02T11:00:00+08:00")
                .then().statusCode(201).extract().path("id");
        String second = bookAsMember(member, otherRoom, "2026-12-02T10:00:00+08:00", "2026-12-02T11:00:00+08:00")
                .then().statusCode(201).extract().path("id");
        String cancelled = bookAsMember(member, room, "2026-12-03T10:00:00+08:00", "2026-12-03T11:00:00+08:00")
                .then().statusCode(201).extract().path("id");
        asMember(member).contentType(ContentType.JSON).body("{\"reason\":\"有事\"}").post(booking(station, cancelled) + "/cancel")
                .then().statusCode(200);
        bookAsMember(UUID.randomUUID().toString(), room, "2026-12-05T10:00:00+08:00", "2026-12-05T11:00:00+08:00")
                .then().statusCode(201);

        Response page1 = asMember(member).queryParam("limit", 2).get(people(member));
        page1.then().statusCode(200).contentType(ContentType.JSON);
        List<String> ids1 = page1.path("items.id");
        String cursor = page1.path("nextCursor");
        Response page2 = asMember(member).queryParam("limit", 2).queryParam("cursor", cursor).get(people(member));
        page2.then().statusCode(200).body("nextCursor", nullValue());
        List<String> ids2 = page2.path("items.id");

        List<String> expectedFirstTwo = first.compareTo(second) < 0 ? List.of(first, second) : List.of(second, first);
        assertEquals(expectedFirstTwo, ids1);
        assertEquals(List.of(third), ids2);
        page1.then().body("items[0].start", equalTo("2026-12-02T10:00:00+08:00"));
    }

    @Test
    void a_booking_that_has_ended_is_no_longer_upcoming() {
        String member = UUID.randomUUID().toString();
        bookAsMember(member, room, "2026-12-02T10:00:00+08:00", "2026-12-02T11:00:00+08:00").then().statusCode(201);
        clock.set(java.time.OffsetDateTime.parse("2026-12-02T11:00:00+08:00").toInstant());
        asMember(member).get(people(member)).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void another_persons_bookings_are_theirs_alone_not_even_a_station_managers() {
        String member = UUID.randomUUID().toString();
        bookAsMember(member, room, "2026-12-02T10:00:00+08:00", "2026-12-02T11:00:00+08:00").then().statusCode(201);
        asMember(UUID.randomUUID().toString()).get(people(member)).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:not-own-record"));
        given().get(people(member)).then().statusCode(401).contentType("application/problem+json");
        given().header("X-Caller-Subject", "manager").header("X-Caller-Roles", "station_manager")
                .get(people(member)).then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:not-own-record"));
        asMember(member).get(people(member)).then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void a_cursor_this_list_did_not_issue_is_a_problem() {
        String member = UUID.randomUUID().toString();
        asMember(member).queryParam("cursor", "bm9wZQ").get(people(member)).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:invalid-cursor"));
    }

    @Test
    void an_organizations_bookings_are_an_icalendar_feed() {
        String branch = UUID.randomUUID().toString();
        String a = bookAs(branch, station, room, "2026-12-02T14:00:00+08:00", "2026-12-02T16:00:00+08:00")
                .then().statusCode(201).extract().path("id");
        String b = bookAs(branch, station, room, "2026-12-03T09:00:00+08:00", "2026-12-03T10:00:00+08:00")
                .then().statusCode(201).extract().path("id");
        String gone = bookAs(branch, station, room, "2026-12-04T14:00:00+08:00", "2026-12-04T16:00:00+08:00")
                .then().statusCode(201).extract().path("id");
        asSecretaryOf(branch).contentType(ContentType.JSON).body("{\"reason\":\"改期\"}").post(booking(station, gone) + "/cancel")
                .then().statusCode(200);
        String notOurs = bookAs(UUID.randomUUID().toString(), station, room, "2026-12-05T14:00:00+08:00",
                "2026-12-05T16:00:00+08:00").then().statusCode(201).extract().path("id");

        String feed = asSecretaryOf(branch).get(STATIONS + "/organizations/" + branch + "/bookings.ics").then().statusCode(200)
                .contentType(containsString("text/calendar"))
                .body(containsString("BEGIN:VCALENDAR"))
                .body(containsString("UID:" + a + "@stations.grassroots.sh"))
                .body(containsString("UID:" + b + "@stations.grassroots.sh"))
                .body(containsString("DTSTART:20261202T060000Z"))
                .body(not(containsString(gone)))
                .body(not(containsString(notOurs)))
                .extract().asString();
        assertEquals(2, feed.split("BEGIN:VEVENT", -1).length - 1);
        assertEquals(true, feed.contains("\r\n"));
    }
}
