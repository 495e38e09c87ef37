package sh.grassroots.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Payloads service-station-service publishes on {@link #TOPIC}, keyed by booking id. A walk-in's
 * phone number is never put on the wire.
 */
public final class StationEvents {
    public static final String TOPIC = Topics.STATIONS_BOOKING;
    public static final int VERSION = 1;

    public static final String REQUESTED = "BookingRequested";
    public static final String CONFIRMED = "BookingConfirmed";
    public static final String REJECTED = "BookingRejected";
    public static final String CANCELLED = "BookingCancelled";
    public static final String CHECKED_IN = "BookingCheckedIn";
    public static final String NO_SHOW = "BookingNoShow";

    private StationEvents() {
    }

    public record BookingRequested(UUID bookingId, UUID stationId, UUID roomId, OffsetDateTime start,
                                   OffsetDateTime end, String bookerKind, UUID bookerId, int attendees) {
    }

    public record BookingConfirmed(UUID bookingId, UUID stationId, UUID roomId, OffsetDateTime start,
                                   OffsetDateTime end, String bookerKind, UUID bookerId, int attendees) {
    }

    public record BookingRejected(UUID bookingId, UUID stationId, UUID roomId, String reason) {
    }

    public record BookingCancelled(UUID bookingId, UUID stationId, UUID roomId, OffsetDateTime start,
                                   OffsetDateTime end, String reason) {
    }

    public record BookingCheckedIn(UUID bookingId, UUID stationId, UUID roomId, OffsetDateTime checkedInAt) {
    }

    /** Nobody checked in in time; the room was given back. */
    public record BookingNoShow(UUID bookingId, UUID stationId, UUID roomId, OffsetDateTime start,
                                OffsetDateTime end) {
    }
}
