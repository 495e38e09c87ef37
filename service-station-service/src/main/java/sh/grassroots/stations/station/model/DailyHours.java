package sh.grassroots.stations.station.model;

import java.time.LocalTime;

/** One weekday's opening, in the station's local time; a station that closes at midnight closes at 23:59. */
public record DailyHours(LocalTime opens, LocalTime closes) {
    public DailyHours {
        if (opens == null || closes == null || !closes.isAfter(opens)) {
            throw new IllegalArgumentException("A station must close after it opens: " + opens + " .. " + closes);
        }
    }
}
