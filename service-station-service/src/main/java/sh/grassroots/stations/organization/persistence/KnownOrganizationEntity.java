package sh.grassroots.stations.organization.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Stations' copy of an organization of the tree, from org.organization.v1 (see OrganizationPlaces). */
@Entity
@Table(name = "known_organization")
public class KnownOrganizationEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "district_code", nullable = false)
    public String districtCode;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    @Column(name = "dissolved_on")
    public LocalDate dissolvedOn;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
