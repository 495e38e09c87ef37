package sh.grassroots.stations.booking.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static sh.grassroots.stations.booking.model.ABookingRequest.at;

class UsageReportTest {
    private static final UUID MEETING_ROOM = UUID.randomUUID();
    private static final UUID READING_ROOM = UUID.randomUUID();

    private static UsageReport.Booking twoHours(UUID room, int day, BookingStatus status) {
        return new UsageReport.Booking(room, new TimeRange(at(day, 14, 0), at(day, 16, 0)), status);
    }

    @Test
    void checked_in_hours_are_used_hours_and_no_shows_count_against_the_rate() {
        var result = UsageReport.of(List.of(MEETING_ROOM, READING_ROOM), List.of(
                twoHours(MEETING_ROOM, 1, BookingStatus.CHECKED_IN),
                twoHours(MEETING_ROOM, 2, BookingStatus.CHECKED_IN),
                twoHours(MEETING_ROOM, 3, BookingStatus.CHECKED_IN),
                twoHours(MEETING_ROOM, 4, BookingStatus.NO_SHOW),
                twoHours(MEETING_ROOM, 7, BookingStatus.CANCELLED),
                twoHours(MEETING_ROOM, 8, BookingStatus.CONFIRMED)));

        var meeting = result.byRoom().get(MEETING_ROOM);
        assertEquals(5, meeting.booked());
        assertEquals(Duration.ofHours(10), meeting.bookedTime());
        assertEquals(Duration.ofHours(6), meeting.usedTime());
        assertEquals(1, meeting.cancelled());
        assertEquals(0.25, meeting.noShowRate());
    }

    @Test
    void an_unused_room_is_listed_with_zeros_and_no_rate() {
        var result = UsageReport.of(List.of(MEETING_ROOM, READING_ROOM),
                List.of(twoHours(MEETING_ROOM, 1, BookingStatus.CHECKED_IN)));
        var reading = result.byRoom().get(READING_ROOM);
        assertEquals(0, reading.booked());
        assertNull(reading.noShowRate());
        assertEquals(List.of(MEETING_ROOM, READING_ROOM), List.copyOf(result.byRoom().keySet()));
    }

    @Test
    void the_total_adds_up_the_rooms() {
        var result = UsageReport.of(List.of(MEETING_ROOM, READING_ROOM), List.of(
                twoHours(MEETING_ROOM, 1, BookingStatus.CHECKED_IN),
                twoHours(READING_ROOM, 1, BookingStatus.NO_SHOW),
                twoHours(READING_ROOM, 2, BookingStatus.REJECTED)));
        assertEquals(2, result.total().booked());
        assertEquals(1, result.total().rejected());
        assertEquals(0.5, result.total().noShowRate());
        assertEquals(Duration.ofHours(2), result.total().usedTime());
    }
}
