package sh.grassroots.stations.station.application;

import sh.grassroots.stations.station.model.DailyHours;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/** {@code managers}: the subjects of the people who run the station (may be empty: the district admin does). */
public record CreateStation(String name, String districtCode, String address, Double latitude, Double longitude,
                            List<String> hostUnits, List<String> services, List<String> managers,
                            Map<DayOfWeek, DailyHours> openingHours) {
}
