package sh.grassroots.stations.station.model;

import java.time.OffsetDateTime;

/** A period the station is shut although its weekly hours say open: a holiday, a blackout, works. */
public record Closure(OffsetDateTime start, OffsetDateTime end, String reason) {
    public Closure {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("A closure must end after it starts: " + start + " .. " + end);
        }
    }

    public boolean overlaps(OffsetDateTime otherStart, OffsetDateTime otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
