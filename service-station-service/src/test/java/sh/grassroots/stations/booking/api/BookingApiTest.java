package sh.grassroots.stations.booking.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.stations.support.TestClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.stations.support.Api.STATIONS;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asManager;
import static sh.grassroots.stations.support.Api.asSecretaryOf;
import static sh.grassroots.stations.support.Api.asSomeone;
import static sh.grassroots.stations.support.Api.book;
import static sh.grassroots.stations.support.Api.bookAs;
import static sh.grassroots.stations.support.Api.booking;
import static sh.grassroots.stations.support.Api.bookingsOf;
import static sh.grassroots.stations.support.Api.branchBooking;

/**
 * The booking API through the real database. The service's clock stands at Tuesday 2026-12-01
 * 09:00 Shanghai time unless a test moves it; the stations open 09:00-21:00 Monday to Saturday.
 */
@QuarkusTest
class BookingApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String WED_14 = "2026-12-02T14:00:00+08:00";
    private static final String WED_16 = "2026-12-02T16:00:00+08:00";

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource dataSource;

    String station;
    String room;
    /** The branch that books the weekly study sessions. */
    String seriesBranch;

    @BeforeEach
    void aStationWithARoomForTwenty() {
        clock.reset();
        station = aStation();
        room = aRoom(station, 20);
        seriesBranch = UUID.randomUUID().toString();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_branch_books_a_room_and_the_booking_is_confirmed_at_once() {
        String id = book(station, room, WED_14, WED_16, 12).then().statusCode(201)
                .header("Location", containsString(STATIONS + "/" + station + "/bookings/"))
                .body("status", equalTo("CONFIRMED"))
                .body("start", equalTo("2026-12-02T14:00:00+08:00"))
                .body("attendees", equalTo(12))
                .extract().path("id");

        asManager().get(booking(station, id)).then().statusCode(200)
                .body("id", equalTo(id)).body("roomId", equalTo(room)).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void times_sent_in_utc_are_stored_as_the_same_instant_and_shown_in_shanghai_time() {
        book(station, room, "2026-12-02T06:00:00Z", "2026-12-02T08:00:00Z", 5).then().statusCode(201)
                .body("start", equalTo(WED_14)).body("end", equalTo(WED_16));
    }

    @Test
    void a_room_needing_approval_holds_the_slot_until_the_manager_approves() {
        String approvalRoom = aRoom(station, "{\"name\":\"多功能厅\",\"capacity\":80,\"requiresApproval\":true}");
        String id = book(station, approvalRoom, WED_14, WED_16, 50).then().statusCode(201)
                .body("status", equalTo("REQUESTED")).extract().path("id");

        book(station, approvalRoom, "2026-12-02T15:00:00+08:00", "2026-12-02T17:00:00+08:00", 10)
                .then().statusCode(409).body("type", equalTo("urn:grassroots:problem:booking-slot-taken"));

        asManager().post(booking(station, id) + "/approve").then().statusCode(200).body("status", equalTo("CONFIRMED"));
        asManager().post(booking(station, id) + "/approve").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:booking-not-awaiting-decision"));
    }

    @Test
    void a_phone_polling_a_booking_gets_304_until_it_changes_and_a_stale_if_match_is_refused() {
        String approvalRoom = aRoom(station, "{\"name\":\"多功能厅\",\"capacity\":80,\"requiresApproval\":true}");
        String id = book(station, approvalRoom, WED_14, WED_16, 50).then().statusCode(201).extract().path("id");
        String etag = asManager().get(booking(station, id)).then().statusCode(200).extract().header("ETag");
        asManager().header("If-None-Match", etag).get(booking(station, id)).then().statusCode(304);

        String approved = asManager().header("If-Match", etag).post(booking(station, id) + "/approve").then()
                .statusCode(200).extract().header("ETag");
        assertFalse(etag.equals(approved), approved);
        asManager().header("If-None-Match", etag).get(booking(station, id)).then().statusCode(200)
                .header("ETag", equalTo(approved));
        asManager().header("If-Match", etag).contentType(ContentType.JSON).body("{\"reason\":\"改期\"}")
                .post(booking(station, id) + "/cancel").then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:stale-version"));
        asManager().get(booking(station, id)).then().body("status", equalTo("CONFIRMED"));
    }

    @Test
    void a_rejected_request_gives_the_slot_back() {
        String approvalRoom = aRoom(station, "{\"name\":\"多功能厅\",\"capacity\":80,\"requiresApproval\":true}");
        String id = book(station, approvalRoom, WED_14, WED_16, 50).then().statusCode(201).extract().path("id");

        asManager().contentType(ContentType.JSON).body("{\"reason\":\"当天有区里的活动\"}")
                .post(booking(station, id) + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("statusReason", equalTo("当天有区里的活动"));

        book(station, approvalRoom, WED_14, WED_16, 30).then().statusCode(201);
    }

    @Test
    void a_second_booking_over_the_same_hours_is_a_409_naming_the_slot_it_hit() {
        book(station, room, WED_14, WED_16, 10).then().statusCode(201);

        book(station, room, "2026-12-02T15:30:00+08:00", "2026-12-02T17:00:00+08:00", 10).then()
                .statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:booking-slot-taken"))
                .body("detail", containsString("2026-12-02T14:00+08:00"))
                .body("detail", containsString("2026-12-02T16:00+08:00"));
    }

    @Test
    void back_to_back_bookings_are_both_confirmed() {
        book(station, room, WED_14, WED_16, 10).then().statusCode(201);
        book(station, room, WED_16, "2026-12-02T18:00:00+08:00", 10).then().statusCode(201);
    }

    @Test
    void a_room_with_a_buffer_refuses_a_booking_that_starts_right_after_another() {
        String buffered = aRoom(station, "{\"name\":\"活动室\",\"capacity\":20,\"bufferMinutes\":15}");
        book(station, buffered, WED_14, WED_16, 10).then().statusCode(201);
        book(station, buffered, WED_16, "2026-12-02T18:00:00+08:00", 10).then().statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:booking-buffer-too-small"));
        book(station, buffered, "2026-12-02T16:15:00+08:00", "2026-12-02T18:00:00+08:00", 10).then().statusCode(201);
    }

    @Test
    void a_branch_that_used_its_weekly_quota_cannot_book_the_room_again_that_week_but_another_branch_can() {
        String popular = aRoom(station, "{\"name\":\"党员活动室\",\"capacity\":20,\"weeklyQuota\":1}");
        String branch = UUID.randomUUID().toString();
        bookAs(branch, station, popular, WED_14, WED_16).then().statusCode(201);

        bookAs(branch, station, popular, "2026-12-03T14:00:00+08:00", "2026-12-03T16:00:00+08:00").then()
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:booking-quota-exceeded"));
        bookAs(UUID.randomUUID().toString(), station, popular, "2026-12-03T14:00:00+08:00",
                "2026-12-03T16:00:00+08:00").then().statusCode(201);
        bookAs(branch, station, popular, "2026-12-08T14:00:00+08:00", "2026-12-08T16:00:00+08:00").then()
                .statusCode(201);
    }

    @Test
    void an_end_before_the_start_is_refused_naming_the_field() {
        book(station, room, WED_16, WED_14, 10).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:booking-end-not-after-start"))
                .body("errors.field", hasItem("end"));
    }

    @Test
    void an_evening_booking_past_closing_time_is_outside_opening_hours() {
        book(station, room, "2026-12-02T20:00:00+08:00", "2026-12-02T22:00:00+08:00", 10).then()
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:booking-outside-opening-hours"));
    }

    @Test
    void a_sunday_booking_is_outside_opening_hours() {
        book(station, room, "2026-12-06T10:00:00+08:00", "2026-12-06T12:00:00+08:00", 10).then()
                .statusCode(422).body("type", equalTo("urn:grassroots:problem:booking-outside-opening-hours"));
    }

    @Test
    void half_an_hour_ahead_is_too_short_notice() {
        book(station, room, "2026-12-01T09:30:00+08:00", "2026-12-01T11:00:00+08:00", 10).then()
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:booking-too-short-notice"));
    }

    @Test
    void more_attendees_than_seats_is_over_capacity() {
        book(station, room, WED_14, WED_16, 21).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:booking-over-capacity"));
    }

    @Test
    void a_booking_beyond_sixty_days_is_too_far_ahead() {
        book(station, room, "2027-02-03T14:00:00+08:00", "2027-02-03T16:00:00+08:00", 10).then()
                .statusCode(422).body("type", equalTo("urn:grassroots:problem:booking-beyond-horizon"));
    }

    @Test
    void a_five_hour_booking_is_too_long() {
        book(station, room, "2026-12-02T10:00:00+08:00", "2026-12-02T15:00:00+08:00", 10).then()
                .statusCode(422).body("type", equalTo("urn:grassroots:problem:booking-too-long"));
    }

    @Test
    void an_unknown_room_is_a_404_problem() {
        book(station, UUID.randomUUID().toString(), WED_14, WED_16, 10).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:not-found"));
    }

    @Test
    void a_room_of_another_station_is_not_found_through_this_one() {
        String other = aStation();
        book(other, room, WED_14, WED_16, 10).then().statusCode(404)
                .body("type", equalTo("urn:grassroots:problem:not-found"));
    }

    @Test
    void a_station_closed_for_a_holiday_takes_no_booking_and_says_why() {
        asManager().contentType(ContentType.JSON)
                .body("{\"start\":\"2026-12-02T00:00:00+08:00\",\"end\":\"2026-12-03T00:00:00+08:00\",\"reason\":\"设备检修\"}")
                .post(STATIONS + "/" + station + "/closures").then().statusCode(201);

        book(station, room, WED_14, WED_16, 10).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:booking-station-closed"))
                .body("detail", containsString("设备检修"));
        asSomeone().get(STATIONS + "/" + station).then().statusCode(200).body("closures", hasSize(1));
    }

    @Test
    void a_booking_is_cancelled_before_the_deadline_and_the_slot_is_free_again() {
        String id = book(station, room, WED_14, WED_16, 10).then().statusCode(201).extract().path("id");
        clock.set(OffsetDateTime.parse("2026-12-02T11:59:00+08:00").toInstant());

        asManager().contentType(ContentType.JSON).body("{\"reason\":\"改期\"}").post(booking(station, id) + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        book(station, room, "2026-12-02T14:30:00+08:00", WED_16, 10).then().statusCode(201);
    }

    @Test
    void cancelling_after_the_deadline_is_refused_and_the_booking_stays() {
        String id = book(station, room, WED_14, WED_16, 10).then().statusCode(201).extract().path("id");
        clock.set(OffsetDateTime.parse("2026-12-02T12:30:00+08:00").toInstant());

        asManager().contentType(ContentType.JSON).body("{\"reason\":\"改期\"}").post(booking(station, id) + "/cancel")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:booking-cancellation-deadline-passed"));
        asManager().get(booking(station, id)).then().body("status", equalTo("CONFIRMED"));
    }

    @Test
    void the_station_checks_people_in_from_half_an_hour_before_the_start() {
        String id = book(station, room, WED_14, WED_16, 10).then().statusCode(201).extract().path("id");
        clock.set(OffsetDateTime.parse("2026-12-02T13:00:00+08:00").toInstant());
        asManager().post(booking(station, id) + "/check-in").then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:booking-check-in-not-open"));

        clock.set(OffsetDateTime.parse("2026-12-02T13:45:00+08:00").toInstant());
        asManager().post(booking(station, id) + "/check-in").then().statusCode(200).body("status", equalTo("CHECKED_IN"));
    }

    @Test
    void the_phone_sees_the_free_slots_of_a_day_around_the_bookings() {
        book(station, room, WED_14, WED_16, 10).then().statusCode(201);

        asSomeone().queryParam("date", "2026-12-02")
                .get(STATIONS + "/" + station + "/rooms/" + room + "/availability").then().statusCode(200)
                .body("freeSlots", hasSize(2))
                .body("freeSlots[0].start", equalTo("2026-12-02T09:00:00+08:00"))
                .body("freeSlots[0].end", equalTo(WED_14))
                .body("freeSlots[1].start", equalTo(WED_16))
                .body("freeSlots[1].end", equalTo("2026-12-02T21:00:00+08:00"));
        asSomeone().queryParam("date", "2026-12-06")
                .get(STATIONS + "/" + station + "/rooms/" + room + "/availability").then().statusCode(200)
                .body("freeSlots", hasSize(0));
    }

    @Test
    void the_manager_lists_the_days_bookings_in_order() {
        book(station, room, WED_16, "2026-12-02T18:00:00+08:00", 10).then().statusCode(201);
        book(station, room, WED_14, WED_16, 10).then().statusCode(201);

        asManager().queryParam("date", "2026-12-02").get(STATIONS + "/" + station + "/bookings").then().statusCode(200)
                .body("start", org.hamcrest.Matchers.contains(WED_14, WED_16));
    }

    @Test
    void a_phone_calendar_subscribes_to_the_rooms_bookings_as_icalendar() {
        book(station, room, WED_14, WED_16, 10).then().statusCode(201);
        String otherRoom = aRoom(station, 20);
        book(station, otherRoom, "2026-12-03T10:00:00+08:00", "2026-12-03T12:00:00+08:00", 10).then().statusCode(201);

        String feed = asManager().get(STATIONS + "/" + station + "/rooms/" + room + "/calendar.ics").then().statusCode(200)
                .contentType(containsString("text/calendar")).extract().asString();
        assertTrue(feed.contains("DTSTART:20261202T060000Z"), feed);
        assertTrue(feed.contains("SUMMARY:主题党日"), feed);
        assertFalse(feed.contains("DTSTART:20261203T020000Z"), feed);

        String stationFeed = asManager().get(STATIONS + "/" + station + "/calendar.ics").then().statusCode(200)
                .extract().asString();
        assertEquals(2, stationFeed.split("BEGIN:VEVENT").length - 1, stationFeed);
    }

    @Test
    void the_usage_report_counts_booked_and_used_hours_per_room() {
        String checkedIn = book(station, room, WED_14, WED_16, 10).then().statusCode(201).extract().path("id");
        String cancelled = book(station, room, "2026-12-03T10:00:00+08:00", "2026-12-03T11:00:00+08:00", 10)
                .then().statusCode(201).extract().path("id");
        asManager().contentType(ContentType.JSON).body("{\"reason\":\"改期\"}").post(booking(station, cancelled) + "/cancel")
                .then().statusCode(200);
        clock.set(OffsetDateTime.parse("2026-12-02T13:50:00+08:00").toInstant());
        asManager().post(booking(station, checkedIn) + "/check-in").then().statusCode(200);

        asManager().queryParam("from", "2026-12-01").queryParam("to", "2026-12-31")
                .get(STATIONS + "/" + station + "/usage").then().statusCode(200)
                .body("total.booked", equalTo(1))
                .body("total.cancelled", equalTo(1))
                .body("total.usedHours", equalTo(2.0f))
                .body("total.noShowRate", equalTo(0.0f))
                .body("rooms", hasSize(1))
                .body("rooms[0].roomId", equalTo(room));
        asManager().queryParam("from", "2026-12-31").queryParam("to", "2026-12-01")
                .get(STATIONS + "/" + station + "/usage").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("to"));
    }

    private String series(String rrule, String mode) {
        return "{\"start\":\"" + WED_14 + "\",\"end\":\"" + WED_16 + "\",\"rrule\":\"" + rrule + "\",\"mode\":\""
                + mode + "\",\"bookerKind\":\"ORGANIZATION\",\"bookerId\":\"" + seriesBranch
                + "\",\"bookerName\":\"UP主党支部\",\"purpose\":\"每周学习\",\"attendees\":12}";
    }

    @Test
    void a_weekly_study_session_is_booked_all_or_nothing_as_one_series() {
        asSecretaryOf(seriesBranch).contentType(ContentType.JSON).body(series("FREQ=WEEKLY;COUNT=3", "ALL_OR_NOTHING"))
                .post(bookingsOf(station, room) + "/series").then().statusCode(201)
                .body("occurrences", hasSize(3))
                .body("occurrences.status", org.hamcrest.Matchers.everyItem(equalTo("CONFIRMED")))
                .body("occurrences[2].start", equalTo("2026-12-16T14:00:00+08:00"));
        asManager().queryParam("date", "2026-12-09").get(STATIONS + "/" + station + "/bookings").then()
                .body("seriesId", hasSize(1)).body("seriesId[0]", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void an_all_or_nothing_series_with_one_taken_week_books_nothing_and_names_the_occurrence() {
        book(station, room, "2026-12-09T15:00:00+08:00", "2026-12-09T17:00:00+08:00", 5).then().statusCode(201);

        asSecretaryOf(seriesBranch).contentType(ContentType.JSON).body(series("FREQ=WEEKLY;COUNT=3", "ALL_OR_NOTHING"))
                .post(bookingsOf(station, room) + "/series").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:booking-slot-taken"))
                .body("detail", containsString("Occurrence 2 of 3"));
        asManager().queryParam("date", "2026-12-02").get(STATIONS + "/" + station + "/bookings").then()
                .body("$", hasSize(0));
    }

    @Test
    void a_series_booked_each_on_its_own_reports_the_taken_week_and_books_the_others() {
        book(station, room, "2026-12-09T15:00:00+08:00", "2026-12-09T17:00:00+08:00", 5).then().statusCode(201);

        asSecretaryOf(seriesBranch).contentType(ContentType.JSON).body(series("FREQ=WEEKLY;COUNT=3", "EACH"))
                .post(bookingsOf(station, room) + "/series").then().statusCode(201)
                .body("occurrences[0].status", equalTo("CONFIRMED"))
                .body("occurrences[1].problemType", equalTo("urn:grassroots:problem:booking-slot-taken"))
                .body("occurrences[1].bookingId", org.hamcrest.Matchers.nullValue())
                .body("occurrences[2].status", equalTo("CONFIRMED"));
    }

    @Test
    void a_series_is_cancelled_except_the_occurrence_already_past_its_deadline() {
        String seriesId = asSecretaryOf(seriesBranch).contentType(ContentType.JSON).body(series("FREQ=WEEKLY;COUNT=3", "ALL_OR_NOTHING"))
                .post(bookingsOf(station, room) + "/series").then().statusCode(201).extract().path("seriesId");
        clock.set(OffsetDateTime.parse("2026-12-02T13:00:00+08:00").toInstant());

        asSecretaryOf(seriesBranch).contentType(ContentType.JSON).body("{\"reason\":\"支部换了学习地点\"}")
                .post(STATIONS + "/" + station + "/bookings/series/" + seriesId + "/cancel").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.contains("CONFIRMED", "CANCELLED", "CANCELLED"))
                .body("[0].problemType", equalTo("urn:grassroots:problem:booking-cancellation-deadline-passed"));
        asSecretaryOf(seriesBranch).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post(STATIONS + "/" + station + "/bookings/series/" + UUID.randomUUID() + "/cancel").then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void a_malformed_rrule_is_refused_naming_the_field() {
        asSecretaryOf(seriesBranch).contentType(ContentType.JSON).body(series("FREQ=DAILY;COUNT=3", "EACH"))
                .post(bookingsOf(station, room) + "/series").then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:booking-malformed-rrule"))
                .body("errors.field", hasItem("rrule"));
    }

    @Test
    void a_walk_in_leaves_a_phone_number_that_is_only_shown_masked() {
        asManager().contentType(ContentType.JSON)
                .body("{\"start\":\"" + WED_14 + "\",\"end\":\"" + WED_16 + "\",\"bookerKind\":\"PUBLIC\","
                        + "\"bookerName\":\"王女士\",\"bookerPhone\":\"13812345678\",\"purpose\":\"读书会\",\"attendees\":6}")
                .post(bookingsOf(station, room)).then().statusCode(201)
                .body("bookerPhone", equalTo("138****5678"))
                .body(not(containsString("13812345678")));
    }

    @Test
    void a_walk_in_without_a_valid_mobile_number_is_refused() {
        asManager().contentType(ContentType.JSON)
                .body("{\"start\":\"" + WED_14 + "\",\"end\":\"" + WED_16 + "\",\"bookerKind\":\"PUBLIC\","
                        + "\"bookerName\":\"王女士\",\"bookerPhone\":\"12345\",\"purpose\":\"读书会\",\"attendees\":6}")
                .post(bookingsOf(station, room)).then().statusCode(422)
                .body("errors.field", hasItem("bookerPhone"));
    }

    @Test
    void the_same_idempotency_key_and_body_replays_the_first_answer() throws Exception {
        String branch = UUID.randomUUID().toString();
        String body = branchBooking(branch, WED_14, WED_16, 10);
        String key = UUID.randomUUID().toString();
        String first = asSecretaryOf(branch).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(bookingsOf(station, room)).then().statusCode(201).extract().path("id");

        asSecretaryOf(branch).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(bookingsOf(station, room)).then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        assertEquals(1, bookingsWithKey(key));
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_a_422() {
        String branch = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        asSecretaryOf(branch).header("Idempotency-Key", key).contentType(ContentType.JSON).body(branchBooking(branch, WED_14, WED_16, 10))
                .post(bookingsOf(station, room)).then().statusCode(201);
        asSecretaryOf(branch).header("Idempotency-Key", key).contentType(ContentType.JSON).body(branchBooking(branch, WED_14, WED_16, 11))
                .post(bookingsOf(station, room)).then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:idempotency-key-reused"));
    }

    @Test
    void an_unknown_field_is_rejected_with_its_name() {
        asManager().contentType(ContentType.JSON)
                .body("{\"start\":\"" + WED_14 + "\",\"end\":\"" + WED_16 + "\",\"bookerKind\":\"PUBLIC\","
                        + "\"bookerName\":\"王女士\",\"bookerPhone\":\"13812345678\",\"purpose\":\"读书会\","
                        + "\"attendees\":6,\"colour\":\"red\"}")
                .post(bookingsOf(station, room)).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("colour"));
    }

    @Test
    void missing_fields_are_listed() {
        asSomeone().contentType(ContentType.JSON).body("{\"bookerKind\":\"MEMBER\",\"attendees\":0}")
                .post(bookingsOf(station, room)).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("errors.field", hasItem("start"))
                .body("errors.field", hasItem("attendees"));
    }

    @Test
    void a_booking_is_recorded_in_the_outbox_with_the_same_transaction() throws Exception {
        String id = book(station, room, WED_14, WED_16, 10).then().statusCode(201).extract().path("id");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select topic, event_type from outbox_event where message_key = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals("stations.booking.v1", rs.getString(1));
                assertEquals("BookingConfirmed", rs.getString(2));
            }
        }
    }

    @Test
    void a_station_is_created_with_its_hours_and_host_units() {
        asSomeone().get(STATIONS + "/" + station).then().statusCode(200)
                .body("hostUnits", hasItem("太平洋保险"))
                .body("openingHours", hasSize(6))
                .body("openingHours[0].weekday", equalTo("MONDAY"))
                .body("openingHours[0].opens", equalTo("09:00:00"));
    }

    @Test
    void opening_hours_that_close_before_they_open_are_refused() {
        AsCaller.districtAdmin("310110").contentType(ContentType.JSON)
                .body("{\"name\":\"哔哩哔哩党群服务站\",\"districtCode\":\"310110\",\"address\":\"政立路\","
                        + "\"openingHours\":[{\"weekday\":\"MONDAY\",\"opens\":\"18:00\",\"closes\":\"09:00\"}]}")
                .post(STATIONS).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("openingHours[0].closes"));
    }

    private int bookingsWithKey(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from booking where idempotency_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
