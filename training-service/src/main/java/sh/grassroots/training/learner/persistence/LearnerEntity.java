package sh.grassroots.training.learner.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import sh.grassroots.training.enrolment.model.MemberStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** training's projection of a person (see V3__learner_and_enrolment.sql). */
@Entity
@Table(name = "learner")
public class LearnerEntity extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "home_organization_id")
    public UUID homeOrganizationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_status", nullable = false)
    public MemberStatus memberStatus;

    @Column(name = "member_unit_id")
    public UUID memberUnitId;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
