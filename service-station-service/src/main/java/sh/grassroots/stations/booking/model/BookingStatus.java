package sh.grassroots.stations.booking.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a booking stands. A requested booking already holds its slot, so that approving it can
 * never collide; rejected, cancelled and no-show bookings give the slot back.
 */
public enum BookingStatus {
    REQUESTED,
    CONFIRMED,
    REJECTED,
    CANCELLED,
    CHECKED_IN,
    NO_SHOW;

    /** Must match the WHERE clause of the exclusion constraint booking_no_overlap (V2 migration). */
    public static final Set<BookingStatus> HOLDING_THE_SLOT = EnumSet.of(REQUESTED, CONFIRMED, CHECKED_IN);

    public boolean holdsTheSlot() {
        return HOLDING_THE_SLOT.contains(this);
    }
}
