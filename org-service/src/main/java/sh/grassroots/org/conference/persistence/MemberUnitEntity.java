package sh.grassroots.org.conference.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import sh.grassroots.org.conference.model.MemberUnit;
import sh.grassroots.org.conference.model.Sector;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "conference_unit")
public class MemberUnitEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "conference_id", nullable = false)
    public UUID conferenceId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sector sector;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Version
    public long version;

    public MemberUnit toModel() {
        return new MemberUnit(id, name, sector, Optional.ofNullable(organizationId), joinedOn, Optional.ofNullable(leftOn));
    }

    public static MemberUnitEntity of(UUID conferenceId, MemberUnit unit) {
        MemberUnitEntity entity = new MemberUnitEntity();
        entity.id = unit.id();
        entity.conferenceId = conferenceId;
        entity.name = unit.name();
        entity.sector = unit.sector();
        entity.organizationId = unit.organizationId().orElse(null);
        entity.joinedOn = unit.joinedOn();
        entity.leftOn = unit.leftOn().orElse(null);
        return entity;
    }
}
