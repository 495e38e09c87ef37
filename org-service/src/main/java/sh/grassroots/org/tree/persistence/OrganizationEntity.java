package sh.grassroots.org.tree.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import sh.grassroots.org.branch.persistence.BranchFormColumns;
import sh.grassroots.org.tree.model.ActiveOrganization;
import sh.grassroots.org.tree.model.DissolvedOrganization;
import sh.grassroots.org.tree.model.Organization;
import sh.grassroots.org.tree.model.OrganizationKind;
import sh.grassroots.org.tree.model.TreePath;
import sh.grassroots.platform.access.Place;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "organization")
public class OrganizationEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationKind kind;

    @Column(name = "district_code", nullable = false, columnDefinition = "bpchar(6)")
    public String districtCode;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(nullable = false)
    public String path;

    @Column(name = "founded_on")
    public LocalDate foundedOn;

    @Column(name = "document_number")
    public String documentNumber;

    @Column(name = "dissolved_on")
    public LocalDate dissolvedOn;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The branch form (functional, temporary, grid, directly managed); null for an ordinary branch. */
    @Embedded
    public BranchFormColumns form;

    @Version
    public long version;

    public Organization toModel() {
        if (dissolvedOn != null) {
            return new DissolvedOrganization(id, name, kind, districtCode, Optional.ofNullable(parentId),
                    new TreePath(path), foundedOn, dissolvedOn);
        }
        return new ActiveOrganization(id, name, kind, districtCode, Optional.ofNullable(parentId),
                new TreePath(path), foundedOn);
    }

    /** Where the organization sits, for access checks. */
    public Place place() {
        return new Place(districtCode.trim(), path);
    }
}
