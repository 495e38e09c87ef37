package sh.grassroots.stations.booking.model;

import sh.grassroots.stations.station.model.RoomTerms;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Free slots of a room, for a phone to offer: the opening window minus closures and bookings
 * (each booking widened by the room's buffer), from the earliest start the notice rule allows,
 * and only gaps long enough to be booked.
 */
public final class Availability {
    private Availability() {
    }

    public static List<TimeRange> ofRoom(TimeRange opening, RoomTerms room, List<TimeRange> bookings,
                                         List<TimeRange> closures, Instant now) {
        OffsetDateTime earliest = now.plus(room.minimumNotice()).atOffset(opening.start().getOffset());
        if (!earliest.isBefore(opening.end())) {
            return List.of();
        }
        TimeRange window = earliest.isAfter(opening.start()) ? new TimeRange(earliest, opening.end()) : opening;
        List<TimeRange> busy = Stream.concat(
                bookings.stream().map(b -> widen(b, room.buffer())), closures.stream()).toList();
        return gaps(window, busy).stream()
                .filter(gap -> gap.length().compareTo(room.minimumLength()) >= 0)
                .toList();
    }

    /** The parts of {@code window} that no busy period covers, in order. */
    public static List<TimeRange> gaps(TimeRange window, List<TimeRange> busy) {
        List<TimeRange> sorted = busy.stream()
                .filter(b -> b.overlaps(window))
                .sorted(Comparator.comparing(TimeRange::start))
                .toList();
        List<TimeRange> free = new ArrayList<>();
        OffsetDateTime cursor = window.start();
        for (TimeRange b : sorted) {
            if (b.start().isAfter(cursor)) {
                free.add(new TimeRange(cursor, b.start()));
            }
            if (b.end().isAfter(cursor)) {
                cursor = b.end();
            }
        }
        if (window.end().isAfter(cursor)) {
            free.add(new TimeRange(cursor, window.end()));
        }
        return free;
    }

    private static TimeRange widen(TimeRange range, Duration by) {
        return by.isZero() ? range : new TimeRange(range.start().minus(by), range.end().plus(by));
    }
}
