package sh.grassroots.stations.booking.application;

import sh.grassroots.stations.access.model.StationAccessPolicy;
import sh.grassroots.stations.station.model.Closure;
import sh.grassroots.stations.station.model.OpeningHours;
import sh.grassroots.stations.station.model.RoomTerms;
import sh.grassroots.stations.station.model.StationCalendar;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a new booking is judged by at one station, as read at {@code rulesVersion}: the station
 * (district, zone, managers), its rooms' terms, its weekly hours and its closures from when it was
 * read on. Only ever used to say yes provisionally: the booking statement inserts only while the
 * station's rules version is still this one.
 */
public record StationRules(UUID stationId, String districtCode, ZoneId zone, long rulesVersion,
                           Set<String> managers, Map<UUID, RoomTerms> rooms, OpeningHours hours,
                           List<Closure> closures) {

    public StationRules {
        managers = Set.copyOf(managers);
        rooms = Map.copyOf(rooms);
        closures = List.copyOf(closures);
    }

    public Optional<RoomTerms> room(UUID roomId) {
        return Optional.ofNullable(rooms.get(roomId));
    }

    public StationCalendar calendar() {
        return new StationCalendar(zone, hours, closures);
    }

    public StationAccessPolicy.Station asStation() {
        return new StationAccessPolicy.Station(stationId, districtCode, managers);
    }
}
