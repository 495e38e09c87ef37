package sh.grassroots.training.conference.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** training's projection of a joint conference (see V7__conferences_and_caller_scoped_keys.sql). */
@Entity
@Table(name = "known_conference")
public class KnownConferenceEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "host_district", nullable = false)
    public String hostDistrict;

    @Column(name = "founded_on")
    public LocalDate foundedOn;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
