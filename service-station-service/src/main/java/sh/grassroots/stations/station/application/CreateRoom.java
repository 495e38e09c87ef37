package sh.grassroots.stations.station.application;

import java.util.List;

/** Terms left null take the standard terms' values. */
public record CreateRoom(String name, int capacity, List<String> facilities, boolean requiresApproval,
                         Integer minNoticeMinutes, Integer maxHorizonDays, Integer minLengthMinutes,
                         Integer maxLengthMinutes, Integer bufferMinutes, Integer cancellationDeadlineMinutes,
                         Integer weeklyQuota, Integer monthlyQuota) {
}
