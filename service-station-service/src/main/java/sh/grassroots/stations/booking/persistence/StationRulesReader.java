package sh.grassroots.stations.booking.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.stations.booking.application.StationRules;
import sh.grassroots.stations.station.model.Closure;
import sh.grassroots.stations.station.model.DailyHours;
import sh.grassroots.stations.station.model.OpeningHours;
import sh.grassroots.stations.station.model.RoomTerms;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Reads a station's booking rules for {@code StationRulesCache}. The version is read first, each
 * part after it in a statement of its own: whatever changes meanwhile is newer than the version
 * kept, so the booking statement finds the version moved on and the rules are read again. Never
 * the other way round (a version newer than the rules it is kept with).
 */
@ApplicationScoped
public class StationRulesReader {
    private final Pool pool;

    public StationRulesReader(Pool pool) {
        this.pool = pool;
    }

    /** Null when there is no such station. Closures that ended before {@code from} are left out. */
    public Uni<StationRules> read(UUID stationId, OffsetDateTime from) {
        return query("select rules_version, district_code, time_zone from station where id = $1", Tuple.of(stationId))
                .chain(stations -> {
                    if (stations.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Row station = stations.iterator().next();
                    long version = station.getLong("rules_version");
                    String district = station.getString("district_code");
                    ZoneId zone = ZoneId.of(station.getString("time_zone"));
                    return query("select subject from station_manager where station_id = $1", Tuple.of(stationId))
                            .chain(managers -> query("""
                                    select id, capacity, requires_approval, min_notice_minutes, max_horizon_days,
                                           min_length_minutes, max_length_minutes, buffer_minutes,
                                           cancellation_deadline_minutes, weekly_quota, monthly_quota
                                    from room where station_id = $1""", Tuple.of(stationId))
                                    .chain(rooms -> query("select weekday, opens, closes from station_opening_hours"
                                            + " where station_id = $1", Tuple.of(stationId))
                                            .chain(hours -> query("select starts_at, ends_at, reason from station_closure"
                                                    + " where station_id = $1 and ends_at > $2 order by starts_at",
                                                    Tuple.of(stationId, from))
                                                    .map(closures -> new StationRules(stationId, district, zone, version,
                                                            subjects(managers), terms(rooms), hours(hours),
                                                            closures(closures))))));
                });
    }

    private Uni<RowSet<Row>> query(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params);
    }

    private static Set<String> subjects(RowSet<Row> rows) {
        Set<String> subjects = new HashSet<>();
        rows.forEach(row -> subjects.add(row.getString("subject")));
        return subjects;
    }

    private static Map<UUID, RoomTerms> terms(RowSet<Row> rows) {
        Map<UUID, RoomTerms> rooms = new HashMap<>();
        rows.forEach(r -> rooms.put(r.getUUID("id"), new RoomTerms(r.getInteger("capacity"),
                r.getBoolean("requires_approval"), Duration.ofMinutes(r.getInteger("min_notice_minutes")),
                Duration.ofDays(r.getInteger("max_horizon_days")), Duration.ofMinutes(r.getInteger("min_length_minutes")),
                Duration.ofMinutes(r.getInteger("max_length_minutes")), Duration.ofMinutes(r.getInteger("buffer_minutes")),
                Duration.ofMinutes(r.getInteger("cancellation_deadline_minutes")), r.getInteger("weekly_quota"),
                r.getInteger("monthly_quota"))));
        return rooms;
    }

    private static OpeningHours hours(RowSet<Row> rows) {
        Map<DayOfWeek, DailyHours> byDay = new EnumMap<>(DayOfWeek.class);
        rows.forEach(r -> byDay.put(DayOfWeek.of(r.getInteger("weekday")),
                new DailyHours(r.getLocalTime("opens"), r.getLocalTime("closes"))));
        return OpeningHours.of(byDay);
    }

    private static List<Closure> closures(RowSet<Row> rows) {
        return StreamSupport.stream(rows.spliterator(), false)
                .map(r -> new Closure(r.getOffsetDateTime("starts_at"), r.getOffsetDateTime("ends_at"),
                        r.getString("reason")))
                .toList();
    }
}
