package sh.grassroots.org.branch.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.util.UUID;

@Entity
@Table(name = "village_profile")
public class VillageProfileEntity extends PanacheEntityBase {
    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "area_km2", precision = 10, scale = 3)
    public BigDecimal areaKm2;

    @Column(name = "households")
    public Integer households;

    @Version
    public long version;
}
