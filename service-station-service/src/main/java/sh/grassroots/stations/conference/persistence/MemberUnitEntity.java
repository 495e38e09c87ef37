package sh.grassroots.stations.conference.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A joint conference's member unit as stations knows it, from org.conference.v1. */
@Entity
@Table(name = "member_unit")
public class MemberUnitEntity extends PanacheEntityBase {
    @Id
    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "conference_id", nullable = false)
    public UUID conferenceId;

    /** The district hosting the unit's conference: its admin and organizers are the conference's office. */
    @Column(name = "host_district", nullable = false)
    public String hostDistrict;

    @Column(nullable = false)
    public String name;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
