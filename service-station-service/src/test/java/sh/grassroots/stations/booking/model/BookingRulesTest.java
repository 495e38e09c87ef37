package sh.grassroots.stations.booking.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.stations.booking.model.ABookingRequest.aBookingRequest;
import static sh.grassroots.stations.booking.model.ABookingRequest.at;

class BookingRulesTest {

    @Test
    void a_request_that_keeps_every_rule_is_confirmed_at_once() {
        assertEquals(new BookingDecision.Accepted(BookingStatus.CONFIRMED), aBookingRequest().decide());
    }

    @Test
    void a_room_that_needs_approval_holds_the_slot_as_requested() {
        var decision = aBookingRequest().inARoomNeedingApproval().decide();
        assertEquals(new BookingDecision.Accepted(BookingStatus.REQUESTED), decision);
        assertTrue(BookingStatus.REQUESTED.holdsTheSlot());
    }

    @Test
    void an_evening_event_running_past_closing_time_is_outside_opening_hours() {
        assertRejected(BookingRule.OUTSIDE_OPENING_HOURS,
                aBookingRequest().from(at(2, 20, 0)).to(at(2, 22, 0)).decide());
    }

    @Test
    void a_booking_starting_before_the_station_opens_is_outside_opening_hours() {
        assertRejected(BookingRule.OUTSIDE_OPENING_HOURS,
                aBookingRequest().from(at(2, 8, 30)).to(at(2, 10, 0)).decide());
    }

    @Test
    void a_booking_exactly_from_opening_to_closing_fits_when_the_room_allows_its_length() {
        var decision = aBookingRequest().from(at(2, 9, 0)).to(at(2, 21, 0))
                .withLengthBetween(Duration.ofMinutes(30), Duration.ofHours(12)).decide();
        assertInstanceOf(BookingDecision.Accepted.class, decision);
    }

    @Test
    void opening_hours_are_read_in_shanghai_time_whatever_offset_the_phone_sends() {
        // 06:00-08:00 UTC is 14:00-16:00 in Shanghai.
        var decision = aBookingRequest()
                .from(at(2, 14, 0).withOffsetSameInstant(ZoneOffset.UTC))
                .to(at(2, 16, 0).withOffsetSameInstant(ZoneOffset.UTC)).decide();
        assertInstanceOf(BookingDecision.Accepted.class, decision);
    }

    @Test
    void nothing_can_be_booked_on_a_day_the_station_stays_shut() {
        var rejected = assertRejected(BookingRule.OUTSIDE_OPENING_HOURS,
                aBookingRequest().from(at(6, 10, 0)).to(at(6, 12, 0)).decide());
        assertTrue(rejected.detail().contains("SUNDAY"), rejected.detail());
    }

    @Test
    void a_station_shut_on_wednesdays_takes_no_wednesday_bookings() {
        assertRejected(BookingRule.OUTSIDE_OPENING_HOURS,
                aBookingRequest().withStationShutOn(java.time.DayOfWeek.WEDNESDAY).decide());
    }

    @Test
    void a_booking_across_midnight_is_outside_opening_hours() {
        var rejected = aBookingRequest()
                .from(at(2, 20, 0)).to(at(3, 10, 0))
                .withLengthBetween(Duration.ofMinutes(30), Duration.ofDays(1)).decide();
        assertRejected(BookingRule.OUTSIDE_OPENING_HOURS, rejected);
    }

    @Test
    void a_holiday_closure_rejects_the_booking_and_says_why() {
        var rejected = assertRejected(BookingRule.STATION_CLOSED, aBookingRequest()
                .withStationClosed(at(2, 0, 0), at(3, 0, 0), "元旦调休").decide());
        assertTrue(rejected.detail().contains("元旦调休"), rejected.detail());
    }

    @Test
    void a_closure_ending_when_the_booking_starts_does_not_get_in_the_way() {
        assertInstanceOf(BookingDecision.Accepted.class, aBookingRequest()
                .withStationClosed(at(2, 9, 0), at(2, 14, 0), "布展").decide());
    }

    @Test
    void a_booking_for_half_an_hour_from_now_breaks_one_hour_notice() {
        assertRejected(BookingRule.TOO_SHORT_NOTICE, aBookingRequest().from(at(1, 9, 30)).to(at(1, 11, 0)).decide());
    }

    @Test
    void a_booking_exactly_at_the_notice_limit_is_accepted() {
        assertInstanceOf(BookingDecision.Accepted.class,
                aBookingRequest().from(at(1, 10, 0)).to(at(1, 11, 0)).decide());
    }

    @Test
    void a_booking_already_started_breaks_notice() {
        assertRejected(BookingRule.TOO_SHORT_NOTICE, aBookingRequest().askedAt(at(1, 9, 30).toInstant())
                .from(at(1, 9, 0)).to(at(1, 11, 0)).decide());
    }

    @Test
    void a_booking_beyond_the_horizon_is_rejected() {
        assertRejected(BookingRule.BEYOND_HORIZON, aBookingRequest().withHorizon(Duration.ofDays(7))
                .from(at(9, 14, 0)).to(at(9, 16, 0)).decide());
    }

    @Test
    void a_quarter_hour_booking_is_too_short_for_a_half_hour_minimum() {
        assertRejected(BookingRule.TOO_SHORT, aBookingRequest().from(at(2, 14, 0)).to(at(2, 14, 15)).decide());
    }

    @Test
    void a_five_hour_booking_is_too_long_for_a_four_hour_maximum() {
        assertRejected(BookingRule.TOO_LONG, aBookingRequest().from(at(2, 10, 0)).to(at(2, 15, 0)).decide());
    }

    @Test
    void more_attendees_than_seats_is_over_capacity() {
        var rejected = assertRejected(BookingRule.OVER_CAPACITY,
                aBookingRequest().inARoomFor(20).withAttendees(21).decide());
        assertTrue(rejected.detail().contains("21"), rejected.detail());
    }

    @Test
    void a_full_room_is_still_within_capacity() {
        assertInstanceOf(BookingDecision.Accepted.class, aBookingRequest().inARoomFor(20).withAttendees(20).decide());
    }

    @Test
    void a_branch_that_already_holds_two_bookings_this_week_exceeds_a_quota_of_two() {
        assertRejected(BookingRule.QUOTA_EXCEEDED,
                aBookingRequest().withQuotaPerWeek(2).byABookerWhoAlreadyHolds(2, 2).decide());
    }

    @Test
    void the_last_booking_within_the_weekly_quota_is_accepted() {
        assertInstanceOf(BookingDecision.Accepted.class,
                aBookingRequest().withQuotaPerWeek(2).byABookerWhoAlreadyHolds(1, 5).decide());
    }

    @Test
    void the_monthly_quota_counts_on_its_own() {
        assertRejected(BookingRule.QUOTA_EXCEEDED,
                aBookingRequest().withQuotaPerWeek(3).withQuotaPerMonth(4).byABookerWhoAlreadyHolds(0, 4).decide());
    }

    @Test
    void a_room_without_quota_takes_any_number_of_bookings() {
        assertInstanceOf(BookingDecision.Accepted.class, aBookingRequest().byABookerWhoAlreadyHolds(30, 100).decide());
    }

    @Test
    void an_overlapping_booking_is_named_as_the_conflicting_slot() {
        var rejected = assertRejected(BookingRule.SLOT_TAKEN,
                aBookingRequest().withExistingBooking(at(2, 15, 0), at(2, 17, 0)).decide());
        assertEquals(new TimeRange(at(2, 15, 0), at(2, 17, 0)), rejected.conflictingSlot().orElseThrow());
    }

    @Test
    void back_to_back_bookings_do_not_overlap_without_a_buffer() {
        assertInstanceOf(BookingDecision.Accepted.class, aBookingRequest()
                .withExistingBooking(at(2, 12, 0), at(2, 14, 0))
                .withExistingBooking(at(2, 16, 0), at(2, 18, 0)).decide());
    }

    @Test
    void a_booking_ending_ten_minutes_before_breaks_a_fifteen_minute_buffer() {
        var rejected = assertRejected(BookingRule.BUFFER_TOO_SMALL, aBookingRequest()
                .withBuffer(Duration.ofMinutes(15))
                .withExistingBooking(at(2, 12, 0), at(2, 13, 50)).decide());
        assertEquals(new TimeRange(at(2, 12, 0), at(2, 13, 50)), rejected.conflictingSlot().orElseThrow());
    }

    @Test
    void a_booking_exactly_one_buffer_away_is_accepted() {
        assertInstanceOf(BookingDecision.Accepted.class, aBookingRequest()
                .withBuffer(Duration.ofMinutes(15))
                .withExistingBooking(at(2, 16, 15), at(2, 18, 0)).decide());
    }

    @Test
    void the_first_broken_rule_in_policy_order_wins() {
        var decision = aBookingRequest().from(at(2, 20, 0)).to(at(2, 22, 0)).withAttendees(500).decide();
        assertRejected(BookingRule.OUTSIDE_OPENING_HOURS, decision);
    }

    @Test
    void every_rule_is_asked_by_a_policy_and_no_policy_asks_a_rule_twice() {
        assertEquals(BookingRules.POLICY.size(),
                BookingRules.POLICY.stream().map(BookingRules.Named::rule).distinct().count());
        assertEquals(BookingRules.VENUE_POLICY.size(),
                BookingRules.VENUE_POLICY.stream().map(BookingRules.Named::rule).distinct().count());
        assertEquals(java.util.EnumSet.allOf(BookingRule.class), java.util.stream.Stream.concat(
                        BookingRules.POLICY.stream(), BookingRules.VENUE_POLICY.stream())
                .map(BookingRules.Named::rule)
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(BookingRule.class))));
    }

    @Test
    void the_venue_only_rules_are_not_asked_of_a_members_booking() {
        assertEquals(java.util.EnumSet.of(BookingRule.APPROVAL_REQUIRED, BookingRule.ALREADY_STARTED),
                java.util.EnumSet.complementOf(BookingRules.POLICY.stream().map(BookingRules.Named::rule)
                        .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(BookingRule.class)))));
    }

    @Test
    void rule_slugs_name_the_rule() {
        assertEquals("booking-outside-opening-hours", BookingRule.OUTSIDE_OPENING_HOURS.slug());
        assertEquals("booking-slot-taken", BookingRule.SLOT_TAKEN.slug());
    }

    private static BookingDecision.Rejected assertRejected(BookingRule rule, BookingDecision decision) {
        var rejected = assertInstanceOf(BookingDecision.Rejected.class, decision);
        assertEquals(rule, rejected.rule(), rejected.detail());
        return rejected;
    }
}
