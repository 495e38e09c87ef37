package sh.grassroots.stations.station.application;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.stations.access.application.StationAccess;
import sh.grassroots.stations.station.model.StationCalendar;
import sh.grassroots.stations.station.model.StationSearch;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The directory of stations a phone browses: filtered by district, service and "open now", in
 * name order or, given where the person stands, nearest first. Open to anyone signed in, like a
 * station's own page. One statement per page, keyset-paginated, each filter backed by an index
 * (V31): the GiST index on the location (station_point) answers "nearest first" without sorting every station.
 */
@ApplicationScoped
public class StationDirectory {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String OPEN_NOW = """
            (exists (select 1 from station_opening_hours h where h.station_id = s.id and h.weekday = ?%1$d
                        and h.opens <= cast(?%2$d as time) and h.closes > cast(?%2$d as time))
             and not exists (select 1 from station_closure c where c.station_id = s.id
                        and c.starts_at <= ?%3$d and c.ends_at > ?%3$d))""";

    private final StationAccess access;
    private final Clock clock;
    private final ObjectMapper json;

    public StationDirectory(StationAccess access, Clock clock, ObjectMapper json) {
        this.access = access;
        this.clock = clock;
        this.json = json;
    }

    public record StationCard(UUID id, String name, String districtCode, String address, Double latitude,
                              Double longitude, List<String> services, Long distanceMeters, boolean openNow) {
    }

    @WithSession
    public Uni<Page<StationCard>> find(Caller caller, StationSearch search) {
        return access.policy(caller).chain(policy -> StationAccess.enforce(policy.look(), policy))
                .chain(policy -> Panache.getSession())
                .chain(session -> {
                    Statement statement = statement(search);
                    var query = session.<Object[]>createNativeQuery(statement.sql(), Object[].class);
                    for (int i = 0; i < statement.parameters().size(); i++) {
                        query.setParameter(i + 1, statement.parameters().get(i));
                    }
                    return query.getResultList();
                })
                .map(rows -> Page.of(rows, search.limit(), row -> cursorOf(search, row)).map(this::card));
    }

    private record Statement(String sql, List<Object> parameters) {
    }

    /*
     * Two things keep a page at a few index probes at city scale (bench/city-search.sh):
     * - "open now" as a column is worked out in the outer query, for the page's rows only; in the
     *   same query as the scan, the planner hashed every station's opening hours for a page of 20.
     * - PostgreSQL (before 17) walks a GiST index nearest first only when the distance is the whole
     *   ORDER BY, and the keyset needs (distance, id). So the cutoff query finds, nearest first,
     *   the distance of the last row the page can hold; the page is then the stations within that
     *   distance (the index answers the bounding box) in (distance, id) order, ties included.
     */
    private Statement statement(StationSearch search) {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(StationCalendar.SHANGHAI);
        List<Object> parameters = new ArrayList<>();
        parameters.add(now.getDayOfWeek().getValue());
        parameters.add(now.toLocalTime());
        parameters.add(now.toOffsetDateTime());
        String openNow = OPEN_NOW.formatted(1, 2, 3);
        String chord = null;
        String point = null;
        if (search.near()) {
            parameters.add(search.latitude());
            parameters.add(search.longitude());
            point = "station_point(?4, ?5)";
            chord = "(station_point(s.latitude, s.longitude) <-> " + point + ")";
        }
        StringBuilder where = new StringBuilder(" from station s where true");
        if (search.near()) {
            where.append(" and s.latitude is not null and s.longitude is not null");
        }
        if (search.district() != null) {
            parameters.add(search.district());
            where.append(" and s.district_code = cast(?").append(parameters.size()).append(" as bpchar)");
        }
        if (search.service() != null) {
            parameters.add(search.service());
            where.append(" and s.services @> array[cast(?").append(parameters.size()).append(" as text)]");
        }
        if (search.openNow()) {
            where.append(" and ").append(openNow);
        }
        StationSearch.After after = search.after();
        if (after != null) {
            parameters.add(search.near() ? (Object) Double.parseDouble(after.key()) : after.key());
            parameters.add(after.id());
            int key = parameters.size() - 1;
            where.append(" and (").append(search.near() ? chord : "s.name").append(", s.id) > (?").append(key)
                    .append(", ?").append(key + 1).append(")");
        }
        parameters.add(search.limit() + 1);
        int rows = parameters.size();
        StringBuilder sql = new StringBuilder();
        StringBuilder inner = new StringBuilder("select s.id, s.name, s.district_code, s.address, s.latitude, s.longitude,"
                + " s.services, ");
        inner.append(search.near() ? chord : "cast(null as float8)").append(" as chord").append(where);
        if (search.near()) {
            // the distance of the page's last row (offset = limit: the page holds limit + 1 rows);
            // none when fewer stations are left, and then the box is the whole sphere (chord 2)
            parameters.add(search.limit());
            sql.append("with cutoff as materialized (select ").append(chord).append(" as d").append(where)
                    .append(" order by ").append(chord).append(" limit 1 offset ?").append(parameters.size()).append(") ");
            String radius = "coalesce((select d from cutoff), 2.0)";
            inner.append(" and station_point(s.latitude, s.longitude) <@ cube_enlarge(").append(point).append(", ")
                    .append(radius).append(" * (1 + 1e-9) + 1e-12, 3) and ").append(chord).append(" <= ").append(radius);
        }
        inner.append(search.near() ? " order by chord, s.id" : " order by s.name, s.id").append(" limit ?").append(rows);
        sql.append("select cast(s.id as text), s.name, s.district_code, s.address, s.latitude, s.longitude,"
                        + " cast(to_json(s.services) as text), ")
                // the chord on the unit sphere as metres along the earth's surface (mean radius)
                .append(search.near() ? "2 * 6371008.8 * asin(least(1.0, s.chord / 2))" : "cast(null as float8)")
                .append(", s.chord, ").append(openNow).append(" from (").append(inner).append(") s")
                .append(search.near() ? " order by s.chord, s.id" : " order by s.name, s.id");
        return new Statement(sql.toString(), parameters);
    }

    private static String cursorOf(StationSearch search, Object[] row) {
        String key = search.near() ? Double.toString(((Number) row[8]).doubleValue()) : (String) row[1];
        return Cursors.encode(StationSearch.After.encode(search.near(), key, UUID.fromString((String) row[0])));
    }

    private StationCard card(Object[] row) {
        List<String> services;
        try {
            services = json.readValue((String) row[6], STRINGS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("services of station " + row[0] + " are not a JSON array", e);
        }
        Long meters = row[7] == null ? null : Math.round(((Number) row[7]).doubleValue());
        return new StationCard(UUID.fromString((String) row[0]), (String) row[1], ((String) row[2]).trim(),
                (String) row[3], row[4] == null ? null : ((Number) row[4]).doubleValue(),
                row[5] == null ? null : ((Number) row[5]).doubleValue(), services, meters, Boolean.TRUE.equals(row[9]));
    }
}
