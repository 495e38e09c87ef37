package sh.grassroots.stations.station.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import sh.grassroots.stations.station.model.RoomTerms;

import java.time.Duration;
import java.util.UUID;

@Entity
@Table(name = "room")
public class RoomEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "station_id", nullable = false)
    public UUID stationId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false)
    public String[] facilities;

    @Column(name = "requires_approval", nullable = false)
    public boolean requiresApproval;

    @Column(name = "min_notice_minutes", nullable = false)
    public int minNoticeMinutes;

    @Column(name = "max_horizon_days", nullable = false)
    public int maxHorizonDays;

    @Column(name = "min_length_minutes", nullable = false)
    public int minLengthMinutes;

    @Column(name = "max_length_minutes", nullable = false)
    public int maxLengthMinutes;

    @Column(name = "buffer_minutes", nullable = false)
    public int bufferMinutes;

    @Column(name = "cancellation_deadline_minutes", nullable = false)
    public int cancellationDeadlineMinutes;

    @Column(name = "weekly_quota", nullable = false)
    public int weeklyQuota;

    @Column(name = "monthly_quota", nullable = false)
    public int monthlyQuota;

    @Version
    public long version;

    public RoomTerms terms() {
        return new RoomTerms(capacity, requiresApproval, Duration.ofMinutes(minNoticeMinutes),
                Duration.ofDays(maxHorizonDays), Duration.ofMinutes(minLengthMinutes),
                Duration.ofMinutes(maxLengthMinutes), Duration.ofMinutes(bufferMinutes),
                Duration.ofMinutes(cancellationDeadlineMinutes), weeklyQuota, monthlyQuota);
    }
}
