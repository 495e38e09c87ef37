package sh.grassroots.training.conference.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** training's projection of a conference member unit (see V7__conferences_and_caller_scoped_keys.sql). */
@Entity
@Table(name = "known_member_unit")
public class KnownMemberUnitEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "conference_id", nullable = false)
    public UUID conferenceId;

    @Column(nullable = false)
    public String name;

    @Column(name = "host_district", nullable = false)
    public String hostDistrict;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
