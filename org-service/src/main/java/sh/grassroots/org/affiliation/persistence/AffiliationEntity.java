package sh.grassroots.org.affiliation.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import sh.grassroots.org.affiliation.model.EndReason;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "affiliation")
public class AffiliationEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    /** Orders a member's affiliations and pages them; set by the database, so null until reloaded. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public LocalDate since;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
