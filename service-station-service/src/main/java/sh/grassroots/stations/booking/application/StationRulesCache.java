package sh.grassroots.stations.booking.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.stations.booking.persistence.StationRulesReader;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This replica's copy of each station's booking rules. Nothing here is trusted on its own: the
 * booking statement checks the version it was read at (see {@link BookingFastLane}), so a copy
 * outdated by another replica or by SQL only costs a reload. This replica's own writes to a
 * station forget its copy at once, which saves that reload.
 */
@ApplicationScoped
public class StationRulesCache {
    /** Past this many stations the copies are dropped and read again as they are used. */
    static final int MAX_STATIONS = 10_000;
    private final StationRulesReader reader;
    private final Clock clock;
    private final Map<UUID, StationRules> byStation = new ConcurrentHashMap<>();

    public StationRulesCache(StationRulesReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /** The copy kept, or read now; null when there is no such station. */
    public Uni<StationRules> of(UUID stationId) {
        StationRules kept = byStation.get(stationId);
        return kept != null ? Uni.createFrom().item(kept) : reload(stationId);
    }

    /** Reads the station's rules again, replacing the copy kept. */
    public Uni<StationRules> reload(UUID stationId) {
        return reader.read(stationId, OffsetDateTime.now(clock)).invoke(rules -> {
            if (rules == null) {
                byStation.remove(stationId);
                return;
            }
            if (byStation.size() >= MAX_STATIONS) {
                byStation.clear();
            }
            byStation.merge(stationId, rules, (old, fresh) -> fresh.rulesVersion() >= old.rulesVersion() ? fresh : old);
        });
    }

    /** The copy kept, if any, as it is: what the next booking at the station is first judged by. */
    public StationRules kept(UUID stationId) {
        return byStation.get(stationId);
    }

    public void forget(UUID stationId) {
        byStation.remove(stationId);
    }
}
