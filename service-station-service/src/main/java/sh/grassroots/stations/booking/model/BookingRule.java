package sh.grassroots.stations.booking.model;

import java.util.Locale;

/** The rules a booking request is checked against; each has a stable slug the API reports. */
public enum BookingRule {
    STATION_CLOSED,
    OUTSIDE_OPENING_HOURS,
    TOO_SHORT_NOTICE,
    BEYOND_HORIZON,
    TOO_SHORT,
    TOO_LONG,
    OVER_CAPACITY,
    QUOTA_EXCEEDED,
    SLOT_TAKEN,
    BUFFER_TOO_SMALL,
    /** Only asked of venue requests, which cannot wait for a manager's approval. */
    APPROVAL_REQUIRED,
    /** Only asked of venue requests: a slot that has already begun cannot be booked. */
    ALREADY_STARTED;

    public String slug() {
        return "booking-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
