package sh.grassroots.stations.station.model;

import java.time.Duration;

/**
 * What a room allows: its capacity and the booking terms its station set for it. Durations are
 * kept whole minutes (days for the horizon) because that is what managers set and what is stored.
 * A quota of 0 means no quota: how many slot-holding bookings one booker may have in the room per
 * calendar week (Monday to Sunday) and per calendar month, in the station's zone.
 */
public record RoomTerms(int capacity,
                        boolean requiresApproval,
                        Duration minimumNotice,
                        Duration maximumHorizon,
                        Duration minimumLength,
                        Duration maximumLength,
                        Duration buffer,
                        Duration cancellationDeadline,
                        int weeklyQuota,
                        int monthlyQuota) {

    public RoomTerms {
        if (capacity < 1) {
            throw new IllegalArgumentException("A room holds at least one person");
        }
        if (minimumLength.compareTo(maximumLength) > 0) {
            throw new IllegalArgumentException("Minimum length exceeds maximum length");
        }
        if (weeklyQuota < 0 || monthlyQuota < 0) {
            throw new IllegalArgumentException("A quota cannot be negative");
        }
        for (Duration d : new Duration[]{minimumNotice, maximumHorizon, minimumLength, maximumLength, buffer, cancellationDeadline}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("Booking terms cannot be negative");
            }
        }
    }

    /** Terms a new room gets when its manager sets none. */
    public static RoomTerms standard(int capacity) {
        return new RoomTerms(capacity, false, Duration.ofHours(1), Duration.ofDays(60), Duration.ofMinutes(30),
                Duration.ofHours(4), Duration.ZERO, Duration.ofHours(2), 0, 0);
    }
}
