package sh.grassroots.stations.station.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "station")
public class StationEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "district_code", nullable = false, columnDefinition = "bpchar(6)")
    public String districtCode;

    @Column(nullable = false)
    public String address;

    public Double latitude;

    public Double longitude;

    @Column(name = "host_units", nullable = false)
    public String[] hostUnits;

    @Column(nullable = false)
    public String[] services;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
