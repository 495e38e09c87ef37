package sh.grassroots.stations.station.application;

import sh.grassroots.stations.station.persistence.ClosureEntity;
import sh.grassroots.stations.station.persistence.OpeningHoursEntity;
import sh.grassroots.stations.station.persistence.StationEntity;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** {@code managers} (subjects) is shown to the people who run the station only; null for others. */
public record StationView(UUID id, String name, String districtCode, String address, Double latitude,
                          Double longitude, List<String> hostUnits, List<String> services, List<String> managers,
                          String timeZone, List<Hours> openingHours, List<ClosureView> closures, long version) {

    public record Hours(DayOfWeek weekday, LocalTime opens, LocalTime closes) {
    }

    public record ClosureView(UUID id, OffsetDateTime start, OffsetDateTime end, String reason) {
    }

    static StationView of(StationEntity s, List<String> managers, List<OpeningHoursEntity> hours,
                          List<ClosureEntity> closures) {
        ZoneId zone = ZoneId.of(s.timeZone);
        return new StationView(s.id, s.name, s.districtCode, s.address, s.latitude, s.longitude,
                List.of(s.hostUnits), List.of(s.services),
                managers == null ? null : List.copyOf(managers), s.timeZone,
                hours.stream().sorted(Comparator.comparingInt(h -> h.key.weekday))
                        .map(h -> new Hours(DayOfWeek.of(h.key.weekday), h.opens, h.closes)).toList(),
                closures.stream().sorted(Comparator.comparing(c -> c.startsAt))
                        .map(c -> new ClosureView(c.id, local(c.startsAt, zone), local(c.endsAt, zone), c.reason))
                        .toList(),
                s.version);
    }

    static OffsetDateTime local(OffsetDateTime t, ZoneId zone) {
        return t.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
