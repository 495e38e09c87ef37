package sh.grassroots.stations.station.application;

import sh.grassroots.stations.station.model.DailyHours;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

public record CreateStation(String name, String districtCode, String address, Double latitude, Double longitude,
                            List<String> hostUnits, List<String> services, String managerScope,
                            Map<DayOfWeek, DailyHours> openingHours) {
}
