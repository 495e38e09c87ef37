package sh.grassroots.stations.station.model;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** When a station can be used: its weekly hours in its own zone, minus its closures. */
public record StationCalendar(ZoneId zone, OpeningHours hours, List<Closure> closures) {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public StationCalendar {
        closures = List.copyOf(closures);
    }

    public boolean withinOpeningHours(OffsetDateTime start, OffsetDateTime end) {
        return hours.covers(start.atZoneSameInstant(zone), end.atZoneSameInstant(zone));
    }

    public Optional<Closure> closureDuring(OffsetDateTime start, OffsetDateTime end) {
        return closures.stream().filter(c -> c.overlaps(start, end)).findFirst();
    }
}
