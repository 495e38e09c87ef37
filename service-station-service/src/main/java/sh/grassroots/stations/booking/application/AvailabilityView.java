package sh.grassroots.stations.booking.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record AvailabilityView(UUID stationId, UUID roomId, LocalDate date, List<Slot> freeSlots) {
    public record Slot(OffsetDateTime start, OffsetDateTime end) {
    }
}
