package sh.grassroots.stations.station.application;

import sh.grassroots.stations.station.persistence.RoomEntity;

import java.util.List;
import java.util.UUID;

public record RoomView(UUID id, UUID stationId, String name, int capacity, List<String> facilities,
                       boolean requiresApproval, int minNoticeMinutes, int maxHorizonDays, int minLengthMinutes,
                       int maxLengthMinutes, int bufferMinutes, int cancellationDeadlineMinutes, int weeklyQuota,
                       int monthlyQuota, long version) {

    static RoomView of(RoomEntity r) {
        return new RoomView(r.id, r.stationId, r.name, r.capacity, List.of(r.facilities), r.requiresApproval,
                r.minNoticeMinutes, r.maxHorizonDays, r.minLengthMinutes, r.maxLengthMinutes, r.bufferMinutes,
                r.cancellationDeadlineMinutes, r.weeklyQuota, r.monthlyQuota, r.version);
    }
}
