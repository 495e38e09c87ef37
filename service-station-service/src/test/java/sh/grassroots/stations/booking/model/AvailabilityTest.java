package sh.grassroots.stations.booking.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.stations.station.model.RoomTerms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.stations.booking.model.ABookingRequest.TUESDAY_9AM;
import static sh.grassroots.stations.booking.model.ABookingRequest.at;

class AvailabilityTest {
    private static final TimeRange OPEN_WEDNESDAY = new TimeRange(at(2, 9, 0), at(2, 21, 0));
    private static final RoomTerms STANDARD = RoomTerms.standard(20);

    private static RoomTerms withBuffer(Duration buffer) {
        return new RoomTerms(20, false, STANDARD.minimumNotice(), STANDARD.maximumHorizon(), STANDARD.minimumLength(),
                STANDARD.maximumLength(), buffer, STANDARD.cancellationDeadline(), 0, 0);
    }

    private static TimeRange slot(int day, int fromHour, int fromMinute, int toHour, int toMinute) {
        return new TimeRange(at(day, fromHour, fromMinute), at(day, toHour, toMinute));
    }

    @Test
    void an_empty_day_is_one_free_slot_from_opening_to_closing() {
        assertEquals(List.of(OPEN_WEDNESDAY),
                Availability.ofRoom(OPEN_WEDNESDAY, STANDARD, List.of(), List.of(), TUESDAY_9AM));
    }

    @Test
    void bookings_cut_the_day_into_the_gaps_between_them() {
        var free = Availability.ofRoom(OPEN_WEDNESDAY, STANDARD,
                List.of(slot(2, 14, 0, 16, 0), slot(2, 9, 0, 10, 0)), List.of(), TUESDAY_9AM);
        assertEquals(List.of(slot(2, 10, 0, 14, 0), slot(2, 16, 0, 21, 0)), free);
    }

    @Test
    void the_buffer_is_kept_free_around_each_booking() {
        var free = Availability.ofRoom(OPEN_WEDNESDAY, withBuffer(Duration.ofMinutes(15)),
                List.of(slot(2, 14, 0, 16, 0)), List.of(), TUESDAY_9AM);
        assertEquals(List.of(slot(2, 9, 0, 13, 45), slot(2, 16, 15, 21, 0)), free);
    }

    @Test
    void a_closure_over_the_evening_shortens_the_last_slot_without_a_buffer() {
        var free = Availability.ofRoom(OPEN_WEDNESDAY, withBuffer(Duration.ofMinutes(15)), List.of(),
                List.of(new TimeRange(at(2, 18, 0), at(3, 9, 0))), TUESDAY_9AM);
        assertEquals(List.of(slot(2, 9, 0, 18, 0)), free);
    }

    @Test
    void overlapping_busy_periods_leave_no_phantom_gap() {
        var free = Availability.ofRoom(OPEN_WEDNESDAY, STANDARD,
                List.of(slot(2, 10, 0, 13, 0), slot(2, 11, 0, 12, 0)), List.of(), TUESDAY_9AM);
        assertEquals(List.of(slot(2, 9, 0, 10, 0), slot(2, 13, 0, 21, 0)), free);
    }

    @Test
    void today_starts_no_earlier_than_the_notice_allows() {
        Instant wednesdayNoon = at(2, 12, 0).toInstant();
        var free = Availability.ofRoom(OPEN_WEDNESDAY, STANDARD, List.of(), List.of(), wednesdayNoon);
        assertEquals(List.of(slot(2, 13, 0, 21, 0)), free);
    }

    @Test
    void a_gap_shorter_than_the_minimum_length_is_not_offered() {
        var free = Availability.ofRoom(OPEN_WEDNESDAY, STANDARD,
                List.of(slot(2, 9, 0, 12, 0), slot(2, 12, 20, 21, 0)), List.of(), TUESDAY_9AM);
        assertEquals(List.of(), free);
    }

    @Test
    void a_day_already_past_has_no_free_slot() {
        assertEquals(List.of(), Availability.ofRoom(OPEN_WEDNESDAY, STANDARD, List.of(), List.of(),
                at(2, 21, 0).toInstant()));
    }
}
