package sh.grassroots.stations.station.application;

import java.util.List;
import java.util.UUID;

/** The people named to run a station, by subject, in order; its district's admin runs it too. */
public record ManagersView(UUID stationId, String districtCode, List<String> managers) {
}
