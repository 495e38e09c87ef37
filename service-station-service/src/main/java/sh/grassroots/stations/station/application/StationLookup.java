package sh.grassroots.stations.station.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.stations.station.model.Closure;
import sh.grassroots.stations.station.model.DailyHours;
import sh.grassroots.stations.station.model.OpeningHours;
import sh.grassroots.stations.station.model.StationCalendar;
import sh.grassroots.stations.station.persistence.ClosureEntity;
import sh.grassroots.stations.station.persistence.OpeningHoursEntity;
import sh.grassroots.stations.station.persistence.RoomEntity;
import sh.grassroots.stations.station.persistence.StationEntity;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loads stations, rooms and calendars for other use cases. Runs in the caller's session and
 * transaction; it opens none of its own.
 */
@ApplicationScoped
public class StationLookup {

    public Uni<StationEntity> station(UUID stationId) {
        return StationEntity.<StationEntity>findById(stationId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Station", stationId));
    }

    /** A room is only found through its own station, so that one station cannot act on another's rooms. */
    public Uni<RoomEntity> room(UUID stationId, UUID roomId) {
        return RoomEntity.<RoomEntity>findById(roomId)
                .map(room -> room != null && room.stationId.equals(stationId) ? room : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Room", roomId));
    }

    /** The station's weekly hours and the closures that touch [from, to). */
    public Uni<StationCalendar> calendar(StationEntity station, OffsetDateTime from, OffsetDateTime to) {
        return OpeningHoursEntity.<OpeningHoursEntity>list("key.stationId", station.id)
                .chain(hours -> closures(station.id, from, to)
                        .map(closures -> new StationCalendar(ZoneId.of(station.timeZone), toModel(hours),
                                closures.stream().map(c -> new Closure(c.startsAt, c.endsAt, c.reason)).toList())));
    }

    public Uni<List<ClosureEntity>> closures(UUID stationId, OffsetDateTime from, OffsetDateTime to) {
        return ClosureEntity.list("stationId = ?1 and startsAt < ?2 and endsAt > ?3", stationId, to, from);
    }

    static OpeningHours toModel(List<OpeningHoursEntity> rows) {
        Map<DayOfWeek, DailyHours> byDay = new EnumMap<>(DayOfWeek.class);
        for (OpeningHoursEntity row : rows) {
            byDay.put(DayOfWeek.of(row.key.weekday), new DailyHours(row.opens, row.closes));
        }
        return OpeningHours.of(byDay);
    }
}
