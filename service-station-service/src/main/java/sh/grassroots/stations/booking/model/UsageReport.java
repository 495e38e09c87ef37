package sh.grassroots.stations.booking.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a station's rooms were used over a period. A booking counts as booked once it was
 * confirmed (confirmed, checked in or no-show); it counts as used only when people checked in.
 * The no-show rate is taken over the bookings whose outcome is known, so that bookings still to
 * come do not dilute it.
 */
public final class UsageReport {

    public record Booking(UUID roomId, TimeRange slot, BookingStatus status) {
    }

    public record Usage(int booked, int checkedIn, int noShows, int cancelled, int rejected,
                        Duration bookedTime, Duration usedTime) {
        static final Usage NONE = new Usage(0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO);

        /** Null when no booking has a known outcome yet. */
        public Double noShowRate() {
            int known = checkedIn + noShows;
            return known == 0 ? null : (double) noShows / known;
        }

        Usage plus(Booking b) {
            Duration length = b.slot().length();
            BookingStatus s = b.status();
            boolean wasBooked = s == BookingStatus.CONFIRMED || s == BookingStatus.CHECKED_IN || s == BookingStatus.NO_SHOW;
            return new Usage(
                    booked + (wasBooked ? 1 : 0),
                    checkedIn + (s == BookingStatus.CHECKED_IN ? 1 : 0),
                    noShows + (s == BookingStatus.NO_SHOW ? 1 : 0),
                    cancelled + (s == BookingStatus.CANCELLED ? 1 : 0),
                    rejected + (s == BookingStatus.REJECTED ? 1 : 0),
                    wasBooked ? bookedTime.plus(length) : bookedTime,
                    s == BookingStatus.CHECKED_IN ? usedTime.plus(length) : usedTime);
        }
    }

    public record Result(Usage total, Map<UUID, Usage> byRoom) {
    }

    private UsageReport() {
    }

    /** Every room of {@code rooms} appears in the result, an unused one with zeros. */
    public static Result of(List<UUID> rooms, List<Booking> bookings) {
        Map<UUID, Usage> byRoom = new LinkedHashMap<>();
        rooms.forEach(room -> byRoom.put(room, Usage.NONE));
        Usage total = Usage.NONE;
        for (Booking b : new ArrayList<>(bookings)) {
            byRoom.put(b.roomId(), byRoom.getOrDefault(b.roomId(), Usage.NONE).plus(b));
            total = total.plus(b);
        }
        return new Result(total, byRoom);
    }
}
