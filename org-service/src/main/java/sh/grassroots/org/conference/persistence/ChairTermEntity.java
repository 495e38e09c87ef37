package sh.grassroots.org.conference.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import sh.grassroots.org.conference.model.ChairTerm;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Terms are never updated: a change of roster is a new term (no overlaps, see V11). */
@Entity
@Table(name = "conference_chair_term")
public class ChairTermEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "conference_id", nullable = false)
    public UUID conferenceId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public ChairTerm toModel(String unitName) {
        return new ChairTerm(id, unitId, unitName, startsOn, endsOn);
    }
}
