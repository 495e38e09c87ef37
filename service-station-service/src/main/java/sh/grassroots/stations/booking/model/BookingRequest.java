package sh.grassroots.stations.booking.model;

import sh.grassroots.stations.station.model.RoomTerms;
import sh.grassroots.stations.station.model.StationCalendar;

import java.time.Instant;
import java.util.List;

/**
 * Everything the rules need to judge one request: the slot, the party size, the room's terms,
 * the station's calendar, the room's active bookings near the slot, how many bookings the booker
 * already holds in the room in the slot's week and month, and the current time.
 */
public record BookingRequest(TimeRange slot,
                             int attendees,
                             RoomTerms room,
                             StationCalendar station,
                             List<TimeRange> nearbyBookings,
                             BookerUsage usage,
                             Instant now) {

    /** Slot-holding bookings the same booker already has in this room; walk-ins have none counted. */
    public record BookerUsage(int inSameWeek, int inSameMonth) {
        public static final BookerUsage NONE = new BookerUsage(0, 0);
    }

    public BookingRequest {
        nearbyBookings = List.copyOf(nearbyBookings);
    }
}
