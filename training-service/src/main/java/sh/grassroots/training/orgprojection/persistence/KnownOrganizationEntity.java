package sh.grassroots.training.orgprojection.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import sh.grassroots.training.orgprojection.model.OrganizationSnapshot;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "known_organization")
public class KnownOrganizationEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    @Column(name = "district_code", nullable = false)
    public String districtCode;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "founded_on")
    public LocalDate foundedOn;

    @Column(name = "dissolved_on")
    public LocalDate dissolvedOn;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public OrganizationSnapshot snapshot() {
        return new OrganizationSnapshot(id, name, kind, districtCode, parentId, foundedOn);
    }

    public static KnownOrganizationEntity of(OrganizationSnapshot s, OffsetDateTime now) {
        KnownOrganizationEntity e = new KnownOrganizationEntity();
        e.id = s.id();
        e.name = s.name();
        e.kind = s.kind();
        e.districtCode = s.districtCode();
        e.parentId = s.parentId();
        e.foundedOn = s.foundedOn();
        e.updatedAt = now;
        return e;
    }
}
